using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SyntheticPatients.Generators.Tests.Infrastructure;
using Xunit;

namespace SyntheticPatients.Generators.Tests.Scenarios;

/// <summary>Which scenario steps re-run after an edit: scenarios depend on module names, not on module bodies.</summary>
public sealed class ScenarioCachingTests
{
    private const string Module = """
        name: alpha
        states:
          start:
            type: start
            transitions:
              - to: wait
          wait:
            type: delay
            duration_days: 10
            transitions:
              - to: end
          end:
            type: terminal
        """;

    private const string ScenarioOne = "name: one\nmodules: [alpha]\ngender_dist: {M: 0.5, F: 0.5}\n";
    private const string ScenarioTwo = "name: two\nmodules: [alpha]\n";

    private static readonly string[] ScenarioSteps =
    {
        TrackingNames.CompiledScenario, TrackingNames.ScenarioModuleChecks, TrackingNames.ScenarioNameChecks, TrackingNames.ScenarioRegistry,
        TrackingNames.Catalog,
    };

    private static (GeneratorDriver Driver, Compilation Compilation, Dictionary<string, AdditionalText> Texts) FirstRun()
    {
        var texts = new Dictionary<string, AdditionalText>
        {
            ["modules/alpha.yaml"] = new InMemoryAdditionalText(GeneratorHarness.Root + "modules/alpha.yaml", Module),
            ["scenarios/one.yaml"] = new InMemoryAdditionalText(GeneratorHarness.Root + "scenarios/one.yaml", ScenarioOne),
            ["scenarios/two.yaml"] = new InMemoryAdditionalText(GeneratorHarness.Root + "scenarios/two.yaml", ScenarioTwo),
        };
        var driver = GeneratorHarness.CreateDriver(texts.Values);
        var compilation = GeneratorHarness.Compilation();
        driver = driver.RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);
        return (driver, compilation, texts);
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step)
        => result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Fact]
    public void Editing_inside_a_module_reruns_no_scenario_step()
    {
        var (driver, compilation, texts) = FirstRun();
        driver = driver.ReplaceAdditionalText(texts["modules/alpha.yaml"],
            new InMemoryAdditionalText(GeneratorHarness.Root + "modules/alpha.yaml", Module.Replace("duration_days: 10", "duration_days: 12")));

        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        // The module names are recomputed from the summaries, but are equal, so nothing downstream runs.
        Assert.All(Reasons(result, TrackingNames.ModuleNames), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        foreach (var step in ScenarioSteps)
        {
            Assert.All(Reasons(result, step), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {r}"));
        }
    }

    [Fact]
    public void Editing_one_scenario_rebinds_only_that_scenario_and_re_emits_the_registry()
    {
        var (driver, compilation, texts) = FirstRun();
        driver = driver.ReplaceAdditionalText(texts["scenarios/one.yaml"],
            new InMemoryAdditionalText(GeneratorHarness.Root + "scenarios/one.yaml", ScenarioOne.Replace("M: 0.5, F: 0.5", "M: 0.4, F: 0.6")));

        var run = driver.RunGenerators(compilation).GetRunResult();
        var result = run.Results.Single();

        Assert.Empty(run.Diagnostics);
        var reasons = Reasons(result, TrackingNames.CompiledScenario).ToList();
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Cached));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.ScenarioRegistry));
        Assert.Contains("(\"M\", 0.4d), (\"F\", 0.6d)", result.GeneratedSources.Single(s => s.HintName == "ScenarioRegistry.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Renaming_a_module_reports_the_scenarios_that_name_it()
    {
        var (driver, compilation, texts) = FirstRun();
        driver = driver.ReplaceAdditionalText(texts["modules/alpha.yaml"],
            new InMemoryAdditionalText(GeneratorHarness.Root + "modules/alpha.yaml", Module.Replace("name: alpha", "name: alpha2")));

        var diagnostics = driver.RunGenerators(compilation).GetRunResult().Diagnostics;

        Assert.Equal(2, diagnostics.Count(d => d.Id == "SPM0014"));
        Assert.Contains(diagnostics, d => d.Id == "SPM0014" && d.Location.GetLineSpan().Path == GeneratorHarness.Root + "scenarios/one.yaml"
            && d.Location.GetLineSpan().StartLinePosition.Line == 1 && d.GetMessage().Contains("did you mean 'alpha2'"));
    }
}
