using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Events;

namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>What a lowered state does when it runs (one per emitted action shape).</summary>
internal enum StateOp : byte
{
    /// <summary>start, decision, and states with nothing to do: straight to the transitions.</summary>
    Pass,
    Terminal,
    Death,
    Guard,
    DelayExact,
    DelayDrawn,
    Encounter,
    EncounterEnd,
    ConditionOnset,
    MedicationStart,
    Observation,
    Procedure,
    Immunization,
    CarePlanStart,
    AllergyOnset,
    EndReferenced,
    EndLatest,
    SetAttribute,
    Counter,
    CallSubmodule,
}

/// <summary>
/// One state of an interpreted module, resolved at load: attribute slots, definition ranges, tick constants and its
/// transition table are indices and values, so running it needs no lookup by name.
/// </summary>
internal readonly struct LoweredState
{
    public StateOp Op { get; init; }

    /// <summary>Events are attached to the run's last encounter (attach_to_last_encounter, or a symptom).</summary>
    public bool UseLastEncounter { get; init; }

    /// <summary>The buffer an end state ends in, or the kind an assign_to_attribute reference points into.</summary>
    public EventKind Kind { get; init; }

    /// <summary>set_attribute/counter target, referenced_by_attribute of end and death states; -1 when none.</summary>
    public int Slot { get; init; }

    /// <summary>assign_to_attribute slot, or -1.</summary>
    public int AssignSlot { get; init; }

    /// <summary>Guard condition node, or -1.</summary>
    public int Condition { get; init; }

    /// <summary>Exact delay in ticks.</summary>
    public long Ticks { get; init; }

    /// <summary>advance_days in ticks (0: none).</summary>
    public long AdvanceTicks { get; init; }

    /// <summary>First definition (or quantity, or call target) of the state in the arrays of its kind.</summary>
    public int First { get; init; }

    /// <summary>How many items the state records.</summary>
    public int Count { get; init; }

    public AttributeValue Value { get; init; }

    public double Amount { get; init; }

    /// <summary>End status of end states.</summary>
    public string? Status { get; init; }

    /// <summary>The code (or name) an end state without referenced_by_attribute ends.</summary>
    public string? Match { get; init; }

    /// <summary>A death state's listed cause.</summary>
    public ConditionDefinition? Cause { get; init; }

    /// <summary>Index of the state's transition table.</summary>
    public int Transitions { get; init; }
}
