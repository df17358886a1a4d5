using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SyntheticPatients.Generators.Tests.Infrastructure;
using Xunit;

namespace SyntheticPatients.Generators.Tests.Terminology;

/// <summary>
/// The one terminology switch through the real generator: the MSBuild property SyntheticPatientsTerminology (as the
/// build hands it over), the module's own 'terminology:' key that wins over it, and the check digit that is an error
/// whatever either says.
/// </summary>
public sealed class TerminologyPolicyTests
{
    // 233604007 (Pneumonia) is a well-formed SCTID absent from the test catalog; 195967002 fails its Verhoeff check digit.
    private const string Unknown = "233604007";
    private const string BadCheckDigit = "195967002";

    private static string Module(string code, string header = "") => TerminologyDiagnosticTests.Module($"""
            type: condition_onset
            conditions:
              - name: Something
                snomed: "{code}"
        """, header);

    private static Diagnostic[] Run(string module, string? property)
    {
        var properties = new Dictionary<string, string>();
        if (property is not null) properties["build_property.SyntheticPatientsTerminology"] = property;
        return GeneratorHarness.Diagnostics(properties, ("modules/demo.yaml", module), ("data/terminology/snomed.csv", TerminologyDiagnosticTests.Snomed)).ToArray();
    }

    private static DiagnosticSeverity SeverityOf(Diagnostic[] diagnostics, string id)
        => Assert.Single(diagnostics, d => d.Id == id).Severity;

    [Theory]
    [InlineData(null, "", DiagnosticSeverity.Error)]
    [InlineData("", "", DiagnosticSeverity.Error)]
    [InlineData("strict", "", DiagnosticSeverity.Error)]
    [InlineData("compat", "", DiagnosticSeverity.Warning)]
    [InlineData(" Compat ", "", DiagnosticSeverity.Warning)]
    [InlineData("compat", "terminology: strict\n", DiagnosticSeverity.Error)]
    [InlineData("strict", "terminology: compat\n", DiagnosticSeverity.Warning)]
    [InlineData(null, "terminology: lenient\n", DiagnosticSeverity.Warning)]
    public void An_unknown_code_follows_the_module_key_else_the_project_property_else_strict(string? property, string header, DiagnosticSeverity expected)
    {
        Assert.Equal(expected, SeverityOf(Run(Module(Unknown, header), property), "SPM0023"));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("compat", "")]
    [InlineData("strict", "terminology: compat\n")]
    public void A_bad_check_digit_is_an_error_under_strict_and_compat(string? property, string header)
    {
        var diagnostics = Run(Module(BadCheckDigit, header), property);

        Assert.Equal(DiagnosticSeverity.Error, SeverityOf(diagnostics, "SPM0020"));
        Assert.DoesNotContain(diagnostics, d => d.Id == "SPM0023"); // a code that cannot exist is not looked up
    }

    [Fact]
    public void A_property_value_that_is_neither_strict_nor_compat_is_SPM0040_and_strict_applies()
    {
        var diagnostics = Run(Module(Unknown), "relaxed");

        var invalid = Assert.Single(diagnostics, d => d.Id == "SPM0040");
        Assert.Equal(DiagnosticSeverity.Error, invalid.Severity);
        Assert.Contains("'relaxed'", invalid.GetMessage());
        Assert.Equal(DiagnosticSeverity.Error, SeverityOf(diagnostics, "SPM0023"));
    }
}
