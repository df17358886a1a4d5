using System.Runtime.CompilerServices;

namespace SyntheticPatients.Runtime.Modules;

/// <summary>
/// Base class of the module classes the source generator emits (one sealed singleton per YAML module).
/// A module holds no per-patient state: <see cref="Step"/> runs the current state of a <see cref="ModuleRun"/>
/// against a <see cref="PatientContext"/> and moves the run to the next state.
/// The protected members are the small vocabulary the generated code is written in.
/// </summary>
public abstract class CompiledModule
{
    /// <summary>How long a guard whose condition is false waits before testing again.</summary>
    protected const long GuardPollTicks = 7 * TimeSpan.TicksPerDay;

    /// <summary>The encounter argument for an event not attached to an encounter.</summary>
    protected const int NoEncounter = -1;

    protected const StepOutcome Continue = StepOutcome.Continue;
    protected const StepOutcome Terminated = StepOutcome.Terminated;
    protected const StepOutcome CallSubmodule = StepOutcome.CallSubmodule;
    protected const StepOutcome Died = StepOutcome.Died;

    protected CompiledModule(string name, string sourcePath, int stateCount, int initialState, ModuleCategories replaces, ModuleCategories augments)
    {
        Name = name;
        SourcePath = sourcePath;
        StateCount = stateCount;
        InitialState = initialState;
        Replaces = replaces;
        Augments = augments;
    }

    /// <summary>The module's name (<c>name:</c> in the YAML), used by call_submodule and the registry.</summary>
    public string Name { get; }

    /// <summary>The YAML file, relative to the modules/ folder's parent (e.g. "modules/asthma.yaml").</summary>
    public string SourcePath { get; }

    public int StateCount { get; }

    /// <summary>The index of the start state.</summary>
    public int InitialState { get; }

    /// <summary>Categories whose baseline data this module's events replace.</summary>
    public ModuleCategories Replaces { get; }

    /// <summary>Categories this module adds to.</summary>
    public ModuleCategories Augments { get; }

    /// <summary>
    /// Codes (any system) of the conditions this module can record. The baseline condition generator leaves these
    /// conditions to the modules of the run: a module that models a disease owns its prevalence.
    /// </summary>
    public virtual IReadOnlyList<string> ConditionCodes => Array.Empty<string>();

    /// <summary>The module's one-line description (<c>description:</c>).</summary>
    public virtual string Description => "";

    /// <summary>Source ids cited by the module (<c>sources:</c>).</summary>
    public virtual IReadOnlyList<string> Sources => Array.Empty<string>();

    /// <summary>The state machine as a Mermaid flowchart (for `synthpatients modules graph`).</summary>
    public virtual string Graph => "";

    /// <summary>The YAML name of a state.</summary>
    public abstract string StateName(int state);

    /// <summary>Runs the current state of <paramref name="run"/> once.</summary>
    public abstract StepOutcome Step(ref ModuleRun run, PatientContext patient);

    public override string ToString() => Name;

    /// <summary>Days to ticks, truncating; negative durations (a wide gaussian) count as 0 so time never runs backwards.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static long DaysToTicks(double days) => days > 0 ? (long)(days * TimeSpan.TicksPerDay) : 0;

    /// <summary>Whole days since 0001-01-01: the scale of date conditions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static double DayNumber(long ticks) => ticks / TimeSpan.TicksPerDay;

    /// <summary>
    /// First visit of a call_submodule state: asks the executor to run <paramref name="target"/> (returns true).
    /// Second visit, after the submodule returned: clears the flag (returns false) so the state follows its transitions.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static bool BeginCall(ref ModuleRun run, CompiledModule target)
    {
        if (run.ReturnedFromCall)
        {
            run.ReturnedFromCall = false;
            return false;
        }
        run.PendingCall = target;
        return true;
    }
}
