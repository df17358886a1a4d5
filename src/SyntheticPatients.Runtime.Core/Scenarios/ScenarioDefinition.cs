namespace SyntheticPatients.Runtime.Scenarios;

/// <summary>
/// A population to generate: demographic and social distributions, the modules to run, parameter overrides and
/// the terminology it focuses on. Built-in scenarios are compiled from scenarios/*.yaml by the source generator;
/// a scenario file given at run time goes through the same front-end (same checks, same diagnostics).
/// </summary>
public sealed class ScenarioDefinition
{
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    /// <summary>Where it came from ("scenarios/general.yaml" or a run-time file path).</summary>
    public string SourcePath { get; init; } = "";

    /// <summary>The evidence behind the numbers (<c>sources:</c> in the YAML), as written.</summary>
    public IReadOnlyList<string> Sources { get; init; } = Array.Empty<string>();

    public required IReadOnlyList<AgeBand> Ages { get; init; }

    /// <summary>Labels M and F.</summary>
    public required WeightedChoice Gender { get; init; }

    /// <summary>Labels white, black, asian, native, hawaiian, other.</summary>
    public required WeightedChoice Race { get; init; }

    /// <summary>Labels hispanic, nonhispanic.</summary>
    public required WeightedChoice Ethnicity { get; init; }

    /// <summary>Labels never, former, current.</summary>
    public required WeightedChoice Smoking { get; init; }

    /// <summary>Labels never, occasional, moderate, heavy.</summary>
    public required WeightedChoice Alcohol { get; init; }

    /// <summary>Labels less_than_high_school, high_school, some_college, bachelors, graduate.</summary>
    public required WeightedChoice Education { get; init; }

    /// <summary>Labels employed, unemployed, retired, student, disabled, homemaker.</summary>
    public required WeightedChoice Employment { get; init; }

    /// <summary>Labels owner, renter, temporary, homeless.</summary>
    public required WeightedChoice Housing { get; init; }

    /// <summary>Income bands in USD per year, e.g. "0-25000".</summary>
    public required IReadOnlyList<IncomeBand> Income { get; init; }

    /// <summary>Labels private, medicare, medicaid, dual, uninsured, military.</summary>
    public required WeightedChoice Insurance { get; init; }

    /// <summary>Modules this scenario runs (names); an empty list means none beyond the command line's.</summary>
    public IReadOnlyList<string> Modules { get; init; } = Array.Empty<string>();

    /// <summary>Parameter overrides: dotted path to value.</summary>
    public IReadOnlyDictionary<string, double> Parameters { get; init; } = new Dictionary<string, double>();

    /// <summary>Codes the scenario focuses on (by system), for reporting and export enrichment.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> TerminologyFocus { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}

/// <summary>An age band in whole years, inclusive at both ends (0-18 means ages 0 to 18).</summary>
public sealed record AgeBand(int MinYears, int MaxYears, double Weight);

/// <summary>An income band in USD per year: [Min, Max].</summary>
public sealed record IncomeBand(int Min, int Max, double Weight);
