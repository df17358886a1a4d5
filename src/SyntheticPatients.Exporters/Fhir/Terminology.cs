using SyntheticPatients.Language.Model;
using ModelEncounterClass = SyntheticPatients.Runtime.Definitions.EncounterClass;
using SyntheticPatients.Runtime.Definitions;

namespace SyntheticPatients.Exporters.Fhir;

/// <summary>Code system URIs and the fixed codes the FHIR resources use.</summary>
internal static class Terminology
{
    public const string Snomed = "http://snomed.info/sct";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string Loinc = "http://loinc.org";
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public const string Cvx = "http://hl7.org/fhir/sid/cvx";
    public const string Ndc = "http://hl7.org/fhir/sid/ndc";
    public const string Cpt = "http://www.ama-assn.org/go/cpt";
    public const string Ucum = "http://unitsofmeasure.org";

    public const string CdcRaceEthnicity = "urn:oid:2.16.840.1.113883.6.238";
    public const string Bcp47 = "urn:ietf:bcp:47";
    public const string V2IdentifierType = "http://terminology.hl7.org/CodeSystem/v2-0203";
    public const string V3MaritalStatus = "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus";
    public const string V3ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public const string V3ParticipationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    public const string V3RoleCode = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
    public const string AdministrativeGender = "http://hl7.org/fhir/administrative-gender";
    public const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    public const string ConditionVerification = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    public const string ConditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category";
    public const string AllergyClinical = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    public const string AllergyVerification = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string DataAbsentReason = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    public const string OrganizationType = "http://terminology.hl7.org/CodeSystem/organization-type";
    public const string CarePlanCategory = "http://hl7.org/fhir/us/core/CodeSystem/careplan-category";
    public const string Npi = "http://hl7.org/fhir/sid/us-npi";
    public const string Ssn = "http://hl7.org/fhir/sid/us-ssn";
    public const string UriIdentifier = "urn:ietf:rfc:3986";

    /// <summary>
    /// Identifier systems of this generator's own identifiers (MRN, driver's licence, passport, organization). The
    /// <c>.example</c> top-level domain is reserved (RFC 2606): synthetic identifiers never look like real ones.
    /// </summary>
    public const string MrnSystem = "https://synthetic-patients.example/fhir/sid/mrn";
    public const string DriversLicenseSystem = "https://synthetic-patients.example/fhir/sid/drivers-license";
    public const string PassportSystem = "https://synthetic-patients.example/fhir/sid/passport";
    public const string OrganizationSystem = "https://synthetic-patients.example/fhir/sid/organization";

    /// <summary>The FHIR URI of one of the generator's code system names; null for an unknown name.</summary>
    public static string? SystemUri(string system) => system switch
    {
        CodeSystems.Snomed => Snomed,
        CodeSystems.Icd10Cm => Icd10Cm,
        CodeSystems.Loinc => Loinc,
        CodeSystems.RxNorm => RxNorm,
        CodeSystems.Cvx => Cvx,
        CodeSystems.Ndc => Ndc,
        CodeSystems.Cpt => Cpt,
        _ when system.Contains(':', StringComparison.Ordinal) => system, // already a URI
        _ => null,
    };

    /// <summary>Whether a code has a FHIR coding (a known system and a value that is a legal FHIR code).</summary>
    public static bool IsCodable(Code code) => SystemUri(code.System) is not null && IsFhirCode(code.Value);

