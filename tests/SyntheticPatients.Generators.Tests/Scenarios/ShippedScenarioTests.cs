using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using SyntheticPatients.Generators.Tests.Infrastructure;
using SyntheticPatients.Language.Scenarios;
using SyntheticPatients.Language.Yaml;
using Xunit;

namespace SyntheticPatients.Generators.Tests.Scenarios;

/// <summary>
/// The scenarios shipped in scenarios/ must compile against the shipped modules without any diagnostic (the library
/// build lets lint warnings through, so this test is what keeps them out), and the generator must emit them.
/// </summary>
public sealed class ShippedScenarioTests
{
    private static readonly string[] Expected =
    {
        "cardiometabolic", "ckd_dialysis", "copd_home_oxygen", "general", "geriatric_polypharmacy", "mental_health",
        "oncology_survivorship", "pediatric_asthma", "prenatal_care",
    };

    /// <summary>Every YAML file under scenarios/, as (path relative to the repository, text).</summary>
    internal static (string Path, string Text)[] ScenarioFiles()
    {
        var root = RepositoryFiles.Root;
        return Directory.GetFiles(Path.Combine(root, "scenarios"), "*.yaml", SearchOption.AllDirectories)
            .Select(file => (Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllText(file)))
            .OrderBy(f => f.Item1, StringComparer.Ordinal)
            .ToArray();
    }

    [Fact]
    public void Shipped_scenarios_compile_without_any_diagnostic()
    {
        var files = RepositoryFiles.ModuleLibrary().Concat(ScenarioFiles()).ToArray();

        var result = GeneratorHarness.Run(files);

        Assert.True(result.Diagnostics.IsEmpty, DiagnosticAssert.Describe(result.Diagnostics));
        var registry = result.Results.Single().GeneratedSources.Single(s => s.HintName == "ScenarioRegistry.g.cs").SourceText.ToString();
        foreach (var name in Expected) Assert.Contains($"case \"{name}\": return ", registry);
        Assert.Contains("Default => General;", registry);
    }

    [Fact]
    public void Shipped_scenarios_are_the_nine_expected_and_each_name_matches_its_file()
    {
        var files = ScenarioFiles();
        Assert.Equal(Expected, files.Select(f => Path.GetFileNameWithoutExtension(f.Path)).ToArray());
        foreach (var (path, text) in files)
        {
            var spec = ScenarioBinder.Bind(YamlTreeReader.Read(path, text), Language.Parameters.ParameterSet.Empty).Spec;
            Assert.NotNull(spec);
            Assert.Equal(Path.GetFileNameWithoutExtension(path), spec!.Name);
            Assert.NotEqual(string.Empty, spec.Description);
            Assert.NotEmpty(spec.Sources);
            Assert.NotEmpty(spec.Terminology);
        }
    }

    [Fact]
    public void Shipped_scenarios_describe_their_populations()
    {
        var specs = ScenarioFiles().ToDictionary(
            f => Path.GetFileNameWithoutExtension(f.Path),
            f => ScenarioBinder.Bind(YamlTreeReader.Read(f.Path, f.Text), Language.Parameters.ParameterSet.Empty).Spec!);

        // general is the US population: every distribution is the documented default.
        var general = specs["general"];
        Assert.True(general.Ages.IsDefault && general.Race.IsDefault && general.Insurance.IsDefault);
        // ...and it runs every top-level module of the library (not the sample_* modules, nor submodules).
        var library = RepositoryFiles.ModuleLibrary().Where(f => f.Path.StartsWith("modules/", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f.Path)).Where(n => !n.StartsWith("sample_", StringComparison.Ordinal)).ToHashSet();
        Assert.True(general.Modules.Count >= 50, $"general runs {general.Modules.Count} modules");
        Assert.All(general.Modules, m => Assert.Contains(m.Name, library));

        Assert.All(specs["pediatric_asthma"].Ages.Bands, band => Assert.True(band.Max <= 17));
        Assert.All(specs["prenatal_care"].Ages.Bands, band => Assert.True(band.Min >= 15 && band.Max <= 45));
        Assert.Equal(1.0, specs["prenatal_care"].Gender.WeightOf("F"));
        Assert.All(specs["geriatric_polypharmacy"].Ages.Bands, band => Assert.True(band.Min >= 65));
        Assert.All(specs["copd_home_oxygen"].Ages.Bands, band => Assert.True(band.Min >= 40));
        var ckd = specs["ckd_dialysis"].Insurance;
        Assert.True(ckd.WeightOf("medicare") + ckd.WeightOf("dual") > general.Insurance.WeightOf("medicare") + general.Insurance.WeightOf("dual"));
    }

    [Fact]
    public void The_example_in_the_language_reference_compiles()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "module-language.md"));
        var section = doc.Substring(doc.IndexOf("\n## Scenarios\n", StringComparison.Ordinal));
        int start = section.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var example = section.Substring(start, section.IndexOf("```", start, StringComparison.Ordinal) - start);
        var files = RepositoryFiles.ModuleLibrary()
            .Append(("data/parameters/asthma.yaml", "parameters:\n  attack_rate:\n    value: 0.25\n"))
            .Append(("scenarios/pediatric_asthma.yaml", example))
            .ToArray();

        var result = GeneratorHarness.Run(files);

        Assert.True(result.Diagnostics.IsEmpty, DiagnosticAssert.Describe(result.Diagnostics));
    }

    [Fact]
    public void Without_scenario_files_no_scenario_registry_is_emitted()
    {
        var result = GeneratorHarness.Run(RepositoryFiles.ModuleLibrary());

        Assert.DoesNotContain(result.Results.Single().GeneratedSources, s => s.HintName == "ScenarioRegistry.g.cs");
    }

    [Fact]
    public void A_scenario_with_errors_is_left_out_of_the_registry()
    {
        var result = GeneratorHarness.Run(
            ("scenarios/good.yaml", "name: good\n"),
            ("scenarios/bad.yaml", "name: bad\ngender_dist: {M: 2}\n"));

        Assert.Contains(result.Diagnostics, d => d.Id == "SPM0007");
        var registry = result.Results.Single().GeneratedSources.Single(s => s.HintName == "ScenarioRegistry.g.cs").SourceText.ToString();
        Assert.Contains("case \"good\"", registry);
        Assert.DoesNotContain("case \"bad\"", registry);
        // No scenario is named general, so the first by name is the default.
        Assert.Contains("Default => Good;", registry);
    }

    [Fact]
    public void Scenario_names_that_are_not_identifiers_get_unique_fields()
    {
        var result = GeneratorHarness.Run(
            ("scenarios/a.yaml", "name: default\n"),
            ("scenarios/b.yaml", "name: 2024-cohort\n"),
            ("scenarios/c.yaml", "name: high_risk\n"),
            ("scenarios/d.yaml", "name: high-risk\n"));

        Assert.True(result.Diagnostics.IsEmpty, DiagnosticAssert.Describe(result.Diagnostics));
        var registry = result.Results.Single().GeneratedSources.Single(s => s.HintName == "ScenarioRegistry.g.cs").SourceText.ToString();
        Assert.Contains("DefaultScenario = new", registry);
        Assert.Contains("Scenario2024Cohort = new", registry);
        Assert.Contains("HighRisk = new", registry);
        Assert.Contains("HighRisk2 = new", registry);
        // Without a scenario named general, the first by name is the default.
        Assert.Contains("public static Scenarios::ScenarioDefinition Default => Scenario2024Cohort;", registry);
    }
}
