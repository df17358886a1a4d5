using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SyntheticPatients.Generators.Emit;
using SyntheticPatients.Language.Binding;
using SyntheticPatients.Language.Checking;
using SyntheticPatients.Language.Compilation;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Parameters;
using SyntheticPatients.Language.Text;
using SyntheticPatients.Language.Yaml;

namespace SyntheticPatients.Generators;

/// <summary>
/// Compiles YAML modules (AdditionalFiles under modules/, with parameters under parameters/) into C# state machines.
/// Pipeline: read each file into a located YAML tree -> bind with the parameter set -> check -> emit one class
/// per module; module summaries are collected for cross-module checks and the registry. Every step's value is
/// equatable, so an edit re-runs only the steps that depend on the edited file.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ModuleGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var yamlFiles = context.AdditionalTextsProvider
            .Where(static text => FileKinds.Classify(text.Path) != YamlFileKind.Other)
            .Select(static (text, ct) => Read(text, ct))
            .WithTrackingName(TrackingNames.YamlSyntax);

        var parameterFiles = yamlFiles
            .Where(static file => file.Kind == YamlFileKind.Parameters)
            .Select(static (file, _) => Guard(file.Syntax.FilePath, () => ParameterFileReader.Read(file.Syntax),
                failure => new ParameterFileSyntax(FileKinds.Stem(file.Syntax.FilePath), EquatableArray<ParameterEntry>.Empty, failure)))
            .WithTrackingName(TrackingNames.ParameterFile);

        var parameters = parameterFiles
            .Collect()
            .Select(static (files, _) => ModuleCompiler.BuildParameters(files))
            .WithTrackingName(TrackingNames.Parameters);

        var modules = yamlFiles
            .Where(static file => file.Kind == YamlFileKind.Module)
            .Combine(parameters.Select(static (p, _) => p.Parameters))
            .Select(static (pair, _) => Guard(pair.Left.Syntax.FilePath, () => ModuleCompiler.Compile(pair.Left.Syntax, pair.Right),
                failure => new ModuleCompilation(null, failure)))
            .WithTrackingName(TrackingNames.CompiledModule);

        // Source: only the model feeds emission, so a diagnostics-only change does not re-emit.
        var moduleSources = modules
            .Select(static (module, _) => module.Spec is null || module.HasErrors
                ? null
                : Guard<GeneratedSource?>(module.Spec.FilePath, () => new GeneratedSource(ModuleEmitter.HintName(module.Spec), ModuleEmitter.Emit(module.Spec)), _ => null))
            .WithTrackingName(TrackingNames.ModuleSource);
        context.RegisterSourceOutput(moduleSources, static (spc, source) =>
        {
            if (source is not null) spc.AddSource(source.HintName, SourceText.From(source.Text, System.Text.Encoding.UTF8));
        });

        // Cross-module checks see every module that could be bound; the registry lists only modules that were emitted.
        var summaries = modules
            .Where(static module => module.Spec is not null)
            .Select(static (module, _) => (Summary: SummaryBuilder.Build(module.Spec!), Emitted: !module.HasErrors))
            .WithTrackingName(TrackingNames.ModuleSummary)
            .Collect();

        var crossModuleDiagnostics = summaries
            .Select(static (all, _) => Guard("(all modules)", () => CrossModuleChecker.Check(Sorted(all, emittedOnly: false)).ToEquatableArray(), failure => failure))
            .WithTrackingName(TrackingNames.CrossModuleChecks);

        var registry = summaries
            .Select(static (all, _) => Guard("(module registry)", () => RegistryEmitter.Emit(Sorted(all, emittedOnly: true)), _ => string.Empty))
            .WithTrackingName(TrackingNames.Registry);
        context.RegisterSourceOutput(registry, static (spc, text) =>
        {
            if (text.Length > 0) spc.AddSource("ModuleRegistry.g.cs", SourceText.From(text, System.Text.Encoding.UTF8));
        });

        // Diagnostics: syntax errors of scenario files, parameter files, each module, and the cross-module checks.
        var scenarioDiagnostics = yamlFiles
            .Where(static file => file.Kind == YamlFileKind.Scenario)
            .Select(static (file, _) => file.Syntax.Diagnostics);
        context.RegisterSourceOutput(scenarioDiagnostics, Report);
        context.RegisterSourceOutput(parameters.Select(static (p, _) => p.Diagnostics), Report);
        context.RegisterSourceOutput(modules.Select(static (m, _) => m.Diagnostics), Report);
        context.RegisterSourceOutput(crossModuleDiagnostics, Report);
    }

    private static YamlFile Read(AdditionalText text, CancellationToken cancellationToken)
    {
        var kind = FileKinds.Classify(text.Path);
        return Guard(text.Path, () =>
        {
            var content = text.GetText(cancellationToken)?.ToString() ?? string.Empty;
            return new YamlFile(kind, YamlTreeReader.Read(text.Path, content));
        }, failure => new YamlFile(kind, new YamlDocumentSyntax(text.Path, null, failure)));
    }

    private static IReadOnlyList<ModuleSummary> Sorted(ImmutableArray<(ModuleSummary Summary, bool Emitted)> summaries, bool emittedOnly)
    {
        var list = new List<ModuleSummary>();
        foreach (var (summary, emitted) in summaries)
        {
            if (emitted || !emittedOnly) list.Add(summary);
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

/// <summary>One generated source file: hint name and text (a string, so it caches by value).</summary>
internal sealed record GeneratedSource(string HintName, string Text);
