namespace SyntheticPatients.Runtime.Definitions;

/// <summary>A diagnosis a condition_onset state records (also the cause of a death state).</summary>
public sealed class ConditionDefinition : ClinicalDefinition
{
    public ConditionDefinition(string name, Code[]? codes)
        : base(name, codes)
    {
    }

    public string? Category { get; init; }

    /// <summary>Status at onset as written in the module (null means "active").</summary>
    public string? Status { get; init; }
}
