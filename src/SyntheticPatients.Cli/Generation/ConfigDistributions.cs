using SyntheticPatients.Runtime.Scenarios;

namespace SyntheticPatients.Cli.Generation;

/// <summary>
/// Applies a config file's *_dist maps over the scenario. Labels must be ones the scenario's distribution knows and
/// weights must sum to 1 (within 0.01, as in the seed project): a typo is an error at its line, not a silent zero.
/// </summary>
internal static class ConfigDistributions
{
    public static ScenarioDefinition Apply(ScenarioDefinition scenario, ConfigFile config)
    {
        return new ScenarioDefinition
        {
            Name = scenario.Name,
            Description = scenario.Description,
            SourcePath = scenario.SourcePath,
            Ages = Ages(config, scenario.Ages),
            Gender = Choice(config, "gender_dist", scenario.Gender),
            Race = Choice(config, "race_dist", scenario.Race),
            Ethnicity = Choice(config, "ethnicity_dist", scenario.Ethnicity),
            Smoking = Choice(config, "smoking_dist", scenario.Smoking),
            Alcohol = Choice(config, "alcohol_dist", scenario.Alcohol),
            Education = Choice(config, "education_dist", scenario.Education),
            Employment = Choice(config, "employment_dist", scenario.Employment),
            Housing = Choice(config, "housing_dist", scenario.Housing),
            Income = Incomes(config, scenario.Income),
            Insurance = Choice(config, "insurance_dist", scenario.Insurance),
            Modules = scenario.Modules,
            Parameters = scenario.Parameters,
            TerminologyFocus = scenario.TerminologyFocus,
        };
    }

    private static WeightedChoice Choice(ConfigFile config, string key, WeightedChoice current)
    {
        var entries = Checked(config, key);
        if (entries is null) return current;
        var weights = new List<KeyValuePair<string, double>>();
        foreach (var (label, weight, span) in entries)
        {
            var known = current.Labels.FirstOrDefault(l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                throw config.ErrorAt(span, $"'{label}' is not a label of {key}; use one of: {string.Join(", ", current.Labels)}");
            }
            weights.Add(new(known, weight));
        }
        return new WeightedChoice(weights);
    }

    private static IReadOnlyList<AgeBand> Ages(ConfigFile config, IReadOnlyList<AgeBand> current)
        => Bands(config, "age_dist", current, (lo, hi, w) => new AgeBand(lo, hi, w), 120);

    private static IReadOnlyList<IncomeBand> Incomes(ConfigFile config, IReadOnlyList<IncomeBand> current)
        => Bands(config, "income_dist", current, (lo, hi, w) => new IncomeBand(lo, hi, w), int.MaxValue);

    private static IReadOnlyList<T> Bands<T>(ConfigFile config, string key, IReadOnlyList<T> current, Func<int, int, double, T> create, int max)
    {
        var entries = Checked(config, key);
        if (entries is null) return current;
        var bands = new List<T>();
        foreach (var (label, weight, span) in entries)
        {
            var parts = label.Split('-');
            if (parts.Length != 2 || !int.TryParse(parts[0], out var lo) || !int.TryParse(parts[1], out var hi) || lo < 0 || hi < lo || hi > max)
            {
                throw config.ErrorAt(span, $"'{label}' in {key} is not a band like 19-40");
            }
            bands.Add(create(lo, hi, weight));
        }
        return bands;
    }

    private static IReadOnlyList<(string Label, double Weight, Language.Text.SourceSpan Span)>? Checked(ConfigFile config, string key)
    {
        var entries = config.Distribution(key);
        if (entries is null) return null;
        if (entries.Count == 0) throw config.ErrorAt(new Language.Text.SourceSpan(1, 1, 1, 1), $"{key} is empty");
        foreach (var (label, weight, span) in entries)
        {
            if (weight < 0) throw config.ErrorAt(span, $"the weight of '{label}' in {key} is negative");
        }
        var sum = entries.Sum(e => e.Weight);
        if (Math.Abs(sum - 1) > 0.01) throw config.ErrorAt(entries[0].Span, $"the weights of {key} add up to {sum:0.###}, not 1");
        return entries;
    }
}
