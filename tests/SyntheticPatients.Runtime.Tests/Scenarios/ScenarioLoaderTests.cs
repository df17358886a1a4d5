using SyntheticPatients.Generated;
using SyntheticPatients.Language.Compilation;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Parameters;
using SyntheticPatients.Language.Yaml;
using SyntheticPatients.Runtime.Scenarios;
using Xunit;

namespace SyntheticPatients.Runtime.Tests.Scenarios;

/// <summary>
/// A scenario file given at run time goes through the same front-end as the built-in scenarios: the same located
/// diagnostics for a bad file, and for a good one the same <see cref="ScenarioDefinition"/> the generator emits.
/// </summary>
public sealed class ScenarioLoaderTests
{
    private static readonly string[] KnownModules = ModuleRegistry.All.Select(m => m.Name).ToArray();

    private static readonly string[] ShippedScenarios =
    {
        "cardiometabolic", "ckd_dialysis", "copd_home_oxygen", "general", "geriatric_polypharmacy", "mental_health",
        "oncology_survivorship", "pediatric_asthma", "prenatal_care",
    };

    private static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SyntheticPatients.sln"))) directory = directory.Parent;
            return directory?.FullName ?? throw new DirectoryNotFoundException("SyntheticPatients.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The parameter set the library is built with (data/parameters/*.yaml; empty when there are none).</summary>
    private static ParameterSet LibraryParameters()
    {
        var folder = Path.Combine(RepositoryRoot, "data", "parameters");
        if (!Directory.Exists(folder)) return ParameterSet.Empty;
        var files = Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories)
            .Select(path => ParameterFileReader.Read(YamlTreeReader.Read(path, File.ReadAllText(path))));
        return FrontEndStages.CollectParameters(files).Parameters;
    }

    private static ParameterSet DemoParameters() => FrontEndStages.CollectParameters(new[]
    {
        ParameterFileReader.Read(YamlTreeReader.Read("data/parameters/asthma.yaml", "parameters:\n  attack_rate:\n    value: 0.25\n")),
    }).Parameters;

    [Fact]
    public void The_built_in_registry_lists_the_nine_shipped_scenarios()
    {
        Assert.Equal(ShippedScenarios, ScenarioRegistry.All.Select(s => s.Name).ToArray());
        Assert.Same(ScenarioRegistry.Find("general"), ScenarioRegistry.Default);
        Assert.Same(ScenarioRegistry.PediatricAsthma, ScenarioRegistry.Find("pediatric_asthma"));
        Assert.Null(ScenarioRegistry.Find("no_such_scenario"));
        foreach (var scenario in ScenarioRegistry.All)
        {
            Assert.Equal($"scenarios/{scenario.Name}.yaml", scenario.SourcePath);
            Assert.All(scenario.Modules, module => Assert.Contains(module, KnownModules));
        }
    }

    [Fact]
    public void Every_shipped_file_loads_at_run_time_to_the_definition_the_generator_emitted()
    {
        var parameters = LibraryParameters();
        foreach (var name in ShippedScenarios)
        {
            var path = Path.Combine(RepositoryRoot, "scenarios", name + ".yaml");

            var loaded = ScenarioLoader.LoadFile(path, parameters, KnownModules);

            Assert.True(loaded.Diagnostics.Count == 0, string.Join("\n", loaded.Diagnostics));
            AssertSameDefinition(ScenarioRegistry.Find(name)!, loaded.Definition!);
            Assert.Equal(path, loaded.Definition!.SourcePath);
        }
    }

    [Fact]
    public void A_bad_file_gives_located_diagnostics_and_no_definition()
    {
        const string Text = """
            name: broken
            age_dist:
              0-18: 0.5
              18-64: 0.5
            race_dist:
              White: 0.7
              Hispanic: 0.3
            smoking_dist:
              never: 0.7
              current: 0.2
            modules:
              - sample_asthma
              - sample_hypertensoin
            """;

        var result = ScenarioLoader.Load("custom/broken.yaml", Text, ParameterSet.Empty, KnownModules);

        Assert.False(result.Succeeded);
        Assert.Null(result.Definition);
        var located = result.Diagnostics.Select(d => $"{d.Id} {d.Span.Line},{d.Span.Column}").ToArray();
        Assert.Equal(new[] { "SPM0017 4,3", "SPM0017 7,3", "SPM0007 8,1", "SPM0014 13,5" }, located);
        Assert.All(result.Diagnostics, d => Assert.Equal("custom/broken.yaml", d.FilePath));
        Assert.Contains("did you mean 'sample_hypertension'", result.Diagnostics[^1].Message);
        Assert.StartsWith("custom/broken.yaml(8,1): error SPM0007: The weights of 'smoking_dist' sum to 0.9", result.Diagnostics[2].ToString());
        Assert.Equal(4, result.Errors.Count());
    }

