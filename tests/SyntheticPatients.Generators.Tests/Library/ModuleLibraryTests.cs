using System.Linq;
using SyntheticPatients.Generators.Tests.Infrastructure;
using Xunit;

namespace SyntheticPatients.Generators.Tests.Library;

/// <summary>
/// The project's own modules must be spotless: the library build lets lint warnings through (so modules written
/// for the original dialect still build), so this test is what keeps warnings out of our library.
/// </summary>
public sealed class ModuleLibraryTests
{
    [Fact]
    public void Repository_modules_compile_without_any_diagnostic()
    {
        var files = RepositoryFiles.ModuleLibrary();
        Assert.Contains(files, f => f.Path.StartsWith("modules/", System.StringComparison.Ordinal));

        var result = GeneratorHarness.Run(files);

        Assert.True(result.Diagnostics.IsEmpty, DiagnosticAssert.Describe(result.Diagnostics));
        var modules = files.Count(f => f.Path.StartsWith("modules/", System.StringComparison.Ordinal));
        Assert.Equal(modules + 2, result.GeneratedTrees.Length); // one class per module plus the registry and the catalog
    }
}
