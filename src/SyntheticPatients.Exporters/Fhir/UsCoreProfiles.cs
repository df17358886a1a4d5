namespace SyntheticPatients.Exporters.Fhir;

/// <summary>US Core (5.0.1) profile canonical URLs the resources declare in <c>meta.profile</c>.</summary>
internal static class UsCoreProfiles
{
    private const string Base = "http://hl7.org/fhir/us/core/StructureDefinition/";

    public const string Patient = Base + "us-core-patient";
    public const string Organization = Base + "us-core-organization";
    public const string Practitioner = Base + "us-core-practitioner";
    public const string Encounter = Base + "us-core-encounter";
    public const string ConditionEncounterDiagnosis = Base + "us-core-condition-encounter-diagnosis";
    public const string ConditionProblems = Base + "us-core-condition-problems-health-concerns";
    public const string AllergyIntolerance = Base + "us-core-allergyintolerance";
    public const string MedicationRequest = Base + "us-core-medicationrequest";
    public const string Procedure = Base + "us-core-procedure";
    public const string Immunization = Base + "us-core-immunization";
    public const string CarePlan = Base + "us-core-careplan";

    public const string Laboratory = Base + "us-core-observation-lab";
    public const string SmokingStatus = Base + "us-core-smokingstatus";
    public const string SocialHistory = Base + "us-core-observation-social-history";
    public const string Survey = Base + "us-core-observation-survey";
    public const string VitalSigns = Base + "us-core-vital-signs";
    public const string BloodPressure = Base + "us-core-blood-pressure";

    public const string Race = Base + "us-core-race";
    public const string Ethnicity = Base + "us-core-ethnicity";
    public const string BirthSex = Base + "us-core-birthsex";

    /// <summary>The US Core profile of an observation, by category and LOINC code; null when none applies.</summary>
    public static string? Observation(string? category, string? loinc) => category switch
    {
        "vital-signs" => loinc switch
        {
            "8302-2" => Base + "us-core-body-height",
            "29463-7" => Base + "us-core-body-weight",
            "39156-5" => Base + "us-core-bmi",
            "9843-4" => Base + "us-core-head-circumference",
            "8867-4" => Base + "us-core-heart-rate",
            "9279-1" => Base + "us-core-respiratory-rate",
            "8310-5" => Base + "us-core-body-temperature",
            "59408-5" or "2708-6" => Base + "us-core-pulse-oximetry",
            "85354-9" => BloodPressure,
            "59576-9" => Base + "pediatric-bmi-for-age",
            "77606-2" => Base + "pediatric-weight-for-height",
            "8289-1" => Base + "head-occipital-frontal-circumference-percentile",
            _ => VitalSigns,
        },
        "laboratory" => Laboratory,
        "social-history" => loinc == "72166-2" ? SmokingStatus : SocialHistory,
        "survey" => Survey,
        _ => null,
    };
}
