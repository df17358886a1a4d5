using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SyntheticPatients.Generators.Emit;
using SyntheticPatients.Language.Binding;
using SyntheticPatients.Language.Checking;
using SyntheticPatients.Language.Compilation;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Lowering;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Parameters;
using SyntheticPatients.Language.Scenarios;
using SyntheticPatients.Language.Terminology;
using SyntheticPatients.Language.Text;
using SyntheticPatients.Language.Yaml;

namespace SyntheticPatients.Generators;

/// <summary>
/// Compiles YAML modules (AdditionalFiles under modules/, with parameters under parameters/) into C# state machines.
/// Pipeline (the <see cref="FrontEndStages"/>, one step each): read each file into a located YAML tree -> bind with the
/// parameter set -> check (codes against the terminology catalogs, data/terminology/*.csv, collected into one
/// equatable catalog) -> lower into the module program -> print one class per module; module summaries are collected for cross-module checks and the registry. Scenario files (scenarios/)
/// are bound with the same parameter set, their module names checked against the module names, and the valid ones
/// emitted as ScenarioRegistry; GeneratedCatalog ties the registries together for the CLI. Every step's value is
/// equatable, so an edit re-runs only the steps that depend on the edited file.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ModuleGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Whether the compilation has any module-language input. A project that only references a tailored generator
        // (its test project) receives this generator transitively but no YAML: it must not emit registries of its own,
        // which would hide the referenced project's GeneratedCatalog.
        var hasInputs = context.AdditionalTextsProvider
            .Where(static text => FileKinds.Classify(text.Path) != YamlFileKind.Other)
            .Select(static (_, _) => true)
            .Collect()
            .Select(static (all, _) => all.Length > 0)
            .WithTrackingName(TrackingNames.HasInputs);

        var yamlFiles = context.AdditionalTextsProvider
            .Where(static text => IsYaml(FileKinds.Classify(text.Path)))
            .Select(static (text, ct) => Read(text, ct))
            .WithTrackingName(TrackingNames.YamlSyntax);

        var parameterFiles = yamlFiles
            .Where(static file => file.Kind == YamlFileKind.Parameters)
            .Select(static (file, _) => Guard(file.Syntax.FilePath, () => FrontEndStages.ReadParameterFile(file.Syntax),
                failure => new ParameterFileSyntax(FileKinds.Stem(file.Syntax.FilePath), EquatableArray<ParameterEntry>.Empty, failure)))
            .WithTrackingName(TrackingNames.ParameterFile);

        var parameters = parameterFiles
            .Collect()
            .Select(static (files, _) => FrontEndStages.CollectParameters(files))
            .WithTrackingName(TrackingNames.Parameters);

        // Terminology catalogs (data/terminology/<system>.csv): read per file, collected into one equatable catalog.
        var terminologyFiles = context.AdditionalTextsProvider
            .Where(static text => FileKinds.Classify(text.Path) == YamlFileKind.Terminology)
            .Select(static (text, ct) => ReadTerminology(text, ct))
            .WithTrackingName(TrackingNames.TerminologyFile);

        var terminology = terminologyFiles
            .Collect()
            .Select(static (files, _) => FrontEndStages.CollectTerminology(files))
            .WithTrackingName(TrackingNames.Terminology);

        // The project's terminology setting (MSBuild SyntheticPatientsTerminology: strict or compat; a module's own key wins).
        var terminologyOption = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => TerminologyPolicy.FromSetting(
                options.GlobalOptions.TryGetValue("build_property." + TerminologyPolicy.MsBuildProperty, out var value) ? value : null,
                "MSBuild property " + TerminologyPolicy.MsBuildProperty))
            .WithTrackingName(TrackingNames.TerminologyOption);

        var modules = yamlFiles
            .Where(static file => file.Kind == YamlFileKind.Module)
            .Combine(parameters.Select(static (p, _) => p.Parameters))
            .Combine(terminology.Select(static (t, _) => t.Catalog).Combine(terminologyOption.Select(static (o, _) => o.Mode)))
            .Select(static (pair, _) => Guard(pair.Left.Left.Syntax.FilePath,
                () => FrontEndStages.CompileModule(pair.Left.Left.Syntax, pair.Left.Right, pair.Right.Left, pair.Right.Right),
                failure => new ModuleCompilation(null, failure)))
            .WithTrackingName(TrackingNames.CompiledModule);

        // The program both engines run: lowered from the model only, so a diagnostics-only change does not re-lower,
        // and an edit that leaves the program equal (a comment, a reordered key) does not re-emit.
        var programs = modules
            .Select(static (module, _) => module.Spec is null || module.HasErrors
                ? null
                : Guard<ModuleProgram?>(module.Spec.FilePath, () => FrontEndStages.Lower(module.Spec), _ => null))
            .WithTrackingName(TrackingNames.ModuleProgram);

        // Cross-module checks see every module that could be bound; the registry lists only modules that were emitted.
        var summaries = modules
            .Where(static module => module.Spec is not null)
            .Select(static (module, _) => (Summary: FrontEndStages.Summarize(module.Spec!), Emitted: !module.HasErrors))
            .WithTrackingName(TrackingNames.ModuleSummary)
            .Collect();

        // A name that several files declare (SPM0018) would give two classes of one name: none of those files is
        // emitted, so the build shows the SPM0018 errors and not hundreds of CS0101/CS0111 errors that follow from them.
        var duplicateNames = summaries
            .Select(static (all, _) => CrossModuleChecker.DuplicateNames(Sorted(all, emittedOnly: false)))
            .WithTrackingName(TrackingNames.DuplicateModuleNames);

        // Source: only the program (and whether its name is taken twice) feeds emission.
        var moduleSources = programs
            .Combine(duplicateNames)
            .Select(static (pair, _) => pair.Left is not { } program || pair.Right.Contains(program.Name)
                ? null
                : Guard<GeneratedSource?>(program.DisplayPath, () => new GeneratedSource(ModuleEmitter.HintName(program), ModuleEmitter.Emit(program)), _ => null))
            .WithTrackingName(TrackingNames.ModuleSource);
        context.RegisterSourceOutput(moduleSources, static (spc, source) =>
        {
            if (source is not null) spc.AddSource(source.HintName, SourceText.From(source.Text, System.Text.Encoding.UTF8));
        });

        var crossModuleDiagnostics = summaries
            .Select(static (all, _) => Guard("(all modules)", () => FrontEndStages.CheckAcrossModules(Sorted(all, emittedOnly: false)), failure => failure))
            .WithTrackingName(TrackingNames.CrossModuleChecks);

        var registry = summaries
            .Combine(duplicateNames)
            .Select(static (pair, _) => Guard("(module registry)", () => RegistryEmitter.Emit(Sorted(pair.Left, emittedOnly: true, pair.Right)), _ => string.Empty))
            .WithTrackingName(TrackingNames.Registry);
        context.RegisterSourceOutput(registry.Combine(hasInputs), static (spc, pair) =>
        {
            if (pair.Right && pair.Left.Length > 0) spc.AddSource("ModuleRegistry.g.cs", SourceText.From(pair.Left, System.Text.Encoding.UTF8));
        });

        // Scenarios: bound per file with the parameter set; module names checked against every module that could be
        // bound (as cross-module checks do), so editing inside a module that keeps its name re-runs no scenario step.
        var scenarios = yamlFiles
            .Where(static file => file.Kind == YamlFileKind.Scenario)
            .Combine(parameters.Select(static (p, _) => p.Parameters))
            .Select(static (pair, _) => Guard(pair.Left.Syntax.FilePath, () =>
                {
                    var bound = ScenarioBinder.Bind(pair.Left.Syntax, pair.Right);
                    return new ScenarioCompilation(bound.Spec, bound.Diagnostics);
                },
                failure => new ScenarioCompilation(null, failure)))
            .WithTrackingName(TrackingNames.CompiledScenario);

        var moduleNames = summaries
            .Select(static (all, _) => ModuleNames(all))
            .WithTrackingName(TrackingNames.ModuleNames);

        var scenarioModuleDiagnostics = scenarios
            .Combine(moduleNames)
            .Select(static (pair, _) => pair.Left.Spec is null
                ? EquatableArray<DiagnosticInfo>.Empty
                : Guard(pair.Left.Spec.FilePath, () => ScenarioFrontEnd.CheckModules(pair.Left.Spec, pair.Right), failure => failure))
            .WithTrackingName(TrackingNames.ScenarioModuleChecks);

        var allScenarios = scenarios.Collect();

        var scenarioNameDiagnostics = allScenarios
            .Select(static (all, _) => Guard("(all scenarios)", () => ScenarioFrontEnd.CheckNames(Specs(all)), failure => failure))
            .WithTrackingName(TrackingNames.ScenarioNameChecks);

        // The registry lists the scenarios without errors; with no scenario file (or none valid) nothing is emitted.
        var scenarioRegistry = allScenarios
            .Select(static (all, _) => Guard("(scenario registry)", () =>
                {
                    var registrable = ScenarioFrontEnd.Registrable(all);
                    return registrable.Count == 0 ? string.Empty : ScenarioEmitter.Emit(registrable);
                }, _ => string.Empty))
            .WithTrackingName(TrackingNames.ScenarioRegistry);
        context.RegisterSourceOutput(scenarioRegistry, static (spc, text) =>
        {
            if (text.Length > 0) spc.AddSource(ScenarioEmitter.HintName, SourceText.From(text, System.Text.Encoding.UTF8));
        });

        // The catalog the CLI runs (it ties ModuleRegistry, ScenarioRegistry when present, and AttributeSlots together),
        // and Program.Main when the project opts in with the MSBuild property (CompilerVisibleProperty).
        var entryPoint = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue("build_property." + CatalogEmitter.EntryPointProperty, out var value)
                && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            .WithTrackingName(TrackingNames.EntryPointOption);
        var catalog = scenarioRegistry
            .Select(static (text, _) => text.Length > 0)
            .Combine(entryPoint)
            .Select(static (pair, _) => Guard("(catalog)",
                () => new CatalogSources(CatalogEmitter.Emit(hasScenarios: pair.Left), pair.Right ? CatalogEmitter.EmitEntryPoint() : string.Empty),
                _ => new CatalogSources(string.Empty, string.Empty)))
            .WithTrackingName(TrackingNames.Catalog);
        context.RegisterSourceOutput(catalog.Combine(hasInputs), static (spc, pair) =>
        {
            if (!pair.Right) return;
            var sources = pair.Left;
            if (sources.Catalog.Length > 0) spc.AddSource(CatalogEmitter.HintName, SourceText.From(sources.Catalog, System.Text.Encoding.UTF8));
            if (sources.EntryPoint.Length > 0) spc.AddSource(CatalogEmitter.EntryPointHintName, SourceText.From(sources.EntryPoint, System.Text.Encoding.UTF8));
        });

        // Diagnostics: parameter files, each module, the cross-module checks, each scenario and its module names,
        // and scenario names across files.
        context.RegisterSourceOutput(parameters.Select(static (p, _) => p.Diagnostics), Report);
        context.RegisterSourceOutput(terminology.Select(static (t, _) => t.Diagnostics), Report);
        context.RegisterSourceOutput(terminologyOption.Select(static (o, _) => o.Diagnostics), Report);
        context.RegisterSourceOutput(modules.Select(static (m, _) => m.Diagnostics), Report);
        context.RegisterSourceOutput(crossModuleDiagnostics, Report);
        context.RegisterSourceOutput(scenarios.Select(static (s, _) => s.Diagnostics), Report);
        context.RegisterSourceOutput(scenarioModuleDiagnostics, Report);
        context.RegisterSourceOutput(scenarioNameDiagnostics, Report);
    }

    /// <summary>Every bound module's name, sorted and distinct (what a scenario's modules list may name).</summary>
    private static EquatableArray<string> ModuleNames(ImmutableArray<(ModuleSummary Summary, bool Emitted)> summaries)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (summary, _) in summaries) names.Add(summary.Name);
        return names.ToEquatableArray();
    }

    private static List<ScenarioSpec> Specs(ImmutableArray<ScenarioCompilation> compilations)
    {
        var specs = new List<ScenarioSpec>();
        foreach (var compilation in compilations)
        {
            if (compilation.Spec is not null) specs.Add(compilation.Spec);
        }
        return specs;
    }

    private static bool IsYaml(YamlFileKind kind) => kind is YamlFileKind.Module or YamlFileKind.Scenario or YamlFileKind.Parameters;

    private static TerminologyFileSyntax ReadTerminology(AdditionalText text, CancellationToken cancellationToken)
        => Guard(text.Path, () => FrontEndStages.ReadTerminologyFile(text.Path, text.GetText(cancellationToken)?.ToString() ?? string.Empty),
            failure => new TerminologyFileSyntax(null, text.Path, EquatableArray<TerminologyEntry>.Empty, failure));

    private static YamlFile Read(AdditionalText text, CancellationToken cancellationToken)
    {
        var kind = FileKinds.Classify(text.Path);
        return Guard(text.Path, () =>
        {
            var content = text.GetText(cancellationToken)?.ToString() ?? string.Empty;
            return new YamlFile(kind, FrontEndStages.ReadYaml(text.Path, content));
        }, failure => new YamlFile(kind, new YamlDocumentSyntax(text.Path, null, failure)));
    }

    /// <summary>Sorted by file; with <paramref name="emittedOnly"/>, only modules whose class was emitted (no errors, name not taken twice).</summary>
    private static IReadOnlyList<ModuleSummary> Sorted(ImmutableArray<(ModuleSummary Summary, bool Emitted)> summaries, bool emittedOnly,
        EquatableArray<string> duplicateNames = default)
    {
        var list = new List<ModuleSummary>();
        foreach (var (summary, emitted) in summaries)
        {
            if (!emittedOnly || (emitted && !duplicateNames.Contains(summary.Name))) list.Add(summary);
        }
        list.Sort(static (a, b) => string.CompareOrdinal(a.FilePath, b.FilePath));
        return list;
    }

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(DiagnosticDescriptors.ToDiagnostic(diagnostic));
        }
    }

    /// <summary>
    /// A generator must never throw: any unexpected failure becomes SPM0999 on the file being processed.
    /// Cancellation still propagates, as Roslyn expects.
    /// </summary>
    private static T Guard<T>(string filePath, Func<T> work, Func<EquatableArray<DiagnosticInfo>, T> onFailure)
    {
        try
        {
            return work();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            var failure = DiagnosticInfo.Create(DiagnosticCatalog.CompilerFailure, filePath, new SourceSpan(1, 1, 1, 1), ex.GetType().Name + ": " + ex.Message);
            return onFailure(new EquatableArray<DiagnosticInfo>(new[] { failure }));
        }
    }
}

/// <summary>A YAML additional file, classified by folder and read into a located tree.</summary>
internal sealed record YamlFile(YamlFileKind Kind, YamlDocumentSyntax Syntax);

/// <summary>The catalog's source and the entry point's (empty when not opted in); strings, so they cache by value.</summary>
internal sealed record CatalogSources(string Catalog, string EntryPoint);

/// <summary>One generated source file: hint name and text (a string, so it caches by value).</summary>
internal sealed record GeneratedSource(string HintName, string Text);
