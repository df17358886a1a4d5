using SyntheticPatients.Language.Lowering;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime.Definitions;

namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>
/// The runtime definition object of a program's item record, field for field (what DefinitionEmitter prints as a
/// static field): no codes gives a null array, and a property the module did not give keeps its default.
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

    public static ClinicalDefinition Item(RecordedItem item) => item switch
    {
        ConditionItem condition => Condition(condition),
        MedicationItem medication => new MedicationDefinition(medication.Name, Codes(medication.Codes))
        {
            Dose = medication.Dose,
            TherapyCategory = medication.TherapyCategory,
            TherapeuticClass = medication.TherapeuticClass,
            Reason = medication.Reason,
            Status = medication.Status,
        },
        ObservationItem observation => new ObservationDefinition(observation.Name, Codes(observation.Codes))
        {
            Units = observation.Units,
            Category = observation.Category,
            Panel = observation.Panel,
            ReferenceRange = observation.ReferenceRange,
            Status = observation.Status,
            ValueText = observation.ValueText,
        },
        ProcedureItem procedure => new ProcedureDefinition(procedure.Name, Codes(procedure.Codes)) { Reason = procedure.Reason, Status = procedure.Status },
        ImmunizationItem immunization => new ImmunizationDefinition(immunization.Name, Codes(immunization.Codes))
        {
            DoseNumber = immunization.DoseNumber,
            Status = immunization.Status,
        },
        CarePlanItem carePlan => CarePlan(carePlan),
        AllergyItem allergy => new AllergyDefinition(allergy.Name, Codes(allergy.Codes))
        {
            Category = allergy.Category,
            Reaction = allergy.Reaction,
            Severity = allergy.Severity,
            Status = allergy.Status,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(item), item.GetType().Name, "No runtime definition for this item record."),
    };

    public static ConditionDefinition Condition(ConditionItem item) => new(item.Name, Codes(item.Codes)) { Category = item.Category, Status = item.Status };

    private static CarePlanDefinition CarePlan(CarePlanItem item)
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

    private static Code[]? Codes(Language.Text.EquatableArray<CodeSpec> codes)
    {
        if (codes.Count == 0) return null;
        var result = new Code[codes.Count];
        for (int i = 0; i < result.Length; i++) result[i] = new Code(codes[i].System, codes[i].Code, codes[i].Display);
        return result;
    }
}
