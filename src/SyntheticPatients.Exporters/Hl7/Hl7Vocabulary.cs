using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime;
using EncounterClass = SyntheticPatients.Runtime.Definitions.EncounterClass;

namespace SyntheticPatients.Exporters.Hl7;

/// <summary>A coded value for a CE field: identifier, text and coding system (HL7 table 0396 name).</summary>
internal readonly record struct Hl7Coded(string Identifier, string Text, string System);

/// <summary>How the record model's labels and code systems map to HL7 v2.5.1 tables.</summary>
internal static class Hl7Vocabulary
{
    /// <summary>
    /// Table 0396 name of a code system. I10C and RXNORM were added to table 0396 (which HL7 maintains outside the
    /// versioned standard) after 2.5.1 and are what US 2.5.1 implementation guides use.
    /// </summary>
    public static string? CodingSystem(string system) => system switch
    {
        CodeSystems.Snomed => "SCT",
        CodeSystems.Icd10Cm => "I10C",
        CodeSystems.Loinc => "LN",
        CodeSystems.RxNorm => "RXNORM",
        CodeSystems.Cvx => "CVX",
        CodeSystems.Ndc => "NDC",
        CodeSystems.Cpt => "C4",
        _ => null,
    };

    /// <summary>PID-8 administrative sex (table 0001).</summary>
    public static string Sex(Gender gender) => gender switch
    {
        Gender.Male => "M",
        Gender.Female => "F",
        _ => "U",
    };

    /// <summary>PID-10 race (table 0005, the CDC race categories).</summary>
    public static Hl7Coded? Race(string label) => label.ToLowerInvariant() switch
    {
        "white" => new("2106-3", "White", "HL70005"),
        "black" => new("2054-5", "Black or African American", "HL70005"),
        "asian" => new("2028-9", "Asian", "HL70005"),
        "native" => new("1002-5", "American Indian or Alaska Native", "HL70005"),
        "hawaiian" => new("2076-8", "Native Hawaiian or Other Pacific Islander", "HL70005"),
        "other" => new("2131-1", "Other Race", "HL70005"),
        _ => null,
    };

    /// <summary>PID-22 ethnic group (table 0189).</summary>
    public static Hl7Coded? Ethnicity(string label) => label.ToLowerInvariant() switch
    {
        "hispanic" => new("H", "Hispanic or Latino", "HL70189"),
        "nonhispanic" => new("N", "Not Hispanic or Latino", "HL70189"),
        _ => null,
    };

    /// <summary>PID-16 marital status (table 0002).</summary>
    public static Hl7Coded? Marital(string? code) => code switch
    {
        "M" => new("M", "Married", "HL70002"),
        "S" => new("S", "Single", "HL70002"),
        "D" => new("D", "Divorced", "HL70002"),
        "W" => new("W", "Widowed", "HL70002"),
        _ => null,
    };

    /// <summary>PID-15 primary language: ISO 639-2 code in user table 0296, as US 2.5.1 guides send it.</summary>
    public static Hl7Coded? Language(string name) => name switch
    {
        "English" => new("eng", "English", "HL70296"),
        "Spanish" => new("spa", "Spanish", "HL70296"),
        "Chinese" => new("chi", "Chinese", "HL70296"),
        "French" => new("fre", "French", "HL70296"),
        "German" => new("ger", "German", "HL70296"),
        "Vietnamese" => new("vie", "Vietnamese", "HL70296"),
        "Tagalog" => new("tgl", "Tagalog", "HL70296"),
        "Korean" => new("kor", "Korean", "HL70296"),
        "Russian" => new("rus", "Russian", "HL70296"),
        "Arabic" => new("ara", "Arabic", "HL70296"),
        "Portuguese" => new("por", "Portuguese", "HL70296"),
        "Italian" => new("ita", "Italian", "HL70296"),
        "Polish" => new("pol", "Polish", "HL70296"),
        "Hindi" => new("hin", "Hindi", "HL70296"),
        "Japanese" => new("jpn", "Japanese", "HL70296"),
        _ => null,
    };

    /// <summary>PV1-2 patient class (table 0004).</summary>
    public static string PatientClass(EncounterClass value) => value switch
    {
        EncounterClass.Inpatient => "I",
        EncounterClass.Emergency => "E",
        _ => "O", // ambulatory, wellness, outpatient, urgent care, virtual, home
    };

    /// <summary>PV1-4 admission type (table 0007), where the class implies one.</summary>
    public static string? AdmissionType(EncounterClass value) => value switch
    {
        EncounterClass.Emergency => "E",
        EncounterClass.Urgentcare => "U",
        EncounterClass.Wellness => "R",
        _ => null,
    };

