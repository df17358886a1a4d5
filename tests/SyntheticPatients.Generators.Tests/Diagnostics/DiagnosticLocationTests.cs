using SyntheticPatients.Generators.Tests.Infrastructure;
using Xunit;

namespace SyntheticPatients.Generators.Tests.Diagnostics;

/// <summary>
/// One test per diagnostic of the catalog: the ID, the file, and the 1-based line and column of the YAML node
/// the author must fix (what `dotnet build` prints as file.yaml(line,col)).
/// </summary>
public sealed class DiagnosticLocationTests
{
    private const string File = "modules/demo.yaml";

    private static System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> Compile(string yaml, params (string, string)[] more)
    {
        var files = new (string, string)[more.Length + 1];
        files[0] = (File, yaml);
        more.CopyTo(files, 1);
        return GeneratorHarness.Diagnostics(files);
    }

    [Fact]
    public void Spm0001_yaml_syntax_error_points_at_the_bad_token()
    {
        var diagnostics = Compile("""
            name: demo
            states:
              start:
                type: start
                transitions: [ {to: end
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0001", File, 6, 1);
        Assert.Contains("YAML syntax error", d.GetMessage());
    }

    [Fact]
    public void Spm0002_missing_start_points_at_the_module_name()
    {
        var diagnostics = Compile("""
            name: demo
            states:
              end:
                type: terminal
            """);
        DiagnosticAssert.Single(diagnostics, "SPM0002", File, 1, 7);
    }

    [Fact]
    public void Spm0003_duplicate_state_points_at_the_second_definition()
    {
        var diagnostics = Compile("""
            name: demo
            states:
              start:
                type: start
                transitions:
                  - to: end
              end:
                type: terminal
              end:
                type: terminal
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0003", File, 9, 3);
        Assert.Contains("first at line 7", d.GetMessage());
    }

    [Fact]
    public void Spm0004_unknown_state_type_points_at_the_type_value_and_suggests()
    {
        var diagnostics = Compile("""
            name: demo
            states:
              start:
                type: start
                transitions:
                  - to: wait
              wait:
                type: dealy
                duration_days: 3
                transitions:
                  - to: end
              end:
                type: terminal
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0004", File, 8, 11);
        Assert.Contains("did you mean 'delay'", d.GetMessage());
    }

    [Fact]
    public void Spm0005_unknown_field_is_a_warning_with_a_suggestion()
    {
        var diagnostics = Compile("""
            name: demo
            states:
              start:
                type: start
                transitions:
                  - to: wait
              wait:
                type: delay
                duration_days: 3
                transitons:
                  - to: end
                transitions:
                  - to: end
              end:
                type: terminal
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0005", File, 10, 5);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("did you mean 'transitions'", d.GetMessage());
    }

    [Fact]
    public void Spm0006_unknown_transition_target_points_at_the_target()
    {
        var diagnostics = Compile("""
            name: demo
            states:
              start:
                type: start
                transitions:
                  - to: nowhere
              end:
                type: terminal
            """);
        DiagnosticAssert.Single(diagnostics, "SPM0006", File, 6, 13);
    }

    [Fact]
    public void Spm0007_probabilities_that_do_not_sum_to_one()
    {
        var diagnostics = Compile("""
            name: demo
            states:
              start:
                type: start
                distributed_transition:
                  - transition: a
                    distribution: 0.5
                  - transition: end
                    distribution: 0.3
              a:
                type: terminal
              end:
                type: terminal
            """);
        Assert.Contains(diagnostics, d => d.Id == "SPM0007");
        var d = System.Linq.Enumerable.First(diagnostics, d => d.Id == "SPM0007");
        Assert.Equal(File, d.Location.GetLineSpan().Path.Substring(GeneratorHarness.Root.Length));
        Assert.Equal(3, d.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void Spm0007_negative_probability_points_at_the_weight()
    {
        var diagnostics = Compile("""
            name: demo
            states:
              start:
                type: start
                branches:
                  - to: a
                    probability: -0.5
                  - to: end
                    probability: 1.5
              a:
                type: terminal
              end:
                type: terminal
            """);
        Assert.Contains(diagnostics, d => d.Id == "SPM0007" && d.Location.GetLineSpan().StartLinePosition.Line + 1 == 7);
    }

    [Fact]
    public void Spm0007_an_explicit_remainder_is_accepted()
    {
        var diagnostics = Compile("""
            name: demo
            states:
              start:
                type: start
                branches:
                  - to: a
                    probability: 0.25
                  - to: end
                    probability: remainder
              a:
                type: terminal
              end:
                type: terminal
            """);
        Assert.DoesNotContain(diagnostics, d => d.Id == "SPM0007");
    }

    [Fact]
    public void Spm0008_unknown_parameter_points_at_the_path()
    {
        var diagnostics = Compile("""
            name: demo
            states:
              start:
                type: start
                transitions:
                  - to: wait
              wait:
                type: delay
                exact:
                  quantity:
                    use: asthma.no_such_value
                  unit: days
                transitions:
                  - to: end
              end:
                type: terminal
            """,
            ("data/parameters/asthma.yaml", "parameters:\n  follow_up_days:\n    value: 30\n"));
        var d = DiagnosticAssert.Single(diagnostics, "SPM0008", File, 11, 14);
        Assert.Contains("asthma.no_such_value", d.GetMessage());
    }

    [Fact]
    public void Spm0009_wrong_value_type_points_at_the_value()
    {
        var diagnostics = Compile("""
            name: demo
            states:
              start:
                type: start
                transitions:
                  - to: wait
              wait:
                type: delay
                duration_days: soon
                transitions:
                  - to: end
              end:
                type: terminal
            """);
        DiagnosticAssert.Single(diagnostics, "SPM0009", File, 9, 20);
    }

    [Fact]
    public void Spm0010_unreachable_state_is_a_warning()
    {
        var diagnostics = Compile("""
            name: demo
            states:
              start:
                type: start
                transitions:
                  - to: end
              orphan:
                type: terminal
              end:
                type: terminal
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0010", File, 7, 3);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, d.Severity);
    }

    [Fact]
    public void Spm0011_state_with_no_way_out()
    {
        var diagnostics = Compile("""
            name: demo
            states:
              start:
                type: start
                transitions:
                  - to: wait
              wait:
                type: delay
                duration_days: 3
            """);
        DiagnosticAssert.Single(diagnostics, "SPM0011", File, 7, 3);
    }

    [Fact]
    public void Spm0012_loop_without_time_advance()
    {
        var diagnostics = Compile("""
            name: demo
            states:
              start:
                type: start
                transitions:
                  - to: ping
              ping:
                type: set_attribute
                attribute: x
                value: 1
                transitions:
                  - to: pong
              pong:
                type: decision
                branches:
                  - to: ping
                    probability: 0.9
                  - to: end
                    probability: 0.1
              end:
                type: terminal
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0012", File, 7, 3);
        Assert.Contains("ping", d.GetMessage());
        Assert.Contains("pong", d.GetMessage());
    }

    [Fact]
    public void Spm0013_attribute_read_but_never_set()
    {
        var diagnostics = Compile("""
            name: demo
            states:
              start:
                type: start
                transitions:
                  - to: a
                    condition:
                      type: attribute
                      attribute: smoker
                      operator: ==
                      value: true
                  - to: end
              a:
                type: terminal
              end:
                type: terminal
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0013", File, 9, 22);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, d.Severity);
    }

    [Fact]
    public void Spm0014_unknown_submodule()
    {
        var diagnostics = Compile("""
            name: demo
            states:
              start:
                type: start
                transitions:
                  - to: call
              call:
                type: call_submodule
                module: no_such_module
                transitions:
                  - to: end
              end:
                type: terminal
            """);
        DiagnosticAssert.Single(diagnostics, "SPM0014", File, 9, 13);
    }

    [Theory]
    [InlineData("icd10", "45.40", "conditions")]
    [InlineData("snomed", "0195967001", "conditions")]
    public void Spm0015_malformed_condition_codes(string key, string code, string list)
    {
        var diagnostics = Compile($"""
            name: demo
            states:
              start:
                type: start
                transitions:
                  - to: dx
              dx:
                type: condition_onset
                {list}:
                  - name: "Persistent asthma"
                    {key}: "{code}"
                transitions:
                  - to: end
              end:
                type: terminal
            """);
        DiagnosticAssert.Single(diagnostics, "SPM0015", File, 11, 9 + key.Length + 2);
    }

    [Theory]
    [InlineData("observations", "loinc", "45484")]
    [InlineData("medications", "rxnorm", "86O975")]
    [InlineData("immunizations", "cvx", "15A")]
    public void Spm0015_malformed_codes_by_system(string list, string key, string code)
    {
        var type = list switch { "observations" => "observation", "medications" => "medication_start", _ => "immunization" };
        var diagnostics = Compile($"""
            name: demo
            states:
              start:
                type: start
                transitions:
                  - to: item
              item:
                type: {type}
                {list}:
                  - name: "Item"
                    {key}: "{code}"
                transitions:
                  - to: end
              end:
                type: terminal
            """);
        DiagnosticAssert.Single(diagnostics, "SPM0015", File, 11, 9 + key.Length + 2);
    }

    [Theory]
    [InlineData("conditions", "condition_onset", "snomed", "195967002")]
    [InlineData("observations", "observation", "loinc", "4548-5")]
    public void Spm0020_wrong_check_digit_is_an_error(string list, string type, string key, string code)
    {
        var diagnostics = Compile($"""
            name: demo
            states:
              start:
                type: start
                transitions:
                  - to: item
              item:
                type: {type}
                {list}:
                  - name: "Item"
                    {key}: "{code}"
                transitions:
                  - to: end
              end:
                type: terminal
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0020", File, 11, 9 + key.Length + 2);
        // A code that cannot exist must not build into a module that runs and writes it.
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, d.Severity);
        Assert.DoesNotContain(diagnostics, x => x.Id == "SPM0015");
    }

    [Fact]
    public void Spm0021_submodules_calling_each_other()
    {
        static string Caller(string name, string callee) => $"""
            name: {name}
            states:
              start:
                type: start
                transitions:
                  - to: call
              call:
                type: call_submodule
                module: {callee}
                transitions:
                  - to: end
              end:
                type: terminal
            """;
        var diagnostics = Compile(Caller("demo", "other"), ("modules/other.yaml", Caller("other", "demo")));
        Assert.Equal(2, System.Linq.Enumerable.Count(diagnostics, d => d.Id == "SPM0021"));
        var first = System.Linq.Enumerable.First(diagnostics, d => d.Id == "SPM0021" && d.Location.GetLineSpan().Path.EndsWith("demo.yaml", System.StringComparison.Ordinal));
        Assert.Equal((9, 13), (first.Location.GetLineSpan().StartLinePosition.Line + 1, first.Location.GetLineSpan().StartLinePosition.Character + 1));
        Assert.Contains("demo -> other -> demo", first.GetMessage());
    }

    [Fact]
    public void Spm0016_missing_required_field()
    {
        var diagnostics = Compile("""
            name: demo
            states:
              start:
                type: start
                transitions:
                  - to: wait
              wait:
                type: delay
                transitions:
                  - to: end
              end:
                type: terminal
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0016", File, 7, 3);
        Assert.Contains("duration_days", d.GetMessage());
    }

    [Fact]
    public void Spm0017_invalid_value()
    {
        var diagnostics = Compile("""
            name: demo
            categories:
              conditions: overwrite
            states:
              start:
                type: start
                transitions:
                  - to: end
              end:
                type: terminal
            """);
        DiagnosticAssert.Single(diagnostics, "SPM0017", File, 3, 15);
    }

    [Fact]
    public void Spm0017_unknown_demographic_field_points_at_the_field()
    {
        var diagnostics = Compile("""
            name: demo
            states:
              start:
                type: start
                transitions:
                  - to: end
                    condition:
                      type: demographic
                      field: smokng
                      value: current
                  - to: end
              end:
                type: terminal
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0017", File, 9, 18);
        Assert.Contains("did you mean 'smoking'", d.GetMessage());
    }

    [Fact]
    public void Spm0018_duplicate_module_name_points_at_the_second_file()
    {
        const string module = """
            name: demo
            states:
              start:
                type: start
                transitions:
                  - to: end
              end:
                type: terminal
            """;
        var diagnostics = Compile(module, ("modules/zz_copy.yaml", module));
        DiagnosticAssert.Single(diagnostics, "SPM0018", "modules/zz_copy.yaml", 1, 7);
    }

    [Fact]
    public void Spm0019_duplicate_key_points_at_the_repeated_key()
    {
        var diagnostics = Compile("""
            name: demo
            states:
              start:
                type: start
                type: terminal
                transitions:
                  - to: end
              end:
                type: terminal
            """);
        DiagnosticAssert.Single(diagnostics, "SPM0019", File, 5, 5);
    }

    [Fact]
    public void A_clean_module_has_no_diagnostics_and_produces_source()
    {
        var result = GeneratorHarness.Run((File, """
            name: demo
            states:
              start:
                type: start
                transitions:
                  - to: wait
              wait:
                type: delay
                range: {low: 1, high: 3, unit: weeks}
                transitions:
                  - to: end
              end:
                type: terminal
            """));
        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.GeneratedTrees, t => t.FilePath.EndsWith("ModuleRegistry.g.cs", System.StringComparison.Ordinal));
        Assert.True(result.GeneratedTrees.Length >= 2);
    }
}
