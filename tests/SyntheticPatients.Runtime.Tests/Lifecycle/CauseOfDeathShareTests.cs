using SyntheticPatients.Runtime.Lifecycle;
using SyntheticPatients.Runtime.Records;
using SyntheticPatients.Runtime.Tests.Records;
using Xunit;
using Xunit.Abstractions;

namespace SyntheticPatients.Runtime.Tests.Lifecycle;

/// <summary>
/// Shares of deaths by underlying cause over a general-scenario population (baseline and library modules), compared
/// with the NCHS shares of US deaths, and the cancer history of living adults compared with NHIS.
/// </summary>
public sealed class CauseOfDeathShareTests(CauseOfDeathShareTests.Population population, ITestOutputHelper output)
    : IClassFixture<CauseOfDeathShareTests.Population>
{
    private const int Patients = 5_000;
    private const ulong Seed = 20261206;

    /// <summary>Lower bounds (years) of the age bands the death rates are printed for.</summary>
    private static readonly int[] BandStarts = { 0, 25, 45, 55, 65, 75, 85 };

    /// <summary>Total US deaths: NCHS, Deaths: Leading Causes for 2019 (NVSR 70-9, 2021) and Mortality in the United States, 2022 (Data Brief 492, 2023).</summary>
    private const double Deaths2019 = 2_854_838, Deaths2022 = 3_279_857;

    /// <summary>One population for the class's tests, generated once.</summary>
    public sealed class Population
    {
        public readonly Tally Tally = new();

        public Population() => GeneralScenarioRun.Run(Patients, Tally.Add, Seed);
    }

    // The published range over two years that bracket the simulated period's mix (before and during COVID-19).
    [Fact]
    public void Heart_disease_share_of_deaths_follows_NCHS()
        => AssertShare("heart disease", 702_880 / Deaths2022, 659_041 / Deaths2019, "NCHS 2022 Data Brief 492: 702,880 / 2019 NVSR 70-9: 659,041");

    [Fact]
    public void Cancer_share_of_deaths_follows_NCHS()
        => AssertShare("cancer", 608_371 / Deaths2022, 599_601 / Deaths2019, "NCHS 2022 Data Brief 492: 608,371 / 2019 NVSR 70-9: 599,601");

    /// <summary>Septicemia (A40-A41) as the underlying cause: 38,431 deaths in 2019 (NVSR 70-8, rank 12), about 1.2% in 2022.</summary>
    [Fact]
    public void Sepsis_share_of_deaths_follows_NCHS()
        => AssertShare("sepsis", 0.012, 38_431 / Deaths2019, "NCHS septicemia, 2022 / 2019 NVSR 70-8: 38,431");

    private void AssertShare(string group, double low, double high, string source)
    {
        var tally = population.Tally;
        tally.Print(output);
        double share = tally.Share(group);
        // The published range widened by three Monte Carlo standard errors of a share over this many deaths.
        double sigma = Math.Sqrt(low * (1 - low) / tally.Deaths);
        double a = low - 3 * sigma, b = high + 3 * sigma;
        string line = $"{group} share of deaths = {share:P1}, expected [{a:P1}, {b:P1}] ({source})";
        output.WriteLine(line);
        Assert.True(tally.Deaths >= 300, $"only {tally.Deaths} deaths");
        Assert.True(share >= a && share <= b, line);
    }

    /// <summary>Deaths by cause group and source, deaths and person-years by age band, cancer history of living adults.</summary>
    public sealed class Tally
    {
        public int Deaths;
        private readonly Dictionary<string, int> _groups = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, int>> _sources = new(StringComparer.Ordinal);
        private readonly int[] _bandDeaths = new int[BandStarts.Length];
        private readonly double[] _bandYears = new double[BandStarts.Length];
        private readonly Dictionary<string, int[]> _moduleBandDeaths = new(StringComparer.Ordinal);
        private int _livingAdults, _livingAdultsWithCancer;

        public double Share(string group) => _groups.GetValueOrDefault(group) / (double)Deaths;

        public void Add(PatientRecord record)
        {
            var birth = record.Demographics.BirthDate;
            double lived = LifeDates.AgeAt(birth, record.End);
            for (int band = 0; band < BandStarts.Length; band++)
            {
                double to = band + 1 < BandStarts.Length ? BandStarts[band + 1] : 200;
                _bandYears[band] += Math.Max(0, Math.Min(lived, to) - BandStarts[band]);
            }
            if (record.Death is not { } death)
            {
                if (lived >= 18)
                {
                    _livingAdults++;
                    if (record.Conditions.Any(c => Icd(c.Definition).StartsWith('C'))) _livingAdultsWithCancer++;
                }
                return;
            }
            Deaths++;
            double age = LifeDates.AgeAt(birth, death.Date);
            int deathBand = Array.FindLastIndex(BandStarts, s => age >= s);
            _bandDeaths[deathBand]++;
            if (death.Source != "baseline")
            {
                if (!_moduleBandDeaths.TryGetValue(death.Source, out var counts)) _moduleBandDeaths[death.Source] = counts = new int[BandStarts.Length];
                counts[deathBand]++;
            }
            var group = death.Cause is null ? "other" : DeathCauseGroups.Of(Icd(death.Cause));
            _groups[group] = _groups.GetValueOrDefault(group) + 1;
            if (!_sources.TryGetValue(group, out var sources)) _sources[group] = sources = new(StringComparer.Ordinal);
            var source = $"{death.Source} ({death.Manner})";
            sources[source] = sources.GetValueOrDefault(source) + 1;
        }

        public void Print(ITestOutputHelper output)
        {
            output.WriteLine($"{Patients} patients (seed {Seed}), {Deaths} deaths");
            foreach (var group in DeathCauseGroups.Names)
            {
                int count = _groups.GetValueOrDefault(group);
                var sources = _sources.TryGetValue(group, out var s)
                    ? string.Join(", ", s.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).Select(x => $"{x.Key} {x.Value}"))
                    : "";
                output.WriteLine($"  {group}: {count} ({count / (double)Deaths:P1}) {sources}");
            }
            for (int band = 0; band < BandStarts.Length; band++)
            {
                output.WriteLine($"  age {BandStarts[band]}+: {_bandDeaths[band]} deaths / {_bandYears[band]:F0} person-years = {1000 * _bandDeaths[band] / _bandYears[band]:F2} per 1000");
            }
            // Each module's deaths per 1,000 person-years by band, in the form of ModuleMortality.DeathsPerThousand.
            foreach (var (module, counts) in _moduleBandDeaths.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                var rates = counts.Select((n, band) => (1000 * n / _bandYears[band]).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture));
                output.WriteLine($"  [\"{module}\"] = new[] {{ {string.Join(", ", rates)} }}, // {string.Join(" ", counts)}");
            }
            output.WriteLine($"  living adults with a cancer diagnosis: {_livingAdultsWithCancer} / {_livingAdults} = {_livingAdultsWithCancer / (double)_livingAdults:P1}");
        }

        private static string Icd(Definitions.ConditionDefinition definition)
            => definition.Codes.FirstOrDefault(c => c.System.StartsWith("ICD", StringComparison.Ordinal))?.Value ?? "";
    }
}
