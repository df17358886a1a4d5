using SyntheticPatients.Generated;
using SyntheticPatients.Runtime.Generation;
using SyntheticPatients.Runtime.Lifecycle;
using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;
using Xunit;
using Xunit.Abstractions;

namespace SyntheticPatients.Runtime.Tests.Lifecycle;

/// <summary>
/// Deaths of the general scenario through the whole pipeline, as ModuleKpiTests builds it: causes come from the
/// chart, and module deaths compete with the life-table death instead of adding to it.
/// </summary>
public sealed class ChartDeathTests(ITestOutputHelper output)
{
    private const int Patients = 5_000;
    private const ulong Seed = 20261206;

    /// <summary>
    /// Causes that may be recorded on the day of death without an earlier diagnosis: sudden events (heart attack,
    /// stroke, sudden infant death) and injuries. Listed here by code, independently of the generator's catalogs.
    /// </summary>
    private static readonly HashSet<string> AcuteEventCodes = new(StringComparer.Ordinal)
    {
        "22298006", "I21.9", // acute myocardial infarction
        "230690007", "I63.9", // stroke
        "51178009", "R95", // sudden infant death
        "217082002", "W19.XXXA", "418399005", "V89.2XXA", "55680006", "T50.901A", "44301001", "X83.8XXA", "52684005", "Y09", // injuries
        "5913000", "S72.001A", // hip fracture
        "410429000", "I46.9", // cardiac arrest
    };

    private static GenerationSettings GeneralSettings(bool modules)
    {
        var scenario = ScenarioRegistry.Default;
        return new GenerationSettings
        {
            Scenario = scenario,
            Seed = Seed,
            Modules = modules ? scenario.Modules.Select(name => ModuleRegistry.Find(name)!).ToList<CompiledModule>() : Array.Empty<CompiledModule>(),
            AttributeCount = AttributeSlots.Count,
            AttributeNames = AttributeSlots.Names,
        };
    }

    private static void Generate(bool modules, Action<PatientRecord> visit)
    {
        var settings = GeneralSettings(modules);
        new PopulationGenerator(settings, s => BaselineSteps.Create(modules ? new ModuleExecutionStep(s) : null), Environment.ProcessorCount)
            .Run(Patients, visit);
    }

    /// <summary>Whether the cause is in the chart before death, or is an acute event the chart records at death.</summary>
    private static bool FromChart(PatientRecord record)
    {
        var death = record.Death!;
        if (death.Cause is null) return false;
        foreach (var condition in record.Conditions)
        {
            if (!ConditionMatch.SameConcept(condition.Definition, death.Cause)) continue;
            if (condition.Start.Date < death.Date.Date) return true;
            if (condition.Start <= death.Date && death.Cause.Codes.Any(c => AcuteEventCodes.Contains(c.Value))) return true;
        }
        return false;
    }

    [Fact]
    public void Causes_of_death_were_diagnosed_before_death_or_are_acute_events_at_death()
    {
        int deaths = 0, fromChart = 0, deaths6574 = 0;
        double years6574 = 0;
        var causes = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        Generate(modules: true, record =>
        {
            years6574 += AgeBands.PersonYears(record, 65, 75);
            if (record.Death is not { } death) return;
            deaths++;
            if (FromChart(record)) fromChart++;
            double age = LifeDates.AgeAt(record.Demographics.BirthDate, death.Date);
            if (age is >= 65 and < 75) deaths6574++;
            var name = death.Cause?.Name ?? "(none)";
            causes[name] = causes.GetValueOrDefault(name) + 1;
            var group = Group(death.Cause);
            groups[group] = groups.GetValueOrDefault(group) + 1;
        });

        double share = fromChart / (double)deaths;
        output.WriteLine($"{Patients} patients, {deaths} deaths, cause from the chart {share:P1}; 65-74: {1000.0 * deaths6574 / years6574:F1} per 1000 person-years");
        foreach (var (name, count) in causes.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(15))
        {
            output.WriteLine($"  {name}: {count} ({count / (double)deaths:P1})");
        }
        output.WriteLine("by ICD-10 chapter: " + string.Join(", ", groups.OrderByDescending(g => g.Value).Select(g => $"{g.Key} {g.Value / (double)deaths:P1}")));
        Assert.True(deaths >= 200, $"only {deaths} deaths");
        Assert.True(share >= 0.90, $"cause of death diagnosed before death (or an acute event at death) in {share:P1} of {deaths} deaths (at least 90% expected)");
    }

