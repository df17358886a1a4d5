using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Model;

public enum StateKind : byte
{
    Start,
    Terminal,
    Delay,
    Guard,
    Decision,
    Encounter,
    EncounterEnd,
    ConditionOnset,
    ConditionEnd,
    MedicationStart,
    MedicationEnd,
    Observation,
    Symptom,
    Procedure,
    Immunization,
    CarePlanStart,
    CarePlanEnd,
    AllergyOnset,
    AllergyEnd,
    SetAttribute,
    Counter,
    CallSubmodule,
    Death,
    VitalSign,
}

/// <summary>
/// One state: what every state has (name, kind, where it is, its transitions) in the constructor, and what only some
/// kinds use as named <c>init</c> members with empty defaults. The binder sets the members the state's type reads
/// (KindBinder); the checker reports the rest as unknown fields. <see cref="Lowering.ModuleLowering"/> turns each kind
/// into its own action record, which is what the emitter and the interpreter consume.
/// </summary>
public sealed record StateSpec(
    string Name,
    StateKind Kind,
    string TypeName,
    SourceSpan Span,
    EquatableArray<TransitionSpec> Transitions)
{
    /// <summary>delay: how long.</summary>
    public QuantitySpec? Duration { get; init; }

    /// <summary>guard: what the patient waits for.</summary>
    public ConditionSpec? Guard { get; init; }

    /// <summary>encounter: the visit.</summary>
    public EncounterSpec? Encounter { get; init; }

    /// <summary>The clinical entries a recording state records, an end state ends, or a death state names as its cause.</summary>
    public EquatableArray<ClinicalItemSpec> Items { get; init; } = EquatableArray<ClinicalItemSpec>.Empty;

    /// <summary>set_attribute and counter: the attribute.</summary>
    public AttributeTarget? Attribute { get; init; }

    /// <summary>set_attribute: the value (null clears the attribute).</summary>
    public ValueSpec? Value { get; init; }

    public CounterAction CounterAction { get; init; }

    public double CounterAmount { get; init; }

    public AttributeTarget? AssignToAttribute { get; init; }

    public AttributeTarget? ReferencedByAttribute { get; init; }

    public bool AttachToLastEncounter { get; init; }

    /// <summary>Days the clock moves on after the state's action (encounters default to 1).</summary>
    public double AdvanceDays { get; init; }

    /// <summary>call_submodule: the module called, and where it is named.</summary>
    public string? Submodule { get; init; }

    public SourceSpan SubmoduleSpan { get; init; } = SourceSpan.None;

    /// <summary>vital_sign: the body measure it changes (a <see cref="BodyVitalSigns"/> name) and the value it takes.</summary>
    public string? VitalSign { get; init; }

    public QuantitySpec? VitalSignValue { get; init; }

    public VitalSignMode VitalSignMode { get; init; }

    /// <summary>End states: the status the ended entry gets.</summary>
    public string? EndStatus { get; init; }

    public EquatableArray<string> Sources { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Whether executing this state moves the patient's clock forward (used by the infinite-loop check).</summary>
    public bool AdvancesTime => Kind is StateKind.Delay or StateKind.Guard
        || AdvanceDays > 0
        || (Kind == StateKind.CallSubmodule);
}

/// <summary>What a vital_sign state does to its measure.</summary>
public enum VitalSignMode : byte
{
    /// <summary>The measure takes the value.</summary>
    Set,

    /// <summary>The value is added to the measure (negative lowers it).</summary>
    Add,

    /// <summary>The measure follows the body's own course again: the changes made to it are undone (no value).</summary>
    Restore,
}

/// <summary>A named attribute slot, with where it is named (for diagnostics).</summary>
public sealed record AttributeTarget(string Name, SourceSpan Span);

public enum CounterAction : byte
{
    None,
    Increment,
    Decrement,
}

public sealed record EncounterSpec(
    string EncounterType,
    EncounterClass Class,
    string? Reason,
    string? ProviderRole,
    string? Location,
    EquatableArray<CodeSpec> Codes);

/// <summary>FHIR/Synthea encounter classes; drives CSV ENCOUNTERCLASS and HL7 PV1-2.</summary>
public enum EncounterClass : byte
{
    Ambulatory,
    Wellness,
    Outpatient,
    Emergency,
    Urgentcare,
    Inpatient,
    Virtual,
    Home,
}
