using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SyntheticPatients.Generators.Tests.Infrastructure;
using Xunit;

namespace SyntheticPatients.Generators.Tests.Scenarios;

/// <summary>
/// Each diagnostic a scenario file can produce: the ID, the file, and the 1-based line and column of the YAML node
/// the author must fix (what `dotnet build` prints as scenarios/x.yaml(line,col)).
/// </summary>
public sealed class ScenarioDiagnosticTests
{
    private const string File = "scenarios/demo.yaml";

    /// <summary>A module the scenarios below may name.</summary>
    private static readonly (string, string) Module = ("modules/asthma_care.yaml", """
        name: asthma_care
        states:
          start:
            type: start
            transitions:
              - to: end
          end:
            type: terminal
        """);

    private static ImmutableArray<Diagnostic> Compile(string yaml, params (string, string)[] more)
        => GeneratorHarness.Diagnostics(new[] { (File, yaml), Module }.Concat(more).ToArray());

    private static void AssertClean(ImmutableArray<Diagnostic> diagnostics)
        => Assert.True(diagnostics.IsEmpty, DiagnosticAssert.Describe(diagnostics));

    [Fact]
    public void A_scenario_with_only_a_name_compiles_and_takes_the_defaults()
    {
        AssertClean(Compile("name: demo\n"));
    }

    [Fact]
    public void Spm0001_yaml_syntax_error_in_a_scenario()
    {
        var diagnostics = Compile("""
            name: demo
            gender_dist: {M: 0.5, F: 0.5
            """);
        DiagnosticAssert.Single(diagnostics, "SPM0001", File, 3, 1);
    }

