using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SyntheticPatients.Generators.Tests.Infrastructure;
using Xunit;

namespace SyntheticPatients.Generators.Tests.Terminology;

/// <summary>
/// The catalogs are one collected, equatable input Combined into the module compile step (like the parameter set):
/// editing a module does not re-read any catalog; editing a catalog re-checks the modules but re-emits only those
/// whose model changed.
/// </summary>
public sealed class TerminologyCachingTests
{
    private const string Alpha = """
        name: alpha
        states:
          start:
            type: start
            transitions:
              - to: diagnose
          diagnose:
            type: condition_onset
            conditions:
              - name: Asthma
                snomed: "195967001"
            transitions:
              - to: end
        """;

    private const string Beta = """
        name: beta
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
        """;

    private const string Snomed = "code,display,semantic_tag\n195967001,Asthma,disorder\n";

    private static readonly Dictionary<string, AdditionalText> Texts = new()
    {
        ["modules/alpha.yaml"] = new InMemoryAdditionalText(GeneratorHarness.Root + "modules/alpha.yaml", Alpha),
        ["modules/beta.yaml"] = new InMemoryAdditionalText(GeneratorHarness.Root + "modules/beta.yaml", Beta),
        ["data/terminology/snomed.csv"] = new InMemoryAdditionalText(GeneratorHarness.Root + "data/terminology/snomed.csv", Snomed),
    };

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        var driver = GeneratorHarness.CreateDriver(Texts.Values);
        var compilation = GeneratorHarness.Compilation();
        driver = driver.RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);
        return (driver, compilation);
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step)
        => result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Fact]
    public void Editing_a_module_leaves_the_catalog_steps_cached()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.ReplaceAdditionalText(Texts["modules/beta.yaml"],
            new InMemoryAdditionalText(GeneratorHarness.Root + "modules/beta.yaml", Beta.Replace("duration_days: 10", "duration_days: 12", System.StringComparison.Ordinal)));

        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.All(Reasons(result, TrackingNames.TerminologyFile), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Reasons(result, TrackingNames.Terminology), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Contains(IncrementalStepRunReason.Cached, Reasons(result, TrackingNames.CompiledModule)); // alpha
    }

    [Fact]
    public void Editing_a_catalog_rechecks_modules_and_reports_against_the_new_rows()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.ReplaceAdditionalText(Texts["data/terminology/snomed.csv"],
            new InMemoryAdditionalText(GeneratorHarness.Root + "data/terminology/snomed.csv", "code,display,semantic_tag\n195967001,Bronchial asthma,disorder\n"));

        driver = driver.RunGenerators(compilation);
        var run = driver.GetRunResult();
        var result = run.Results.Single();

        Assert.All(Reasons(result, TrackingNames.TerminologyFile), r => Assert.Equal(IncrementalStepRunReason.Modified, r));
        Assert.All(Reasons(result, TrackingNames.Terminology), r => Assert.Equal(IncrementalStepRunReason.Modified, r));
        // Both modules are re-checked; beta has no code, so its compilation is equal and its source is not re-emitted.
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.CompiledModule));
        Assert.Contains(IncrementalStepRunReason.Unchanged, Reasons(result, TrackingNames.CompiledModule));
        Assert.DoesNotContain(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.ModuleSource));
        Assert.Equal("SPM0024", Assert.Single(run.Diagnostics).Id);
    }

    [Fact]
    public void A_trailing_blank_line_in_a_catalog_is_not_a_change()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.ReplaceAdditionalText(Texts["data/terminology/snomed.csv"],
            new InMemoryAdditionalText(GeneratorHarness.Root + "data/terminology/snomed.csv", Snomed + "\n"));

        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        // A trailing blank line: the file is re-read, yields equal rows, and nothing downstream runs.
        Assert.All(Reasons(result, TrackingNames.TerminologyFile), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        Assert.All(Reasons(result, TrackingNames.CompiledModule), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }
}
