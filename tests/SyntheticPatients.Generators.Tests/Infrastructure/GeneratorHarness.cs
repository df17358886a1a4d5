using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SyntheticPatients.Generators.Tests.Infrastructure;

/// <summary>Runs <see cref="ModuleGenerator"/> over in-memory YAML files, the way a build does.</summary>
public static class GeneratorHarness
{
    /// <summary>Paths are rooted like a real project so file classification (modules/, parameters/) applies.</summary>
    public const string Root = "/project/";

    public static CSharpCompilation Compilation() => CSharpCompilation.Create(
        "GeneratorTests",
        new[] { CSharpSyntaxTree.ParseText("namespace Placeholder { public sealed class Anchor { } }") },
        Basic.Reference.Assemblies.Net100.References.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    public static GeneratorDriver CreateDriver(params (string Path, string Text)[] files)
        => CreateDriver(files.Select(f => (AdditionalText)new InMemoryAdditionalText(Root + f.Path, f.Text)));

    public static GeneratorDriver CreateDriver(System.Collections.Generic.IEnumerable<AdditionalText> texts)
        => CSharpGeneratorDriver.Create(
            new[] { new ModuleGenerator().AsSourceGenerator() },
            texts,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorDriverRunResult Run(params (string Path, string Text)[] files)
        => CreateDriver(files).RunGenerators(Compilation()).GetRunResult();

    /// <summary>Runs with MSBuild properties as the build hands them over (keys <c>build_property.&lt;Name&gt;</c>).</summary>
    public static GeneratorDriverRunResult Run(System.Collections.Generic.IReadOnlyDictionary<string, string> buildProperties, params (string Path, string Text)[] files)
        => CSharpGeneratorDriver.Create(
                new[] { new ModuleGenerator().AsSourceGenerator() },
                files.Select(f => (AdditionalText)new InMemoryAdditionalText(Root + f.Path, f.Text)),
                optionsProvider: new BuildProperties(buildProperties))
            .RunGenerators(Compilation()).GetRunResult();

    public static ImmutableArray<Diagnostic> Diagnostics(params (string Path, string Text)[] files)
        => Diagnostics(new System.Collections.Generic.Dictionary<string, string>(), files);

    /// <summary>The diagnostics of a run with MSBuild properties; a generator exception fails the test.</summary>
    public static ImmutableArray<Diagnostic> Diagnostics(System.Collections.Generic.IReadOnlyDictionary<string, string> buildProperties, params (string Path, string Text)[] files)
    {
        var result = Run(buildProperties, files);
        // A generator exception would surface here rather than as a diagnostic: fail loudly.
        var exception = result.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);
        if (exception is not null) throw new Xunit.Sdk.XunitException("Generator threw: " + exception);
        return result.Diagnostics;
    }
}
