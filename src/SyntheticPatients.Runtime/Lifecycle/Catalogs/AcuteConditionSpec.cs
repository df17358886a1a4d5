using SyntheticPatients.Runtime.Definitions;

namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>Where an acute problem is seen.</summary>
public enum CareSetting
{
    Office,
    UrgentCare,
    Emergency,
}

/// <summary>An acute, self-limited condition: diagnosed episodes per person-year by age, and its duration.</summary>
public sealed class AcuteConditionSpec
{
    public required string Key { get; init; }

    public required ConditionDefinition Definition { get; init; }

    /// <summary>Diagnosed episodes per person-year by age (a yearly Bernoulli draw, so keep it below 1).</summary>
    public required AgeCurve AnnualRate { get; init; }

    public double MaleFactor { get; init; } = 1;

    public double FemaleFactor { get; init; } = 1;

    public int MinDays { get; init; } = 5;

    public int MaxDays { get; init; } = 14;

    /// <summary>First day the condition can be diagnosed (COVID-19), or null.</summary>
    public DateTime? AvailableFrom { get; init; }

    /// <summary>Share of episodes seen in an emergency department and at urgent care (the rest in the office).</summary>
    public double EmergencyShare { get; init; }

    public double UrgentCareShare { get; init; } = 0.2;

    public string Source { get; init; } = "";
}
