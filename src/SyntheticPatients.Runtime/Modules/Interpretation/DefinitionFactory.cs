using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime.Definitions;

namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>
/// Builds the definition objects of a state exactly as DefinitionEmitter writes them: no codes gives a null array,
/// and only the properties the module gave are set (the rest keep their defaults).
/// </summary>
internal static class DefinitionFactory
{
    public static EncounterDefinition Encounter(EncounterSpec encounter)
        => new(encounter.EncounterType, EncounterClassMapping.ToRuntime(encounter.Class), Codes(encounter.Codes))
        {
            Reason = encounter.Reason,
            ProviderRole = encounter.ProviderRole,
            Location = encounter.Location,
        };

    /// <summary>condition_onset items and the cause of a death state.</summary>
    public static ConditionDefinition Condition(ClinicalItemSpec item)
        => new(item.Name, Codes(item.Codes)) { Category = item.Category, Status = item.Status };

    public static MedicationDefinition Medication(ClinicalItemSpec item)
        => new(item.Name, Codes(item.Codes))
        {
            Dose = item.Dose,
            TherapyCategory = item.TherapyCategory,
            TherapeuticClass = item.Category,
            Reason = item.Reason,
            Status = item.Status,
        };

    /// <summary>observation and symptom items.</summary>
    public static ObservationDefinition Observation(ClinicalItemSpec item)
        => new(item.Name, Codes(item.Codes))
        {
            Units = item.Units,
            Category = item.Category,
            Panel = item.Panel,
            ReferenceRange = item.ReferenceRange,
            Status = item.Status,
            ValueText = item.ValueText,
        };

    public static ProcedureDefinition Procedure(ClinicalItemSpec item)
        => new(item.Name, Codes(item.Codes)) { Reason = item.Reason, Status = item.Status };

    public static ImmunizationDefinition Immunization(ClinicalItemSpec item)
        => new(item.Name, Codes(item.Codes)) { DoseNumber = item.DoseNumber, Status = item.Status };

    public static CarePlanDefinition CarePlan(ClinicalItemSpec item)
    {
        // No activities: Array.Empty, the same instance the definition's default holds.
        var activities = item.Activities.Count == 0 ? Array.Empty<CarePlanActivity>() : new CarePlanActivity[item.Activities.Count];
        for (int i = 0; i < activities.Length; i++)
        {
            var activity = item.Activities[i];
            activities[i] = new CarePlanActivity(activity.Name, activity.Status, Codes(activity.Codes));
        }
        return new CarePlanDefinition(item.Name, Codes(item.Codes))
        {
            Category = item.Category,
            Goal = item.Goal,
            Reason = item.Reason,
            Status = item.Status,
            Activities = activities,
        };
    }

    /// <summary>The module's <c>reaction:</c> is bound into Reason.</summary>
    public static AllergyDefinition Allergy(ClinicalItemSpec item)
        => new(item.Name, Codes(item.Codes)) { Category = item.Category, Reaction = item.Reason, Severity = item.Severity, Status = item.Status };

    private static Code[]? Codes(Language.Text.EquatableArray<CodeSpec> codes)
    {
        if (codes.Count == 0) return null;
        var result = new Code[codes.Count];
        for (int i = 0; i < result.Length; i++) result[i] = new Code(codes[i].System, codes[i].Code, codes[i].Display);
        return result;
    }
}