    /// <summary>NCHS-style group of a cause by its ICD-10 code, for the printed comparison with published shares.</summary>
    private static string Group(Definitions.ConditionDefinition? cause)
    {
        var icd = cause?.Codes.FirstOrDefault(c => c.System.StartsWith("ICD", StringComparison.Ordinal))?.Value ?? "";
        if (icd.StartsWith("A40", StringComparison.Ordinal) || icd.StartsWith("A41", StringComparison.Ordinal)) return "sepsis";
        if (icd.StartsWith('C')) return "cancer";
        if (icd.StartsWith('I')) return "circulatory";
        if (icd.StartsWith('J')) return "respiratory";
        if (icd.Length > 0 && "TVWXY".Contains(icd[0])) return "external";
        return icd.Length > 0 ? "other " + icd[0] : "none";
    }

    [Fact]
    public void Module_deaths_compete_with_the_life_table_death_instead_of_adding_to_it()
    {
        var on = new AgeBands();
        var off = new AgeBands();
        Generate(modules: true, on.Add);
        Generate(modules: false, off.Add);

        // The same seed gives both runs the same people; without modules the baseline alone follows the life table.
        // Expected deaths with modules = the baseline's death rate per person-year times the person-years lived with
        // modules. Both counts are Poisson: z = (observed - expected) / sqrt(observed + expected * ratio of person-years),
        // and |z| <= 3 in every band (with 5 bands, a chance failure of a correct model is under 1.5%).
        var failures = new List<string>();
        for (int band = 0; band < AgeBands.Bounds.Length; band++)
        {
            var (from, to) = AgeBands.Bounds[band];
            double ratio = on.Years[band] / off.Years[band];
            double expected = off.Deaths[band] * ratio;
            double z = (on.Deaths[band] - expected) / Math.Sqrt(Math.Max(1, on.Deaths[band] + expected * ratio));
            string line = $"{from}-{to}: with modules {on.Deaths[band]} deaths ({1000 * on.Deaths[band] / on.Years[band]:F2}/1000 py), " +
                          $"life table alone {off.Deaths[band]} ({1000 * off.Deaths[band] / off.Years[band]:F2}/1000 py), expected {expected:F1}, z = {z:F2}";
            output.WriteLine(line);
            if (Math.Abs(z) > 3) failures.Add(line);
        }
        Assert.True(failures.Count == 0, "deaths with modules differ from the life table alone:\n" + string.Join("\n", failures));
    }

    /// <summary>Deaths and person-years by age band over whole lives (birth to death or the end date).</summary>
    private sealed class AgeBands
    {
        public static readonly (int From, int To)[] Bounds = { (0, 45), (45, 65), (65, 75), (75, 85), (85, 200) };

        public readonly int[] Deaths = new int[Bounds.Length];
        public readonly double[] Years = new double[Bounds.Length];

        public void Add(PatientRecord record)
        {
            for (int band = 0; band < Bounds.Length; band++)
            {
                Years[band] += PersonYears(record, Bounds[band].From, Bounds[band].To);
            }
            if (record.Death is not { } death) return;
            double age = LifeDates.AgeAt(record.Demographics.BirthDate, death.Date);
            for (int band = 0; band < Bounds.Length; band++)
            {
                if (age >= Bounds[band].From && age < Bounds[band].To) Deaths[band]++;
            }
        }

        public static double PersonYears(PatientRecord record, double from, double to)
        {
            double lived = LifeDates.AgeAt(record.Demographics.BirthDate, record.End);
            return Math.Max(0, Math.Min(lived, to) - from);
        }
    }
}
