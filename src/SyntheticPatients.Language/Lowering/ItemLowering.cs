using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Language.Lowering;

/// <summary>
/// A module's clinical entry as the runtime defines it: which of the module's fields becomes which definition
/// property, per kind.
/// </summary>
internal static class ItemLowering
{
    public static RecordedItem Lower(RecordKind kind, ClinicalItemSpec item) => kind switch
    {
        RecordKind.Condition => Condition(item),
        RecordKind.Medication => new MedicationItem(item.Name, item.Codes, item.Dose, item.TherapyCategory, item.Category, item.Reason, item.Status),
        // A constant value is recorded as written; a drawn one is rounded to the item's decimals.
        RecordKind.Observation => Observation(item),
        RecordKind.Procedure => new ProcedureItem(item.Name, item.Codes, item.Reason, item.Status),
        RecordKind.Immunization => new ImmunizationItem(item.Name, item.Codes, item.DoseNumber, item.Status),
        RecordKind.CarePlan => new CarePlanItem(item.Name, item.Codes, item.Category, item.Goal, item.Reason, item.Status, item.Activities),
        // The module's reaction: is bound into Reason.
        _ => new AllergyItem(item.Name, item.Codes, item.Category, item.Reason, item.Severity, item.Status),
    };

    /// <summary>A body measure is recorded from the body: a coded text result is never one.</summary>
    private static ObservationItem Observation(ClinicalItemSpec item)
    {
        var sign = item.ValueText is null ? BodyVitalSigns.Of(item) : null;
        return new ObservationItem(item.Name, item.Codes, item.Units, item.Category, item.Panel, item.ReferenceRange, item.Status,
            item.ValueText, item.Value is { } value ? Draw.Of(value, rounded: true) : null, sign?.Ordinal ?? -1, sign?.Member);
    }

    /// <summary>condition_onset items and the cause of a death state.</summary>
    public static ConditionItem Condition(ClinicalItemSpec item) => new(item.Name, item.Codes, item.Category, item.Status);
}
