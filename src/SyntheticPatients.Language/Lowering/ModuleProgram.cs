using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Lowering;

/// <summary>
/// A module lowered for execution: every decision about what the module means is taken here, once, by
/// <see cref="ModuleLowering"/>. The source generator prints this program as C# and the run-time interpreter executes
/// it, so the two engines cannot disagree. Value-equatable, so the generator's emit step caches on it.
/// </summary>
/// <param name="Name">The module's name.</param>
/// <param name="DisplayPath">The file as authors see it ("modules/asthma.yaml").</param>
/// <param name="InitialState">The state a run starts in.</param>
/// <param name="States">Every state in file order; a state's index is its number at run time.</param>
/// <param name="Conditions">The condition nodes states and edges refer to by index.</param>
/// <param name="Children">Operand node indices of and/or nodes.</param>
/// <param name="Attributes">The attribute names this module uses; actions and conditions refer to them by index here.</param>
/// <param name="Calls">The modules call_submodule states call; <see cref="CallAction.Call"/> indexes this list.</param>
public sealed record ModuleProgram(
    string Name,
    string DisplayPath,
    string Description,
    int InitialState,
    EquatableArray<ProgramState> States,
    EquatableArray<ConditionNode> Conditions,
    EquatableArray<int> Children,
    EquatableArray<string> Attributes,
    EquatableArray<string> Calls)
{
    /// <summary>The runtime <c>ModuleCategories</c> members the module replaces, in file order.</summary>
    public EquatableArray<string> Replaces { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The runtime <c>ModuleCategories</c> members the module adds to, in file order.</summary>
    public EquatableArray<string> Augments { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The codes of every condition the module can record, ordinal-sorted (the baseline leaves them to it).</summary>
    public EquatableArray<string> ConditionCodes { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> Sources { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The module's state machine as a Mermaid flowchart.</summary>
    public string Graph { get; init; } = string.Empty;
}

/// <summary>
/// One state: its action, the time that passes after it (<c>advance_days</c>), then its transitions (none for
/// terminal and death states, which end the run).
/// </summary>
/// <param name="Line">The state's line in the YAML file (generated code points back to it).</param>
/// <param name="AdvanceDays">advance_days as written (0: none); <paramref name="AdvanceTicks"/> is the same in ticks.</param>
/// <param name="Summary">Its transitions in words, for comments and the state table.</param>
public sealed record ProgramState(
    string Name,
    string TypeName,
    int Line,
    StateAction Action,
    double AdvanceDays,
    long AdvanceTicks,
    TransitionTable? Transitions,
    string Summary);
