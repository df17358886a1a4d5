namespace SyntheticPatients.Runtime.Definitions;

/// <summary>An observation (or symptom) a state records; the numeric value is drawn per event.</summary>
public sealed class ObservationDefinition : ClinicalDefinition
{
    public ObservationDefinition(string name, Code[]? codes)
        : base(name, codes)
    {
    }

    public string? Units { get; init; }

    public string? Category { get; init; }

    public string? Panel { get; init; }

    public string? ReferenceRange { get; init; }

    public string? Status { get; init; }

    /// <summary>A coded or free-text result ("Negative"); events of such observations carry NaN as value.</summary>
    public string? ValueText { get; init; }
}
