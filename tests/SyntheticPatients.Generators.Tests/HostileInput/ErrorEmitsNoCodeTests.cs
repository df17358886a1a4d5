using System.Linq;
using Microsoft.CodeAnalysis;
using SyntheticPatients.Generators.Tests.Infrastructure;
using Xunit;

namespace SyntheticPatients.Generators.Tests.HostileInput;

/// <summary>
/// A module with an error emits no code, so a build shows the module diagnostics and no C# errors that follow from
/// them: a module name used twice (SPM0018) emits neither file. (SPM0020 as an error: DiagnosticLocationTests.)
/// </summary>
public sealed class ErrorEmitsNoCodeTests
{
    private const string Module = """
        name: demo
        states:
          start:
            type: start
            transitions:
              - to: end
          end:
            type: terminal
        """;

    private const string Other = """
        name: other
        states:
          start:
            type: start
            transitions:
              - to: end
          end:
            type: terminal
        """;

    [Fact]
    public void A_duplicated_module_name_gives_SPM0018_and_no_CSharp_errors()
    {
        var (run, compiled) = RunAndCompile(("modules/demo.yaml", Module), ("modules/zz_copy.yaml", Module), ("modules/other.yaml", Other));

        DiagnosticAssert.Single(run.Diagnostics, "SPM0018", "modules/zz_copy.yaml", 1, 7);
        // Two classes named Demo would give CS0101 (type declared twice) and CS0111 for each of its members.
        Assert.DoesNotContain(compiled.GetDiagnostics(), d => d.Id is "CS0101" or "CS0111");
        var hints = run.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.DoesNotContain(hints, h => h.StartsWith("Demo", System.StringComparison.Ordinal));
        Assert.Contains(hints, h => h.StartsWith("Other", System.StringComparison.Ordinal));
        // The registry lists only emitted classes: a listed Demo would not compile either.
        var registry = run.Results.Single().GeneratedSources.Single(s => s.HintName == "ModuleRegistry.g.cs").SourceText.ToString();
        Assert.DoesNotContain("Demo", registry);
        Assert.Contains("Other", registry);
    }

    private static (GeneratorDriverRunResult Run, Compilation Compiled) RunAndCompile(params (string Path, string Text)[] files)
    {
        var driver = GeneratorHarness.CreateDriver(files).RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(), out var compiled, out _);
        return (driver.GetRunResult(), compiled);
    }
}
