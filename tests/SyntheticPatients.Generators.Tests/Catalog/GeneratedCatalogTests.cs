using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SyntheticPatients.Generators.Tests.Infrastructure;
using Xunit;

namespace SyntheticPatients.Generators.Tests.Catalog;

/// <summary>
/// GeneratedCatalog (what the CLI runs) is emitted for every compilation; Program.Main only when the project sets
/// SyntheticPatientsGenerateEntryPoint, which a tailored generator's build hands the generator as build_property.
/// </summary>
public sealed class GeneratedCatalogTests
{
    private const string Module = "name: alpha\nstates:\n  start:\n    type: start\n    transitions:\n      - to: end\n  end:\n    type: terminal\n";

    private static GeneratorRunResult Run(IReadOnlyDictionary<string, string> buildProperties, params (string Path, string Text)[] files)
    {
        var result = GeneratorHarness.Run(buildProperties, files).Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        return result;
    }

    private static string Source(GeneratorRunResult result, string hintName)
        => result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    [Fact]
    public void The_catalog_lists_the_scenario_registry_when_there_are_scenarios()
    {
        var result = Run(new Dictionary<string, string>(), ("modules/alpha.yaml", Module), ("scenarios/trial.yaml", "name: trial\nmodules: [alpha]\n"));

        var catalog = Source(result, "GeneratedCatalog.g.cs");
        Assert.Contains("public static class GeneratedCatalog", catalog);
        Assert.Contains("ModuleRegistry.All,", catalog);
        Assert.Contains("ScenarioRegistry.All,", catalog);
        Assert.Contains("ScenarioRegistry.Default,", catalog);
        Assert.Contains("AttributeSlots.Names);", catalog);
        Assert.DoesNotContain(result.GeneratedSources, s => s.HintName == "GeneratedEntryPoint.g.cs");
    }

    [Fact]
    public void Without_scenarios_the_catalog_has_none_and_no_default()
    {
        var result = Run(new Dictionary<string, string>(), ("modules/alpha.yaml", Module));

        var catalog = Source(result, "GeneratedCatalog.g.cs");
        Assert.DoesNotContain("ScenarioRegistry", catalog);
        Assert.Contains("global::System.Array.Empty<global::SyntheticPatients.Runtime.Scenarios.ScenarioDefinition>(),", catalog);
        Assert.Contains("null,", catalog);
    }

    [Fact]
    public void A_compilation_without_module_files_gets_no_generated_types()
    {
        // A tailored generator's test project receives the generator through its project reference, but no YAML: its
        // own empty registries would hide the referenced project's GeneratedCatalog.
        var result = Run(new Dictionary<string, string> { ["build_property.SyntheticPatientsGenerateEntryPoint"] = "true" }, ("notes/readme.yaml", "a: 1\n"));

        Assert.Empty(result.GeneratedSources);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData(" True ", true)]
    [InlineData("false", false)]
    [InlineData("", false)]
    public void The_entry_point_follows_the_build_property(string value, bool emitted)
    {
        var properties = new Dictionary<string, string> { ["build_property.SyntheticPatientsGenerateEntryPoint"] = value };

        var result = Run(properties, ("modules/alpha.yaml", Module));

        var entryPoint = result.GeneratedSources.Where(s => s.HintName == "GeneratedEntryPoint.g.cs").Select(s => s.SourceText.ToString()).SingleOrDefault();
        Assert.Equal(emitted, entryPoint is not null);
        if (emitted)
        {
            Assert.Contains("public static int Main(string[] args) => global::SyntheticPatients.Cli.SyntheticPatientsCli.Run(args, GeneratedCatalog.Instance);", entryPoint);
        }
    }
}
