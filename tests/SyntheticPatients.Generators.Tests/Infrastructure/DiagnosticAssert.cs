using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace SyntheticPatients.Generators.Tests.Infrastructure;

public static class DiagnosticAssert
{
    /// <summary>Asserts exactly one diagnostic with this ID, at this file (relative to the project), 1-based line and column.</summary>
    public static Diagnostic Single(System.Collections.Immutable.ImmutableArray<Diagnostic> diagnostics, string id, string file, int line, int column)
    {
        var matching = diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"Expected one {id}, got: {Describe(diagnostics)}");
        var diagnostic = matching[0];
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.Root + file, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        return diagnostic;
    }

    public static string Describe(System.Collections.Immutable.ImmutableArray<Diagnostic> diagnostics)
        => diagnostics.Length == 0 ? "(none)" : string.Join("\n", diagnostics.Select(d => d.ToString()));
}
