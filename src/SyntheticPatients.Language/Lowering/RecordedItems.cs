using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Lowering;

/// <summary>The patient's event buffer a record or end state writes to (the runtime's EventKind, minus encounters).</summary>
public enum RecordKind : byte
{
    Condition,
    Medication,
    Observation,
    Procedure,
    Immunization,
    CarePlan,
    Allergy,
}

/// <summary>
/// One clinical entry as the runtime defines it: each kind carries exactly the properties its runtime definition has,
/// already taken from the module's fields (e.g. an allergy's <c>reaction:</c>, a medication's therapeutic class).
/// Null text means "not given" (the definition keeps its default).
/// </summary>
public abstract record RecordedItem(string Name, EquatableArray<CodeSpec> Codes);

public sealed record ConditionItem(string Name, EquatableArray<CodeSpec> Codes, string? Category, string? Status)
    : RecordedItem(Name, Codes);

public sealed record MedicationItem(
    string Name, EquatableArray<CodeSpec> Codes, string? Dose, string? TherapyCategory, string? TherapeuticClass, string? Reason, string? Status)
    : RecordedItem(Name, Codes);

/// <summary>
/// An observation or symptom; <see cref="Value"/> is null when it has no number (NaN is recorded). An observation of a
/// body measure (<see cref="VitalSign"/>, the runtime's <c>VitalSign</c> ordinal, -1 for none; <see cref="VitalSignMember"/>
/// its name) records the body's value; a <see cref="Value"/> it carries is first made the body's value.
/// </summary>
public sealed record ObservationItem(
    string Name, EquatableArray<CodeSpec> Codes, string? Units, string? Category, string? Panel, string? ReferenceRange, string? Status,
    string? ValueText, Draw? Value, int VitalSign = -1, string? VitalSignMember = null)
    : RecordedItem(Name, Codes)
{
    public bool IsVitalSign => VitalSign >= 0;
}

public sealed record ProcedureItem(string Name, EquatableArray<CodeSpec> Codes, string? Reason, string? Status)
    : RecordedItem(Name, Codes);

/// <summary><see cref="DoseNumber"/> 0: not given.</summary>
public sealed record ImmunizationItem(string Name, EquatableArray<CodeSpec> Codes, int DoseNumber, string? Status)
    : RecordedItem(Name, Codes);

public sealed record CarePlanItem(
    string Name, EquatableArray<CodeSpec> Codes, string? Category, string? Goal, string? Reason, string? Status,
    EquatableArray<CarePlanActivitySpec> Activities)
    : RecordedItem(Name, Codes);

public sealed record AllergyItem(string Name, EquatableArray<CodeSpec> Codes, string? Category, string? Reaction, string? Severity, string? Status)
    : RecordedItem(Name, Codes);