    [Fact]
    public void A_good_file_round_trips()
    {
        const string Text = """
            name: custom
            description: A hand-written population.
            sources: [Local registry 2024]
            age_dist: "0-17:0.25, 18-64:0.5, 65-110:0.25"
            gender_dist:
              female: 0.6
              male: remainder
            race_dist:
              White: 0.7
              Black or African American: 0.2
              Other: 0.1
            income_dist:
              0-49999: 0.5
              50000-250000: 0.5
            modules: [sample_asthma]
            parameters:
              asthma.attack_rate: 0.3
            terminology:
              icd10_codes: [J45.909]
              loinc: [20150-9]
            """;

        var result = ScenarioLoader.Load("custom.yaml", Text, DemoParameters(), KnownModules);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        var scenario = result.Definition!;
        Assert.Equal("custom", scenario.Name);
        Assert.Equal("A hand-written population.", scenario.Description);
        Assert.Equal("custom.yaml", scenario.SourcePath);
        Assert.Equal(new[] { "Local registry 2024" }, scenario.Sources);
        Assert.Equal(new[] { new AgeBand(0, 17, 0.25), new AgeBand(18, 64, 0.5), new AgeBand(65, 110, 0.25) }, scenario.Ages);
        Assert.Equal(new[] { "F", "M" }, scenario.Gender.Labels);
        Assert.Equal(0.4, scenario.Gender.Share("M"), 12);
        Assert.Equal(new[] { "white", "black", "other" }, scenario.Race.Labels);
        Assert.Equal(0.2, scenario.Race.Share("black"), 12);
        Assert.Equal(new[] { new IncomeBand(0, 49_999, 0.5), new IncomeBand(50_000, 250_000, 0.5) }, scenario.Income);
        Assert.Equal(new[] { "sample_asthma" }, scenario.Modules);
        Assert.Equal(0.3, scenario.Parameters["asthma.attack_rate"]);
        Assert.Equal(new[] { "J45.909" }, scenario.TerminologyFocus["ICD-10-CM"]);
        Assert.Equal(new[] { "20150-9" }, scenario.TerminologyFocus["LOINC"]);
        // Left out: the documented US defaults.
        Assert.Equal(new[] { "hispanic", "nonhispanic" }, scenario.Ethnicity.Labels);
        Assert.Equal(0.116, scenario.Smoking.Share("current"), 12);
        Assert.Equal(6, scenario.Insurance.Labels.Count);
    }

    [Fact]
    public void Unknown_keys_and_impossible_codes_stop_a_file_from_loading()
    {
        // Both were warnings: a misspelt key ran the scenario without it, and a code failing its check digit was written.
        var result = ScenarioLoader.Load("warn.yaml", "name: warn\ncomment: not a key\nterminology:\n  loinc: [4548-5]\n", ParameterSet.Empty, KnownModules);

        Assert.False(result.Succeeded);
        Assert.Equal(new[] { "SPM0029", "SPM0020" }, result.Diagnostics.Select(d => d.Id));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticLevel.Error, d.Level));
    }

    [Fact]
    public void LoadFile_reads_the_file_and_reports_at_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "name: temp\ngender_dist: {M: 0.5, F: 0.6}\n");
        try
        {
            var result = ScenarioLoader.LoadFile(path, ParameterSet.Empty, KnownModules);

            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal(path, diagnostic.FilePath);
            Assert.Equal(("SPM0007", 2, 1), (diagnostic.Id, diagnostic.Span.Line, diagnostic.Span.Column));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Scenario_weights_drive_the_draws()
    {
        var prenatal = ScenarioRegistry.PrenatalCare;
        var random = new PatientRandom(20261123, 0);
        for (int i = 0; i < 100; i++) Assert.Equal("F", prenatal.Gender.Draw(random));
        Assert.Equal(1.0, prenatal.Ages.Sum(a => a.Weight), 6);
    }

    private static void AssertSameDefinition(ScenarioDefinition expected, ScenarioDefinition actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Description, actual.Description);
        Assert.Equal(expected.Sources, actual.Sources);
        Assert.Equal(expected.Ages, actual.Ages);
        Assert.Equal(expected.Income, actual.Income);
        foreach (var (e, a) in new[]
        {
            (expected.Gender, actual.Gender), (expected.Race, actual.Race), (expected.Ethnicity, actual.Ethnicity),
            (expected.Smoking, actual.Smoking), (expected.Alcohol, actual.Alcohol), (expected.Education, actual.Education),
            (expected.Employment, actual.Employment), (expected.Housing, actual.Housing), (expected.Insurance, actual.Insurance),
        })
        {
            Assert.Equal(e.Weights, a.Weights);
        }
        Assert.Equal(expected.Modules, actual.Modules);
        Assert.Equal(expected.Parameters.OrderBy(p => p.Key), actual.Parameters.OrderBy(p => p.Key));
        Assert.Equal(expected.TerminologyFocus.Keys, actual.TerminologyFocus.Keys);
        foreach (var (system, codes) in expected.TerminologyFocus) Assert.Equal(codes, actual.TerminologyFocus[system]);
    }
}