    /// <summary>PV1-3.1 point of care: the kind of unit the class takes place in.</summary>
    public static string PointOfCare(EncounterClass value) => value switch
    {
        EncounterClass.Ambulatory => "AMB",
        EncounterClass.Wellness => "WELL",
        EncounterClass.Outpatient => "OUTPT",
        EncounterClass.Emergency => "ED",
        EncounterClass.Urgentcare => "URGENT",
        EncounterClass.Inpatient => "INPT",
        EncounterClass.Virtual => "VIRTUAL",
        EncounterClass.Home => "HOME",
        _ => "OTHER",
    };

    /// <summary>AL1-2 allergen type (table 0127) of an allergy category.</summary>
    public static Hl7Coded AllergenType(string? category) => category?.ToLowerInvariant() switch
    {
        "food" => new("FA", "Food allergy", "HL70127"),
        "medication" or "drug" => new("DA", "Drug allergy", "HL70127"),
        "environment" or "environmental" => new("EA", "Environmental allergy", "HL70127"),
        _ => new("MA", "Miscellaneous allergy", "HL70127"), // biologic and anything else
    };

    /// <summary>AL1-4 allergy severity (table 0128); null when unknown.</summary>
    public static Hl7Coded? Severity(string? severity) => severity?.ToUpperInvariant() switch
    {
        "MILD" => new("MI", "Mild", "HL70128"),
        "MODERATE" => new("MO", "Moderate", "HL70128"),
        "SEVERE" => new("SV", "Severe", "HL70128"),
        _ => null,
    };

    /// <summary>Rank of a table 0128 code, to keep the most severe of two reactions.</summary>
    public static int SeverityRank(Hl7Coded? severity) => severity?.Identifier switch
    {
        "SV" => 3,
        "MO" => 2,
        "MI" => 1,
        _ => 0,
    };

    /// <summary>LOINC panel codes for the panel names the modules and catalogs use (case-insensitive).</summary>
    public static Hl7Coded? Panel(string name) => name.ToLowerInvariant() switch
    {
        "blood pressure panel" => new("85354-9", "Blood pressure panel with all children optional", "LN"),
        "basic metabolic panel" => new("51990-0", "Basic metabolic panel - Blood", "LN"),
        "lipid panel" => new("57698-3", "Lipid panel with direct LDL - Serum or Plasma", "LN"),
        "complete blood count" or "cbc" => new("58410-2", "CBC panel - Blood by Automated count", "LN"),
        "vital signs" => VitalSignsPanel,
        _ => null,
    };

    /// <summary>The order of vital signs that come without a panel of their own.</summary>
    public static readonly Hl7Coded VitalSignsPanel =
        new("85353-1", "Vital signs, weight, height, head circumference, oxygen saturation and BMI panel", "LN");

    /// <summary>OBX for the dose number of an immunization (LOINC 30973-2).</summary>
    public static readonly Hl7Coded DoseNumber = new("30973-2", "Dose number in series", "LN");

    /// <summary>USPS code of a US state or territory name; the name itself when it is not one.</summary>
    public static string State(string name) => States.TryGetValue(name, out var code) ? code : name;

    private static readonly Dictionary<string, string> States = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Alabama"] = "AL", ["Alaska"] = "AK", ["Arizona"] = "AZ", ["Arkansas"] = "AR", ["California"] = "CA",
        ["Colorado"] = "CO", ["Connecticut"] = "CT", ["Delaware"] = "DE", ["District of Columbia"] = "DC",
        ["Florida"] = "FL", ["Georgia"] = "GA", ["Hawaii"] = "HI", ["Idaho"] = "ID", ["Illinois"] = "IL",
        ["Indiana"] = "IN", ["Iowa"] = "IA", ["Kansas"] = "KS", ["Kentucky"] = "KY", ["Louisiana"] = "LA",
        ["Maine"] = "ME", ["Maryland"] = "MD", ["Massachusetts"] = "MA", ["Michigan"] = "MI", ["Minnesota"] = "MN",
        ["Mississippi"] = "MS", ["Missouri"] = "MO", ["Montana"] = "MT", ["Nebraska"] = "NE", ["Nevada"] = "NV",
        ["New Hampshire"] = "NH", ["New Jersey"] = "NJ", ["New Mexico"] = "NM", ["New York"] = "NY",
        ["North Carolina"] = "NC", ["North Dakota"] = "ND", ["Ohio"] = "OH", ["Oklahoma"] = "OK", ["Oregon"] = "OR",
        ["Pennsylvania"] = "PA", ["Rhode Island"] = "RI", ["South Carolina"] = "SC", ["South Dakota"] = "SD",
        ["Tennessee"] = "TN", ["Texas"] = "TX", ["Utah"] = "UT", ["Vermont"] = "VT", ["Virginia"] = "VA",
        ["Washington"] = "WA", ["West Virginia"] = "WV", ["Wisconsin"] = "WI", ["Wyoming"] = "WY",
        ["Puerto Rico"] = "PR", ["Guam"] = "GU", ["U.S. Virgin Islands"] = "VI", ["American Samoa"] = "AS",
        ["Northern Mariana Islands"] = "MP",
    };
}
