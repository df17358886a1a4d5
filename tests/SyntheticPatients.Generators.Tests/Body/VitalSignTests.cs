using System.Linq;
using SyntheticPatients.Generators.Tests.Infrastructure;
using SyntheticPatients.Language.Compilation;
using SyntheticPatients.Language.Lowering;
using SyntheticPatients.Language.Model;
using Xunit;

namespace SyntheticPatients.Generators.Tests.Body;

/// <summary>
/// The body in the language: an observation of a body measure records the body (by LOINC code or `vital_sign:`), a
/// `vital_sign` state changes it (set, add, restore), a `vital_sign` condition reads it; mistakes are located errors.
/// </summary>
public sealed class VitalSignTests
{
    private const string File = "modules/body_demo.yaml";

    /// <summary>A module whose state 'step' (line 6; its fields from line 7) is <paramref name="state"/> (indented by 4), followed by a terminal.</summary>
    private static string Module(string state) => $"""
        name: body_demo
        states:
          start:
            type: start
            transitions: [{"{"}to: step{"}"}]
          step:
        {state}
            transitions: [{"{"}to: done{"}"}]
          done:
            type: terminal
        """;

    private static ModuleProgram Lower(string state)
    {
        var result = ModuleFrontEnd.Compile(new[] { ("/p/" + File, Module(state)) });
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return Assert.Single(result.Programs);
    }

    private static ProgramState Step(string state) => Lower(state).States.Single(s => s.Name == "step");

    [Fact]
    public void An_observation_with_a_body_loinc_and_no_value_records_the_body()
    {
        var record = Assert.IsType<RecordAction>(Step("    type: observation\n    observations:\n      - {name: Weight, loinc: 29463-7, units: kg}").Action);
        var item = Assert.IsType<ObservationItem>(Assert.Single(record.Items));
        Assert.Equal((1, "Weight"), (item.VitalSign, item.VitalSignMember));
        Assert.Null(item.Value);
    }

    [Fact]
    public void A_value_on_a_body_measure_is_kept_as_what_the_body_becomes()
    {
        var record = Assert.IsType<RecordAction>(Step("    type: observation\n    observations:\n      - {name: SBP, loinc: 8480-6, gaussian: {mean: 150, sd: 8, decimals: 0}}").Action);
        var item = Assert.IsType<ObservationItem>(Assert.Single(record.Items));
        Assert.Equal("SystolicBloodPressure", item.VitalSignMember);
        Assert.Equal(DistributionKind.Gaussian, item.Value!.Distribution);
    }

    [Fact]
    public void A_coded_result_or_another_loinc_is_not_a_body_measure()
    {
        var record = Assert.IsType<RecordAction>(Step("    type: observation\n    observations:\n      - {name: SBP, loinc: 8480-6, value: \"Negative\"}\n      - {name: PSA, loinc: 2857-1, value: 1.2}").Action);
        Assert.All(record.Items.Cast<ObservationItem>(), item => Assert.False(item.IsVitalSign));
    }

    [Theory]
    [InlineData("    vital_sign: bmi\n    value: 31", VitalSignMode.Set, 31.0)]
    [InlineData("    vital_sign: hba1c\n    mode: add\n    value: -1", VitalSignMode.Add, -1.0)]
    [InlineData("    vital_sign: weight\n    mode: set\n    value_range: {low: 70, high: 80}", VitalSignMode.Set, 70.0)]
    public void A_vital_sign_state_sets_or_adds(string fields, VitalSignMode mode, double low)
    {
        var action = Assert.IsType<SetVitalSignAction>(Step("    type: vital_sign\n" + fields).Action);
        Assert.Equal(StateOp.SetVitalSign, action.Op);
        Assert.Equal(mode, action.Mode);
        Assert.Equal(low, action.Value!.Low);
        Assert.Equal(BodyVitalSigns.ByName(fields.Split('\n')[0].Split(':')[1].Trim())!.Ordinal, action.Sign);
    }

    [Fact]
    public void A_restore_needs_no_value()
    {
        var action = Assert.IsType<SetVitalSignAction>(Step("    type: vital_sign\n    vital_sign: bmi\n    mode: restore").Action);
        Assert.Equal((VitalSignMode.Restore, (Draw?)null), (action.Mode, action.Value));
    }

    [Fact]
    public void A_vital_sign_condition_lowers_to_a_body_comparison()
    {
        var program = Lower("    type: guard\n    condition: {type: vital_sign, vital_sign: egfr, operator: \"<\", value: 60}");
        var node = Assert.Single(program.Conditions, n => n.Op == ConditionOp.VitalSignCompare);
        Assert.Equal(("Egfr", 16, ComparisonOperator.Less, 60.0), (node.Text, node.Index, node.Operator, node.Number));
    }

    [Theory]
    [InlineData("    type: vital_sign\n    vital_sign: waist\n    value: 90", "SPM0017", 8, 17)]
    [InlineData("    type: vital_sign\n    vital_sign: bmi_percentile\n    value: 90", "SPM0017", 8, 17)]
    [InlineData("    type: vital_sign\n    vital_sign: bmi\n    mode: double\n    value: 30", "SPM0017", 9, 11)]
    [InlineData("    type: vital_sign\n    vital_sign: bmi", "SPM0016", 6, 3)]
    [InlineData("    type: vital_sign\n    value: 30", "SPM0016", 6, 3)]
    [InlineData("    type: guard\n    condition: {type: vital_sign, vital_sign: pulse, value: 90}", "SPM0017", 8, 47)]
    [InlineData("    type: observation\n    observations:\n      - {name: X, loinc: 8480-6, vital_sign: pressure}", "SPM0017", 9, 46)]
    public void Mistakes_are_errors_at_their_node(string state, string id, int line, int column)
    {
        var diagnostics = GeneratorHarness.Diagnostics((File, Module(state)));
        var d = DiagnosticAssert.Single(diagnostics, id, File, line, column);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, d.Severity);
    }
}
