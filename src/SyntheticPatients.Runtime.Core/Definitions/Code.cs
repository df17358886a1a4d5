namespace SyntheticPatients.Runtime.Definitions;

/// <summary>A coded concept (system such as "SNOMED-CT", "ICD-10-CM", "LOINC", "RxNorm", "CVX"; code; display).</summary>
public sealed class Code
{
    public Code(string system, string value, string? display)
    {
        System = system;
        Value = value;
        Display = display;
    }

    public string System { get; }

    /// <summary>The code itself (named Value because a member cannot share its type's name).</summary>
    public string Value { get; }

    public string? Display { get; }

    public override string ToString() => System + "|" + Value;
}
