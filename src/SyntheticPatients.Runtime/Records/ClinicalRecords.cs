using SyntheticPatients.Runtime.Definitions;

namespace SyntheticPatients.Runtime.Records;

// One type per exported table row. Definitions (codes, names, units) are shared static objects from the module
// library or the baseline catalogs; a record adds when, where (encounter) and the drawn values.
// Source says who produced the row: "baseline" or the name of the module.

public sealed record EncounterRecord(
    Guid Id,
    DateTime Start,
    DateTime Stop,
    EncounterDefinition Definition,
    Guid OrganizationId,
    Guid ProviderId,
    Guid? PayerId,
    decimal BaseCost,
    Code? Reason,
    string Source);

public sealed record ConditionRecord(
    DateTime Start,
    DateTime? Stop,
    Guid? EncounterId,
    ConditionDefinition Definition,
    string Source);

public sealed record MedicationRecord(
    DateTime Start,
    DateTime? Stop,
    Guid? EncounterId,
    MedicationDefinition Definition,
    Guid? PayerId,
    decimal BaseCost,
    int Dispenses,
    Code? Reason,
    string Source);

public sealed record ObservationRecord(
    DateTime Date,
    Guid? EncounterId,
    ObservationDefinition Definition,
    double Value,
    string? ValueText,
    string Source)
{
    /// <summary>"numeric" when the value is a number, else "text" (Synthea's TYPE column).</summary>
    public string Type => ValueText is null ? "numeric" : "text";
}

public sealed record ProcedureRecord(
    DateTime Start,
    DateTime Stop,
    Guid? EncounterId,
    ProcedureDefinition Definition,
    decimal BaseCost,
    Code? Reason,
    string Source);

public sealed record ImmunizationRecord(
    DateTime Date,
    Guid? EncounterId,
    ImmunizationDefinition Definition,
    decimal BaseCost,
    string Source);

public sealed record AllergyRecord(
    DateTime Start,
    DateTime? Stop,
    Guid? EncounterId,
    AllergyDefinition Definition,
    /// <summary>allergy or intolerance.</summary>
    string Type,
    /// <summary>food, medication, environment or biologic.</summary>
    string Category,
    Code? Reaction1,
    string? Severity1,
    Code? Reaction2,
    string? Severity2,
    string Source);

public sealed record CarePlanRecord(
    Guid Id,
    DateTime Start,
    DateTime? Stop,
    Guid? EncounterId,
    CarePlanDefinition Definition,
    Code? Reason,
    string Source);

public sealed record FamilyHistoryRecord(
    Guid Id,
    /// <summary>HL7 v3 RoleCode: MTH, FTH, BRO, SIS, GRMTH, GRFTH...</summary>
    string RelationCode,
    string Relation,
    ConditionDefinition Condition,
    int? OnsetAge,
    bool Deceased,
    DateTime Recorded);

public sealed record DeathRecord(
    DateTime Date,
    ConditionDefinition? Cause,
    Guid? EncounterId,
    /// <summary>natural, accident, suicide, homicide, undetermined.</summary>
    string Manner,
    string Source);

public sealed record ModuleAttributeRecord(string Module, string Attribute, string Value);
