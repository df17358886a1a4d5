namespace SyntheticPatients.Runtime.Definitions;

public sealed class CarePlanDefinition : ClinicalDefinition
{
    private static readonly CarePlanActivity[] NoActivities = Array.Empty<CarePlanActivity>();

    public CarePlanDefinition(string name, Code[]? codes)
        : base(name, codes)
    {
    }

    public string? Category { get; init; }

    public string? Goal { get; init; }

    public string? Reason { get; init; }

    public string? Status { get; init; }

    public IReadOnlyList<CarePlanActivity> Activities { get; init; } = NoActivities;
}

/// <summary>One activity of a care plan (a whole string, never iterated character by character).</summary>
public sealed class CarePlanActivity
{
    public CarePlanActivity(string name, string? status, Code[]? codes)
    {
        Name = name;
        Status = status;
        Codes = codes ?? Array.Empty<Code>();
    }

    public string Name { get; }

    public string? Status { get; }

    public IReadOnlyList<Code> Codes { get; }
}
