using SyntheticPatients.Runtime.Definitions;

namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>
/// A family-history condition: how often a first-degree relative has it, the relative risk it confers, the patient
/// condition it relates to (for Bayesian coherence with the patient's own diagnoses) and the relative's onset ages.
/// </summary>
public sealed record FamilyHistorySpec(ConditionDefinition Condition, double RelativePrevalence, double RelativeRisk, string? PatientConditionKey, int MinOnsetAge, int MaxOnsetAge, double FemaleRelativeOnly = 0);

/// <summary>A family relation (HL7 v3 RoleCode) with its weight among affected relatives.</summary>
public sealed record Relation(string Code, string Display, double Weight, Gender Sex, int GenerationsUp);

/// <summary>
/// Family history conditions (prevalence of an affected first-degree relative, rounded from NHANES and Valdez et al.,
/// Am J Prev Med 2010, Family History Public Health Initiative) and relations.
/// </summary>
public static class FamilyHistoryCatalog
{
    public static readonly IReadOnlyList<FamilyHistorySpec> All = new FamilyHistorySpec[]
    {
        new(ConditionCodes.Hypertension, 0.35, 1.8, "hypertension", 35, 70),
        new(ConditionCodes.Diabetes2, 0.25, 2.4, "diabetes2", 35, 75),
        new(ConditionCodes.CoronaryArteryDisease, 0.15, 1.6, "cad", 45, 80),
        new(ConditionCodes.Stroke, 0.08, 1.5, "stroke", 55, 85),
        new(DeathCauseCatalog.BreastCancer, 0.07, 1.9, null, 40, 75, FemaleRelativeOnly: 1),
        new(DeathCauseCatalog.ColonCancer, 0.05, 2.0, null, 45, 80),
        new(ConditionCodes.Depression, 0.10, 2.0, "depression", 18, 60),
        new(ConditionCodes.Alzheimers, 0.08, 1.8, "alzheimers", 70, 90),
        new(ConditionCodes.Osteoporosis, 0.06, 1.6, "osteoporosis", 55, 85, FemaleRelativeOnly: 1),
        new(ConditionCodes.Asthma, 0.10, 2.5, "asthma", 2, 30),
    };

    public static readonly IReadOnlyList<Relation> Relations = new Relation[]
    {
        new("MTH", "mother", 0.3, Gender.Female, 1),
        new("FTH", "father", 0.3, Gender.Male, 1),
        new("SIS", "sister", 0.1, Gender.Female, 0),
        new("BRO", "brother", 0.1, Gender.Male, 0),
        new("MGRMTH", "maternal grandmother", 0.05, Gender.Female, 2),
        new("MGRFTH", "maternal grandfather", 0.05, Gender.Male, 2),
        new("PGRMTH", "paternal grandmother", 0.05, Gender.Female, 2),
        new("PGRFTH", "paternal grandfather", 0.05, Gender.Male, 2),
    };
}
