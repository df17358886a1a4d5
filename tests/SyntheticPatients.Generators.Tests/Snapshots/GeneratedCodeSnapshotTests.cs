using System;
using System.Linq;
using ApprovalTests;
using ApprovalTests.Namers;
using ApprovalTests.Reporters;
using SyntheticPatients.Generators.Tests.Infrastructure;
using Xunit;

namespace SyntheticPatients.Generators.Tests.Snapshots;

/// <summary>
/// Approved-file snapshots of the C# emitted for two sample modules. A change to the emitter shows up as a diff
/// of readable code; accept it by copying the .received.txt over the .approved.txt next to this file.
/// </summary>
[UseReporter(typeof(QuietReporter))]
[UseApprovalSubdirectory("approved")]
public sealed class GeneratedCodeSnapshotTests
{
    [Fact]
    public void Hypertension_module() => Approvals.Verify(GeneratedSourceFor("SampleHypertensionModule."));

    [Fact]
    public void Asthma_module_with_submodule_call() => Approvals.Verify(GeneratedSourceFor("SampleAsthmaModule."));

    [Fact]
    public void Registry() => Approvals.Verify(GeneratedSourceFor("ModuleRegistry."));

    private static string GeneratedSourceFor(string hintPrefix)
    {
        // The sample modules only (plus the parameter and terminology files): the snapshots must not change each
        // time a module is added to the library, which the registry would otherwise list.
        var files = RepositoryFiles.ModuleLibrary()
            .Where(f => !f.Path.StartsWith("modules/", StringComparison.Ordinal) || f.Path.StartsWith("modules/sample_", StringComparison.Ordinal))
            .ToArray();
        var result = GeneratorHarness.Run(files);
        Assert.True(result.Diagnostics.IsEmpty, DiagnosticAssert.Describe(result.Diagnostics));
        var source = result.Results.Single().GeneratedSources.Single(s => s.HintName.StartsWith(hintPrefix, StringComparison.Ordinal));
        // Line endings normalised so the snapshot is the same on every OS.
        return source.SourceText.ToString().Replace("\r\n", "\n");
    }
}
