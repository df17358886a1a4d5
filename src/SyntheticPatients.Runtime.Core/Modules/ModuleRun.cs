namespace SyntheticPatients.Runtime.Modules;

/// <summary>
/// The per-patient progress of one module: current state, clock, last encounter and visited states.
/// A plain struct (fields, not properties) that the executor keeps on the stack and generated code updates in place.
/// </summary>
public struct ModuleRun
{
    /// <summary>The current state's index (the generated <c>State</c> enum value).</summary>
    public int State;

    /// <summary>The module's clock, in <see cref="DateTime.Ticks"/>.</summary>
    public long Now;

    /// <summary>Index of the last encounter started (in <see cref="PatientContext.Encounters"/>), or -1.</summary>
    public int LastEncounter;

    /// <summary>States entered so far, for prior_state conditions.</summary>
    public StateSet Visited;

    /// <summary>Set by a call_submodule state together with <see cref="StepOutcome.CallSubmodule"/>.</summary>
    public CompiledModule? PendingCall;

    /// <summary>Set by the executor after the submodule finished, so the calling state follows its transitions.</summary>
    public bool ReturnedFromCall;

    /// <summary>Steps taken by this run (including its submodules).</summary>
    public int Steps;

    public static ModuleRun Begin(CompiledModule module, long now, int lastEncounter = -1)
        => new() { State = module.InitialState, Now = now, LastEncounter = lastEncounter };
}
