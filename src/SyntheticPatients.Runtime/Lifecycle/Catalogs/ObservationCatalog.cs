using SyntheticPatients.Runtime.Definitions;
using static SyntheticPatients.Runtime.Lifecycle.Catalogs.Terms;

namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>
/// Observations the baseline records: vital signs, laboratory tests and social history (LOINC long common names, UCUM
/// units), as listed in data/terminology/loinc.csv.
/// </summary>
public static class ObservationCatalog
{
    public const string VitalSigns = "vital-signs";
    public const string Laboratory = "laboratory";
    public const string SocialHistory = "social-history";
    public const string Survey = "survey";

    private static ObservationDefinition O(string code, string display, string units, string category, string? panel = null, string? range = null)
        => new(display, new[] { Lnc(code, display) }) { Units = units, Category = category, Panel = panel, ReferenceRange = range };

    // Vital signs.
    public static readonly ObservationDefinition BodyHeight = O("8302-2", "Body height", "cm", VitalSigns);
    public static readonly ObservationDefinition BodyWeight = O("29463-7", "Body weight", "kg", VitalSigns);
    public static readonly ObservationDefinition Bmi = O("39156-5", "Body mass index (BMI) [Ratio]", "kg/m2", VitalSigns);
    public static readonly ObservationDefinition HeadCircumference = O("9843-4", "Head Occipital-frontal circumference", "cm", VitalSigns);
    public static readonly ObservationDefinition SystolicBloodPressure = O("8480-6", "Systolic blood pressure", "mm[Hg]", VitalSigns, "Blood pressure panel");
    public static readonly ObservationDefinition DiastolicBloodPressure = O("8462-4", "Diastolic blood pressure", "mm[Hg]", VitalSigns, "Blood pressure panel");
    public static readonly ObservationDefinition HeartRate = O("8867-4", "Heart rate", "/min", VitalSigns);
    public static readonly ObservationDefinition RespiratoryRate = O("9279-1", "Respiratory rate", "/min", VitalSigns);
    public static readonly ObservationDefinition BodyTemperature = O("8310-5", "Body temperature", "Cel", VitalSigns);
    public static readonly ObservationDefinition OxygenSaturation = O("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%", VitalSigns);

    // Laboratory.
    public static readonly ObservationDefinition HemoglobinA1c = O("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%", Laboratory, range: "4.0-5.6");
    public static readonly ObservationDefinition Glucose = O("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "mg/dL", Laboratory, "Basic metabolic panel", "70-99");
    public static readonly ObservationDefinition UreaNitrogen = O("6299-2", "Urea nitrogen [Mass/volume] in Blood", "mg/dL", Laboratory, "Basic metabolic panel", "7-20");
    public static readonly ObservationDefinition Creatinine = O("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", Laboratory, "Basic metabolic panel", "0.6-1.3");
    public static readonly ObservationDefinition Sodium = O("2951-2", "Sodium [Moles/volume] in Serum or Plasma", "mmol/L", Laboratory, "Basic metabolic panel", "135-145");
    public static readonly ObservationDefinition Potassium = O("2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L", Laboratory, "Basic metabolic panel", "3.5-5.1");
    public static readonly ObservationDefinition Egfr = O("33914-3", "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum or Plasma by Creatinine-based formula (MDRD)", "mL/min/{1.73_m2}", Laboratory, "Basic metabolic panel", ">60");
    public static readonly ObservationDefinition TotalCholesterol = O("2093-3", "Cholesterol [Mass/volume] in Serum or Plasma", "mg/dL", Laboratory, "Lipid panel", "<200");
    public static readonly ObservationDefinition Triglycerides = O("2571-8", "Triglycerides [Mass/volume] in Serum or Plasma", "mg/dL", Laboratory, "Lipid panel", "<150");
    public static readonly ObservationDefinition HdlCholesterol = O("2085-9", "Cholesterol in HDL [Mass/volume] in Serum or Plasma", "mg/dL", Laboratory, "Lipid panel", ">40");
    public static readonly ObservationDefinition LdlCholesterol = O("18262-6", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by Direct assay", "mg/dL", Laboratory, "Lipid panel", "<100");
    public static readonly ObservationDefinition Tsh = O("3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", "m[IU]/L", Laboratory, range: "0.4-4.5");
    public static readonly ObservationDefinition Inr = O("6301-6", "INR in Platelet poor plasma by Coagulation assay", "{INR}", Laboratory, range: "0.8-1.2");
    public static readonly ObservationDefinition NtProBnp = O("33762-6", "Natriuretic peptide.B prohormone N-Terminal [Mass/volume] in Serum or Plasma", "pg/mL", Laboratory, range: "<125");
    public static readonly ObservationDefinition Hemoglobin = O("718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", Laboratory, "Complete blood count", "12.0-17.5");
    public static readonly ObservationDefinition MicroalbuminCreatinineRatio = O("14959-1", "Microalbumin/Creatinine [Mass Ratio] in Urine", "mg/g", Laboratory, range: "<30");
    public static readonly ObservationDefinition Psa = O("2857-1", "Prostate specific Ag [Mass/volume] in Serum or Plasma", "ng/mL", Laboratory, range: "<4.0");
    public static readonly ObservationDefinition SarsCov2Rna = O("94531-1", "SARS-CoV-2 (COVID-19) RNA panel - Respiratory specimen by NAA with probe detection", "{presence}", Laboratory);

    // Social history and surveys.
    public static readonly ObservationDefinition TobaccoSmokingStatus = O("72166-2", "Tobacco smoking status", "{status}", SocialHistory);
    public static readonly ObservationDefinition Phq2Score = O("55758-7", "Patient Health Questionnaire 2 item (PHQ-2) total score [Reported]", "{score}", Survey);

    public static readonly IReadOnlyList<ObservationDefinition> All = new[]
    {
        BodyHeight, BodyWeight, Bmi, HeadCircumference, SystolicBloodPressure, DiastolicBloodPressure, HeartRate, RespiratoryRate,
        BodyTemperature, OxygenSaturation, HemoglobinA1c, Glucose, UreaNitrogen, Creatinine, Sodium, Potassium, Egfr, TotalCholesterol,
        Triglycerides, HdlCholesterol, LdlCholesterol, Tsh, Inr, NtProBnp, Hemoglobin, MicroalbuminCreatinineRatio, Psa, SarsCov2Rna,
        TobaccoSmokingStatus, Phq2Score,
    };

    /// <summary>Values of 72166-2 (SNOMED CT finding displays, as Synthea records them).</summary>
    public const string NeverSmoker = "Never smoked tobacco (finding)";
    public const string FormerSmoker = "Ex-smoker (finding)";
    public const string CurrentSmoker = "Smokes tobacco daily (finding)";
}
