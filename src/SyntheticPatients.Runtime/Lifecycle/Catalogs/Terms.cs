using SyntheticPatients.Runtime.Definitions;

namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>Short constructors for the coded concepts of the catalogs (system names as modules write them).</summary>
internal static class Terms
{
    public const string Snomed = "SNOMED-CT";
    public const string Icd10 = "ICD-10-CM";
    public const string Loinc = "LOINC";
    public const string RxNorm = "RxNorm";
    public const string Cvx = "CVX";

    public static Code Sct(string code, string display) => new(Snomed, code, display);

    public static Code Icd(string code, string display) => new(Icd10, code, display);

    public static Code Lnc(string code, string display) => new(Loinc, code, display);

    public static Code Rx(string code, string display) => new(RxNorm, code, display);

    public static Code Vax(string code, string display) => new(Cvx, code, display);

    /// <summary>A condition coded in SNOMED CT (primary, as Synthea exports) and ICD-10-CM.</summary>
    public static ConditionDefinition Condition(string name, string category, string snomed, string snomedDisplay, string icd, string icdDisplay)
        => new(name, new[] { Sct(snomed, snomedDisplay), Icd(icd, icdDisplay) }) { Category = category };
}
