using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SyntheticPatients.Generators.Tests.Infrastructure;
using Xunit;

namespace SyntheticPatients.Generators.Tests.Incremental;

/// <summary>
/// The generator depends only on AdditionalFiles, never on the C# compilation, and each step's value is equatable.
/// These tests pin down which steps re-run after an edit, and why.
/// </summary>
public sealed class IncrementalCachingTests
{
    private const string ModuleA = """
        name: alpha
        states:
          start:
            type: start
            transitions:
              - to: wait
          wait:
            type: delay
            exact:
              quantity:
                use: demo.follow_up_days
              unit: days
            transitions:
              - to: end
          end:
            type: terminal
        """;

    private const string ModuleB = """
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
          end:
            type: terminal
        """;

    private const string Parameters = "parameters:\n  follow_up_days:\n    value: 30\n";

    private static readonly string[] AllSteps =
    {
        TrackingNames.YamlSyntax, TrackingNames.ParameterFile, TrackingNames.Parameters, TrackingNames.CompiledModule,
        TrackingNames.ModuleProgram, TrackingNames.ModuleSource, TrackingNames.ModuleSummary, TrackingNames.DuplicateModuleNames,
        TrackingNames.CrossModuleChecks, TrackingNames.Registry,
    };

    /// <summary>The texts handed to the driver: replacing one requires the same instance.</summary>
    private static readonly Dictionary<string, AdditionalText> Texts = new()
    {
        ["modules/alpha.yaml"] = new InMemoryAdditionalText(GeneratorHarness.Root + "modules/alpha.yaml", ModuleA),
        ["modules/beta.yaml"] = new InMemoryAdditionalText(GeneratorHarness.Root + "modules/beta.yaml", ModuleB),
        ["data/parameters/demo.yaml"] = new InMemoryAdditionalText(GeneratorHarness.Root + "data/parameters/demo.yaml", Parameters),
    };

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        var driver = GeneratorHarness.CreateDriver(Texts.Values);
        var compilation = GeneratorHarness.Compilation();
        driver = driver.RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);
        return (driver, compilation);
    }

    [Fact]
    public void An_unrelated_CSharp_edit_leaves_every_step_cached()
    {
        var (driver, compilation) = FirstRun();
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other { public sealed class Unrelated { } }"));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in AllSteps)
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"{step} was {output.Reason} after a C# edit");
            }
        }
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_one_module_reruns_only_that_module()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.ReplaceAdditionalText(
            FindText(driver, "modules/beta.yaml"),
            new InMemoryAdditionalText(GeneratorHarness.Root + "modules/beta.yaml", ModuleB.Replace("duration_days: 10", "duration_days: 12")));

        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        // Per-file steps: beta is re-read, re-bound and re-emitted (its model changed); alpha is served from the cache.
        Assert.Equal(IncrementalStepRunReason.Cached, ReasonFor(result, TrackingNames.YamlSyntax, "alpha"));
        Assert.Equal(IncrementalStepRunReason.Modified, ReasonFor(result, TrackingNames.YamlSyntax, "beta"));
        Assert.Equal(IncrementalStepRunReason.Cached, ReasonFor(result, TrackingNames.CompiledModule, "alpha"));
        Assert.Equal(IncrementalStepRunReason.Modified, ReasonFor(result, TrackingNames.CompiledModule, "beta"));
        Assert.Equal(IncrementalStepRunReason.Cached, ReasonFor(result, TrackingNames.ModuleProgram, "alpha"));
        Assert.Equal(IncrementalStepRunReason.Modified, ReasonFor(result, TrackingNames.ModuleProgram, "beta"));
        Assert.Equal(IncrementalStepRunReason.Cached, ReasonFor(result, TrackingNames.ModuleSource, "Alpha"));
        Assert.Equal(IncrementalStepRunReason.Modified, ReasonFor(result, TrackingNames.ModuleSource, "Beta"));
        // Parameters do not depend on modules at all.
        Assert.All(result.TrackedSteps[TrackingNames.Parameters].SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        // beta's summary (name, attributes, submodule calls) did not change, so cross-module checks and the
        // registry, which depend only on summaries, are not recomputed.
        Assert.All(result.TrackedSteps[TrackingNames.CrossModuleChecks].SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(result.TrackedSteps[TrackingNames.Registry].SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void A_comment_appended_to_a_module_changes_no_model()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.ReplaceAdditionalText(
            FindText(driver, "modules/beta.yaml"),
            new InMemoryAdditionalText(GeneratorHarness.Root + "modules/beta.yaml", ModuleB + "\n# reviewed 2026-11\n"));

        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        // The file is re-read (its text changed) but yields an equal tree, so nothing downstream runs.
        Assert.Equal(IncrementalStepRunReason.Unchanged, ReasonFor(result, TrackingNames.YamlSyntax, "beta"));
        Assert.Equal(IncrementalStepRunReason.Cached, ReasonFor(result, TrackingNames.CompiledModule, "beta"));
    }

    [Fact]
    public void An_edit_that_leaves_the_program_equal_re_emits_nothing()
    {
        var (driver, compilation) = FirstRun();
        // A state's sources are documentation: the model changes, the program both engines run does not.
        driver = driver.ReplaceAdditionalText(
            FindText(driver, "modules/beta.yaml"),
            new InMemoryAdditionalText(GeneratorHarness.Root + "modules/beta.yaml", ModuleB.Replace("    type: terminal", "    type: terminal\n    sources: [\"A guideline, 2024\"]")));

        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Modified, ReasonFor(result, TrackingNames.CompiledModule, "beta"));
        Assert.Equal(IncrementalStepRunReason.Unchanged, ReasonFor(result, TrackingNames.ModuleProgram, "beta"));
        Assert.Equal(IncrementalStepRunReason.Cached, ReasonFor(result, TrackingNames.ModuleSource, "Beta"));
    }

    [Fact]
    public void Editing_a_parameter_rebinds_modules_but_re_emits_only_the_one_that_uses_it()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.ReplaceAdditionalText(
            FindText(driver, "data/parameters/demo.yaml"),
            new InMemoryAdditionalText(GeneratorHarness.Root + "data/parameters/demo.yaml", Parameters.Replace("30", "45")));

        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        // Every module is re-bound against the new parameter set (any module could reference it)...
        Assert.Equal(IncrementalStepRunReason.Modified, ReasonFor(result, TrackingNames.CompiledModule, "alpha"));
        // ...but beta does not use it: its model is equal, so its source is not regenerated.
        Assert.Equal(IncrementalStepRunReason.Unchanged, ReasonFor(result, TrackingNames.CompiledModule, "beta"));
        Assert.Equal(IncrementalStepRunReason.Cached, ReasonFor(result, TrackingNames.ModuleSource, "Beta"));
    }

    [Fact]
    public void Duplicate_module_names_follow_the_summaries_and_withhold_both_classes()
    {
        var (driver, compilation) = FirstRun();
        var edited = driver.ReplaceAdditionalText(
            FindText(driver, "modules/beta.yaml"),
            new InMemoryAdditionalText(GeneratorHarness.Root + "modules/beta.yaml", ModuleB.Replace("duration_days: 10", "duration_days: 12")));
        var sameNames = edited.RunGenerators(compilation).GetRunResult().Results.Single();
        // A body edit keeps every name: the duplicate set is not recomputed, so alpha's source stays cached.
        Assert.All(sameNames.TrackedSteps[TrackingNames.DuplicateModuleNames].SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Equal(IncrementalStepRunReason.Cached, ReasonFor(sameNames, TrackingNames.ModuleSource, "Alpha"));

        var renamed = driver.ReplaceAdditionalText(
            FindText(driver, "modules/beta.yaml"),
            new InMemoryAdditionalText(GeneratorHarness.Root + "modules/beta.yaml", ModuleB.Replace("name: beta", "name: alpha")));
        var clash = renamed.RunGenerators(compilation).GetRunResult().Results.Single();
        // beta now takes alpha's name: the set changes and neither file's class is emitted (SPM0018, no CS0101).
        Assert.All(clash.TrackedSteps[TrackingNames.DuplicateModuleNames].SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.Equal(new[] { "ModuleRegistry.g.cs", "GeneratedCatalog.g.cs" }.OrderBy(h => h), clash.GeneratedSources.Select(s => s.HintName).OrderBy(h => h));
    }

    [Fact]
    public void No_step_output_holds_compilation_symbols_or_syntax()
    {
        var (driver, _) = FirstRun();
        var result = driver.GetRunResult().Results.Single();
        // Our steps only: Roslyn's own input nodes (AdditionalTexts, Compilation) legitimately hold Roslyn objects.
        foreach (var step in result.TrackedSteps.Where(s => AllSteps.Contains(s.Key)))
        {
            foreach (var output in step.Value.SelectMany(s => s.Outputs))
            {
                AssertNoRoslynObjects(output.Value, step.Key, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static void AssertNoRoslynObjects(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value)) return;
        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or Location or Diagnostic or AdditionalText,
            $"{step} holds a {value.GetType().Name}, which breaks caching");
        if (value is IEnumerable enumerable)
        {
            foreach (var item in enumerable) AssertNoRoslynObjects(item, step, seen);
            return;
        }
        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), step, seen);
        }
    }

    private static AdditionalText FindText(GeneratorDriver driver, string relativePath)
        => Texts[relativePath];

    /// <summary>The run reason of the output of a step whose value mentions the given module or class name.</summary>
    private static IncrementalStepRunReason ReasonFor(GeneratorRunResult result, string step, string name)
    {
        var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs)
            .Where(o => Describe(o.Value).Contains(name, StringComparison.Ordinal))
            .ToList();
        Assert.True(outputs.Count == 1, $"{step}: expected one output for '{name}', found {outputs.Count}");
        return outputs[0].Reason;
    }

    private static string Describe(object value) => value switch
    {
        YamlFile file => file.Syntax.FilePath,
        GeneratedSource source => source.HintName,
        _ => value.ToString() ?? string.Empty,
    };
}