    [Fact]
    public void Spm0029_unknown_key_is_an_error_at_the_key_and_suggests()
    {
        var diagnostics = Compile("""
            name: demo
            gender_dsit:
              M: 0.5
              F: 0.5
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0029", File, 2, 1);
        Assert.Contains("did you mean 'gender_dist'", d.GetMessage());
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
    }

    [Fact]
    public void Spm0029_a_misspelt_modules_key_no_longer_runs_the_scenario_without_modules()
    {
        var diagnostics = Compile("""
            name: demo
            description: Asthma cohort
              with a long description
            modles: [sample_asthma]
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0029", File, 4, 1);
        Assert.Contains("did you mean 'modules'", d.GetMessage());
    }

    [Fact]
    public void Spm0016_missing_name_points_at_the_top()
    {
        var diagnostics = Compile("""
            description: No name
            gender_dist: {M: 0.5, F: 0.5}
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0016", File, 1, 1);
        Assert.Contains("name: demo", d.GetMessage());
    }

    [Fact]
    public void Spm0017_unknown_label_points_at_the_label_and_suggests()
    {
        var diagnostics = Compile("""
            name: demo
            race_dist:
              white: 0.6
              blakc: 0.2
              other: 0.2
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0017", File, 4, 3);
        Assert.Contains("'blakc' for 'race_dist'", d.GetMessage());
        Assert.Contains("did you mean 'black'", d.GetMessage());
        // The sum is not checked while a label is not understood: one mistake, one diagnostic.
        Assert.DoesNotContain(diagnostics, x => x.Id == "SPM0007");
    }

    [Fact]
    public void Spm0017_race_hispanic_says_to_use_ethnicity()
    {
        var diagnostics = Compile("""
            name: demo
            race_dist:
              White: 0.6
              Black: 0.13
              Hispanic: 0.19
              Asian: 0.06
              Other: 0.02
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0017", File, 5, 3);
        Assert.Contains("ethnicity_dist", d.GetMessage());
    }

    [Fact]
    public void The_seed_systems_labels_and_spellings_are_accepted()
    {
        AssertClean(Compile("""
            name: demo
            gender_dist:
              male: 0.49
              female: 0.51
            race_dist:
              White: 0.6
              Black: 0.13
              Asian: 0.06
              Native American: 0.01
              Pacific Islander: 0.01
              Other: 0.19
            ethnicity_dist:
              Hispanic or Latino: 0.19
              Non-Hispanic: 0.81
            insurance_dist:
              Commercial: 0.6
              Medicare: 0.2
              Medicaid: 0.12
              Uninsured: 0.08
            """));
    }

    [Fact]
    public void Spm0017_malformed_age_bin_points_at_the_bin()
    {
        var diagnostics = Compile("""
            name: demo
            age_dist:
              0-17: 0.5
              adults: 0.5
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0017", File, 4, 3);
        Assert.Contains("'min-max'", d.GetMessage());
    }

    [Fact]
    public void Spm0017_reversed_age_bin()
    {
        var diagnostics = Compile("""
            name: demo
            age_dist:
              17-0: 0.5
              18-64: 0.5
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0017", File, 3, 3);
        Assert.Contains("write '0-17'", d.GetMessage());
    }

    [Fact]
    public void Spm0017_age_bin_outside_0_to_110()
    {
        var diagnostics = Compile("""
            name: demo
            age_dist:
              0-64: 0.8
              65-120: 0.2
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0017", File, 4, 3);
        Assert.Contains("0-110", d.GetMessage());
    }

    [Fact]
    public void Spm0017_overlapping_age_bins_point_at_the_later_bin()
    {
        var diagnostics = Compile("""
            name: demo
            age_dist:
              0-18: 0.3
              18-64: 0.5
              65-110: 0.2
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0017", File, 4, 3);
        Assert.Contains("overlaps '0-18' (line 3)", d.GetMessage());
    }

    [Fact]
    public void Spm0017_overlapping_income_bands()
    {
        var diagnostics = Compile("""
            name: demo
            income_dist:
              0-25000: 0.5
              25000-500000: 0.5
            """);
        DiagnosticAssert.Single(diagnostics, "SPM0017", File, 4, 3);
    }

    [Fact]
    public void Spm0007_sum_not_within_001_of_1_points_at_the_distribution()
    {
        var diagnostics = Compile("""
            name: demo
            smoking_dist:
              never: 0.6
              former: 0.2
              current: 0.1
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0007", File, 2, 1);
        Assert.Contains("sum to 0.9", d.GetMessage());
        Assert.Contains("never rescaled", d.GetMessage());
    }

    [Fact]
    public void A_sum_within_001_of_1_is_accepted()
    {
        AssertClean(Compile("""
            name: demo
            smoking_dist:
              never: 0.6
              former: 0.3
              current: 0.105
            """));
    }

    [Fact]
    public void Spm0007_negative_weight_points_at_the_weight()
    {
        var diagnostics = Compile("""
            name: demo
            gender_dist:
              M: 1.1
              F: -0.1
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0007", File, 4, 6);
        Assert.Contains("negative", d.GetMessage());
    }

    [Fact]
    public void A_remainder_weight_takes_the_rest()
    {
        AssertClean(Compile("""
            name: demo
            housing_dist:
              owner: 0.6
              renter: remainder
            """));
    }

    [Fact]
    public void Spm0007_two_remainders_point_at_the_second()
    {
        var diagnostics = Compile("""
            name: demo
            housing_dist:
              owner: 0.6
              renter: remainder
              homeless: remainder
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0007", File, 5, 13);
        Assert.Contains("more than one 'remainder'", d.GetMessage());
    }

    [Fact]
    public void The_string_form_is_read_and_located_within_the_string()
    {
        AssertClean(Compile("name: demo\ngender_dist: \"M:0.49,F:0.51\"\n"));

        var unknown = Compile("name: demo\ngender_dist: \"M:0.49, X:0.51\"\n");
        // "X" is at index 8 of the string, whose text starts after the quote at column 14, so at column 15 + 8.
        DiagnosticAssert.Single(unknown, "SPM0017", File, 2, 23);

        var sum = Compile("name: demo\ngender_dist: M:0.4,F:0.5\n");
        DiagnosticAssert.Single(sum, "SPM0007", File, 2, 1);

        var weight = Compile("name: demo\ngender_dist: M:0.5,F:half\n");
        var d = DiagnosticAssert.Single(weight, "SPM0009", File, 2, 22);
        Assert.Contains("'half'", d.GetMessage());
    }

    [Fact]
    public void Spm0009_wrong_type_for_a_distribution()
    {
        var diagnostics = Compile("""
            name: demo
            gender_dist:
              - M
              - F
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0009", File, 3, 3);
        Assert.Contains("label: weight", d.GetMessage());
    }

    [Fact]
    public void Spm0009_weight_that_is_not_a_number_points_at_the_weight()
    {
        var diagnostics = Compile("""
            name: demo
            gender_dist:
              M: half
              F: 0.5
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0009", File, 3, 6);
        Assert.Contains("'gender_dist.M'", d.GetMessage());
    }

    [Fact]
    public void Spm0019_the_same_label_twice_in_two_spellings()
    {
        var diagnostics = Compile("""
            name: demo
            gender_dist:
              M: 0.5
              male: 0.5
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0019", File, 4, 3);
        Assert.Contains("first at line 3", d.GetMessage());
    }

    [Fact]
    public void Spm0014_unknown_module_points_at_the_name_and_suggests()
    {
        var diagnostics = Compile("""
            name: demo
            modules:
              - asthma_care
              - asthma_cair
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0014", File, 4, 5);
        Assert.Contains("'asthma_cair'", d.GetMessage());
        Assert.Contains("did you mean 'asthma_care'", d.GetMessage());
    }

    [Fact]
    public void Spm0008_unknown_parameter_points_at_the_path_and_suggests()
    {
        var parameters = ("data/parameters/asthma.yaml", "parameters:\n  attack_rate:\n    value: 0.25\n  label:\n    value: \"text\"\n");
        AssertClean(Compile("name: demo\nparameters:\n  asthma.attack_rate: 0.3\n", parameters));

        var diagnostics = Compile("""
            name: demo
            parameters:
              asthma.atack_rate: 0.3
            """, parameters);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0008", File, 3, 3);
        Assert.Contains("did you mean 'asthma.attack_rate'", d.GetMessage());

        var text = Compile("name: demo\nparameters:\n  asthma.label: 2\n", parameters);
        DiagnosticAssert.Single(text, "SPM0009", File, 3, 3);
    }

    [Fact]
    public void Spm0015_malformed_terminology_code_points_at_the_code()
    {
        var diagnostics = Compile("""
            name: demo
            terminology:
              icd10:
                - I10
                - e11.9
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0015", File, 5, 7);
        Assert.Contains("upper case", d.GetMessage());
    }

    [Fact]
    public void Spm0020_terminology_code_with_a_wrong_check_digit()
    {
        var diagnostics = Compile("""
            name: demo
            terminology:
              loinc: [4548-4, 4548-5]
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0020", File, 3, 19);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
    }

    [Fact]
    public void Spm0017_unknown_terminology_system()
    {
        var diagnostics = Compile("""
            name: demo
            terminology:
              icd9: ["250.00"]
            """);
        var d = DiagnosticAssert.Single(diagnostics, "SPM0017", File, 3, 3);
        Assert.Contains("icd10", d.GetMessage());
    }

    [Fact]
    public void The_seed_systems_terminology_keys_are_accepted()
    {
        AssertClean(Compile("""
            name: demo
            terminology:
              icd10_codes: [E11.9]
              snomed_ids: ["44054006"]
              loinc_codes: [4548-4]
              rxnorm_cuis: ["6809"]
              value_set_oids: [2.16.840.1.113883.3.464.1003.103.12.1001]
              umls_cuis: [C0011860]
            """));
    }

    [Fact]
    public void Spm0022_two_scenarios_with_the_same_name()
    {
        var diagnostics = Compile("name: demo\n", ("scenarios/other.yaml", "description: copy\nname: demo\n"));
        var d = DiagnosticAssert.Single(diagnostics, "SPM0022", "scenarios/other.yaml", 2, 7);
        Assert.Contains("scenarios/demo.yaml (line 1)", d.GetMessage());
    }
}
