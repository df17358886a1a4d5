namespace SyntheticPatients.Runtime.Definitions;

/// <summary>An encounter state: its type (the name), class, reason, provider role and location.</summary>
public sealed class EncounterDefinition : ClinicalDefinition
{
    public EncounterDefinition(string encounterType, EncounterClass encounterClass, Code[]? codes)
        : base(encounterType, codes)
    {
        Class = encounterClass;
    }

    public EncounterClass Class { get; }

    public string? Reason { get; init; }

    public string? ProviderRole { get; init; }

    public string? Location { get; init; }
}
