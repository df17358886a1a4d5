using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace SyntheticPatients.Generators.Tests.Diagnostics;

/// <summary>
/// The same located-diagnostic contract checked through Microsoft.CodeAnalysis.Testing's harness, which also
/// verifies that the generator reports nothing else (every expected diagnostic, no unexpected one).
/// </summary>
public sealed class SourceGeneratorTestingTests
{
    private const string ModulePath = "/project/modules/demo.yaml";

    private static CSharpSourceGeneratorTest<ModuleGenerator, DefaultVerifier> CreateTest(string yaml)
    {
        var test = new CSharpSourceGeneratorTest<ModuleGenerator, DefaultVerifier>
        {
            // No reference-assembly download (the machine is offline): use the packaged .NET 10 references.
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            // Generated code needs the runtime assembly; here we check only the generator's own diagnostics.
            CompilerDiagnostics = CompilerDiagnostics.None,
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
        };
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        test.TestState.Sources.Add("namespace Placeholder { public sealed class Anchor { } }");
        test.TestState.AdditionalFiles.Add((ModulePath, yaml));
        return test;
    }

    [Fact]
    public async Task Transition_to_unknown_state_is_reported_at_the_target_and_nothing_else()
    {
        var test = CreateTest("""
            name: demo
            states:
              start:
                type: start
                transitions:
                  - to: nowhere
              end:
                type: terminal
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("SPM0006", DiagnosticSeverity.Error)
            .WithSpan(ModulePath, 6, 13, 6, 20)
            .WithArguments("nowhere", "demo", ""));
        // `end` is now unreachable: the checker says so too.
        test.ExpectedDiagnostics.Add(new DiagnosticResult("SPM0010", DiagnosticSeverity.Warning)
            .WithSpan(ModulePath, 7, 3, 7, 6)
            .WithArguments("end"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_clean_module_reports_nothing()
    {
        var test = CreateTest("""
            name: demo
            description: Smallest useful module.
            states:
              start:
                type: start
                transitions:
                  - to: end
              end:
                type: terminal
            """);
        await test.RunAsync();
    }
}
