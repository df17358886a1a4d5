namespace SyntheticPatients.Runtime.Definitions;

public sealed class ImmunizationDefinition : ClinicalDefinition
{
    public ImmunizationDefinition(string name, Code[]? codes)
        : base(name, codes)
    {
    }

    /// <summary>Dose number in the series; 0 when not given.</summary>
    public int DoseNumber { get; init; }

    public string? Status { get; init; }
}
