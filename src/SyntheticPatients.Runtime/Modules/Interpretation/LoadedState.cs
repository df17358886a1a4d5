using SyntheticPatients.Language.Lowering;
using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Events;

namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>
/// One program state with the run-time objects its action needs, made once at load: definitions (as the generated
/// classes hold them in static fields), draws as structs, edges as plain arrays. Nothing here decides what the state
/// means; that is the program's <see cref="StateAction"/>.
/// </summary>
internal readonly struct LoadedState
{
    public required StateAction Action { get; init; }

    public long AdvanceTicks { get; init; }

    /// <summary>Null for terminal and death states.</summary>
    public TransitionTable? Table { get; init; }

    public GuardedEdge[] Guarded { get; init; }

    public WeightedEdge[] Weighted { get; init; }

    /// <summary>A record state's items, or a death state's listed cause.</summary>
    public ClinicalDefinition[] Definitions { get; init; }

    /// <summary>Observation values, parallel to <see cref="Definitions"/>; a vital_sign state's value is the only one.</summary>
    public Quantity[] Values { get; init; }

    /// <summary>The body measure each observation records (a <see cref="VitalSign"/>, or -1), parallel to <see cref="Definitions"/>.</summary>
    public int[] Signs { get; init; }

    public EncounterDefinition? Encounter { get; init; }

    /// <summary>A drawn delay.</summary>
    public Quantity Delay { get; init; }

    /// <summary>The buffer of a record or end state.</summary>
    public EventKind Kind { get; init; }

    /// <summary>set_attribute's value.</summary>
    public AttributeValue Value { get; init; }
}
