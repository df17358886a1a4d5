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
}

/// <summary>
/// One state. Fields that a kind does not use stay null/empty; the parser only fills the ones the
/// state's type reads, and the checker reports the rest as unknown fields.
/// </summary>
public sealed record StateSpec(
    string Name,
    StateKind Kind,
    string TypeName,
    SourceSpan Span,
    EquatableArray<TransitionSpec> Transitions,
    QuantitySpec? Duration,
    ConditionSpec? Guard,
    EncounterSpec? Encounter,
    EquatableArray<ClinicalItemSpec> Items,
    AttributeTarget? Attribute,
    ValueSpec? Value,
    CounterAction CounterAction,
    double CounterAmount,
    AttributeTarget? AssignToAttribute,
    AttributeTarget? ReferencedByAttribute,
    bool AttachToLastEncounter,
    double AdvanceDays,
    string? Submodule,
    SourceSpan SubmoduleSpan,
    string? EndStatus,
    EquatableArray<string> Sources)
{
    /// <summary>Whether executing this state moves the patient's clock forward (used by the infinite-loop check).</summary>
    public bool AdvancesTime => Kind is StateKind.Delay or StateKind.Guard
        || AdvanceDays > 0
        || (Kind == StateKind.CallSubmodule);
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
