using SyntheticPatients.Runtime.Definitions;

namespace SyntheticPatients.Runtime.Tests.Runtime;

/// <summary>Definitions shaped like the ones generated modules hold in static readonly fields.</summary>
internal static class TestDefinitions
{
    public static readonly EncounterDefinition Visit = new("Office visit", EncounterClass.Ambulatory, new[] { new Code("SNOMED-CT", "185349003", "Encounter for check up") });

    public static readonly ConditionDefinition Hypertension = new("Essential hypertension", new[]
    {
        new Code("SNOMED-CT", "38341003", "Hypertensive disorder"),
        new Code("ICD-10-CM", "I10", "Essential hypertension"),
    }) { Category = "cardiovascular" };

    public static readonly MedicationDefinition Lisinopril = new("lisinopril 10 MG Oral Tablet", new[] { new Code("RxNorm", "314076", null) }) { Dose = "10 mg daily" };

    public static readonly MedicationDefinition Amlodipine = new("amlodipine 5 MG Oral Tablet", new[] { new Code("RxNorm", "197361", null) });

    public static readonly ObservationDefinition Systolic = new("Systolic blood pressure", new[] { new Code("LOINC", "8480-6", null) }) { Units = "mm[Hg]" };

    public static readonly ObservationDefinition Smoking = new("Tobacco smoking status", new[] { new Code("LOINC", "72166-2", null) }) { ValueText = "Never smoker" };

    public static readonly CarePlanDefinition LifestylePlan = new("Lifestyle education regarding hypertension", new[] { new Code("SNOMED-CT", "443402002", null) });

    public static readonly AllergyDefinition DustMite = new("Allergy to house dust mite", new[] { new Code("SNOMED-CT", "232350006", null) });

    public static readonly ProcedureDefinition Ecg = new("Electrocardiogram", new[] { new Code("CPT", "93000", null) });

    public static readonly ImmunizationDefinition Influenza = new("Influenza, seasonal, injectable, preservative free", new[] { new Code("CVX", "140", null) }) { DoseNumber = 1 };

    public static long Day(int year, int month, int day) => new DateTime(year, month, day).Ticks;
}
