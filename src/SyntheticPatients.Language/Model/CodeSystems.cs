namespace SyntheticPatients.Language.Model;

/// <summary>Code system names used in <see cref="CodeSpec.System"/> (and in CSV SYSTEM columns).</summary>
public static class CodeSystems
{
    public const string Snomed = "SNOMED-CT";
    public const string Icd10Cm = "ICD-10-CM";
    public const string Loinc = "LOINC";
    public const string RxNorm = "RxNorm";
    public const string Cvx = "CVX";
    public const string Ndc = "NDC";
    public const string Cpt = "CPT";
}
