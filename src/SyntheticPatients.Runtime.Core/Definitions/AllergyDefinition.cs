namespace SyntheticPatients.Runtime.Definitions;

public sealed class AllergyDefinition : ClinicalDefinition
{
    public AllergyDefinition(string name, Code[]? codes)
        : base(name, codes)
    {
    }

    public string? Category { get; init; }

    /// <summary>The reaction (<c>reaction:</c> in the module).</summary>
    public string? Reaction { get; init; }

    public string? Severity { get; init; }

    public string? Status { get; init; }
}