    /// <summary>FHIR's <c>code</c> type: non-empty, no leading, trailing or double spaces, no other whitespace.</summary>
    public static bool IsFhirCode(string value)
    {
        if (value.Length == 0 || value[0] == ' ' || value[^1] == ' ') return false;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == ' ' ? value[i + 1] == ' ' : char.IsWhiteSpace(c)) return false;
        }
        return true;
    }

    /// <summary>The first code of <paramref name="system"/>, else the first code, else null.</summary>
    public static Code? Preferred(ClinicalDefinition definition, string system) => definition.CodeOf(system) ?? definition.PrimaryCode;

    /// <summary>The text of a concept: the preferred code's display, else the definition's name.</summary>
    public static string Text(ClinicalDefinition definition, string system) => Preferred(definition, system)?.Display is { Length: > 0 } d ? d : definition.Name;

    /// <summary>OMB race category (CDC Race and Ethnicity code, display) of the generator's race labels.</summary>
    public static (string Code, string Display, bool Omb, string Text) Race(string label) => label switch
    {
        "white" => ("2106-3", "White", true, "White"),
        "black" => ("2054-5", "Black or African American", true, "Black or African American"),
        "asian" => ("2028-9", "Asian", true, "Asian"),
        "native" => ("1002-5", "American Indian or Alaska Native", true, "American Indian or Alaska Native"),
        "hawaiian" => ("2076-8", "Native Hawaiian or Other Pacific Islander", true, "Native Hawaiian or Other Pacific Islander"),
        "other" => ("2131-1", "Other Race", false, "Other"),
        _ => ("", "", false, label.Length > 0 ? label : "Unknown"),
    };

    public static (string Code, string Display, string Text) Ethnicity(string label) => label switch
    {
        "hispanic" => ("2135-2", "Hispanic or Latino", "Hispanic or Latino"),
        "nonhispanic" => ("2186-5", "Not Hispanic or Latino", "Not Hispanic or Latino"),
        _ => ("", "", label.Length > 0 ? label : "Unknown"),
    };

    public static (string Code, string Display)? MaritalStatus(string? code) => code switch
    {
        "M" => ("M", "Married"),
        "S" => ("S", "Never Married"),
        "D" => ("D", "Divorced"),
        "W" => ("W", "Widowed"),
        _ => null,
    };

    /// <summary>BCP 47 tag of a language name (the languages the demographics draw); null when unknown.</summary>
    public static (string Code, string Display)? Language(string name) => name switch
    {
        "English" => ("en-US", "English (United States)"),
        "Spanish" => ("es", "Spanish"),
        "Chinese" => ("zh", "Chinese"),
        "French" => ("fr", "French"),
        "German" => ("de", "German"),
        "Vietnamese" => ("vi", "Vietnamese"),
        "Tagalog" => ("tl", "Tagalog"),
        "Korean" => ("ko", "Korean"),
        "Russian" => ("ru", "Russian"),
        "Arabic" => ("ar", "Arabic"),
        "Portuguese" => ("pt", "Portuguese"),
        "Italian" => ("it", "Italian"),
        "Polish" => ("pl", "Polish"),
        "Hindi" => ("hi", "Hindi"),
        "Japanese" => ("ja", "Japanese"),
        _ => null,
    };

    /// <summary>v3 ActCode of an encounter class, with its display.</summary>
    public static (string Code, string Display) EncounterClass(ModelEncounterClass value) => value switch
    {
        ModelEncounterClass.Emergency => ("EMER", "emergency"),
        ModelEncounterClass.Inpatient => ("IMP", "inpatient encounter"),
        ModelEncounterClass.Virtual => ("VR", "virtual"),
        ModelEncounterClass.Home => ("HH", "home health"),
        _ => ("AMB", "ambulatory"), // ambulatory, wellness, outpatient, urgent care
    };

    /// <summary>Administrative gender of a family member by HL7 v3 RoleCode; null when the role does not say.</summary>
    public static string? RelativeSex(string roleCode) => roleCode switch
    {
        "MTH" or "NMTH" or "SIS" or "NSIS" or "HSIS" or "GRMTH" or "MGRMTH" or "PGRMTH" or "DAU" or "DAUC" or "AUNT" or "MAUNT"
            or "PAUNT" or "NIECE" or "GGRMTH" => "female",
        "FTH" or "NFTH" or "BRO" or "NBRO" or "HBRO" or "GRFTH" or "MGRFTH" or "PGRFTH" or "SON" or "SONC" or "UNCLE" or "MUNCLE"
            or "PUNCLE" or "NEPHEW" or "GGRFTH" => "male",
        _ => null,
    };

    /// <summary>Observation category codes FHIR R4 defines (observation-category), with displays.</summary>
    public static string? ObservationCategoryDisplay(string? category) => category switch
    {
        "social-history" => "Social History",
        "vital-signs" => "Vital Signs",
        "imaging" => "Imaging",
        "laboratory" => "Laboratory",
        "procedure" => "Procedure",
        "survey" => "Survey",
        "exam" => "Exam",
        "therapy" => "Therapy",
        "activity" => "Activity",
        _ => null,
    };

    /// <summary>SNOMED CT codes of the tobacco smoking status findings the generator records as text.</summary>
    public static string? SmokingStatusCode(string text) => text switch
    {
        "Never smoked tobacco (finding)" => "266919005",
        "Ex-smoker (finding)" => "8517006",
        "Smokes tobacco daily (finding)" => "449868002",
        "Occasional tobacco smoker (finding)" => "428041000124106",
        "Heavy tobacco smoker (finding)" => "428071000124103",
        "Light tobacco smoker (finding)" => "428061000124105",
        "Tobacco smoking status unknown (finding)" => "266927001",
        "Current some day smoker (finding)" => "428041000124106",
        _ => null,
    };
}
