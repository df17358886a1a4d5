using System.Linq;
using SyntheticPatients.Generators.Emit;
using SyntheticPatients.Language.Compilation;
using SyntheticPatients.Language.Lowering;
using SyntheticPatients.Language.Model;
using Xunit;

namespace SyntheticPatients.Generators.Tests.Lowering;

/// <summary>
/// The lowered program is where module meaning is decided: these tests read it directly (the differential tests in
/// the runtime project check that the emitted and the interpreted forms of a program behave alike).
/// </summary>
public sealed class ModuleLoweringTests
{
    private const string Module = """
        name: lowering_demo
        states:
          start:
            type: start
            transitions: [{to: wait}]
          wait:
            type: delay
            exponential: {mean: 3, max: 10, unit: weeks}
            transitions: [{to: visit}]
          visit:
            type: encounter
            encounter_type: Review
            encounter_class: ambulatory
            transitions: [{to: measure}]
          measure:
            type: observation
            attach_to_last_encounter: true
            observations:
              - {name: Systolic blood pressure, loinc: 8480-6, units: "mm[Hg]", exponential: {mean: 12, min: 1, decimals: 1}}
            transitions:
              - {to: done, probability: 0.25}
              - {to: wait, probability: 0.75}
          done:
            type: terminal
        """;

    private static FrontEndResult Compile(string text) => ModuleFrontEnd.Compile(new[] { ("/p/modules/lowering_demo.yaml", text) });

    private static ModuleProgram Lower(string text)
    {
        var result = Compile(text);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return Assert.Single(result.Programs);
    }

    [Fact]
    public void An_exponential_delay_lowers_to_a_drawn_delay_in_days()
    {
        var wait = Lower(Module).States.Single(s => s.Name == "wait");
        var delay = Assert.IsType<DrawnDelayAction>(wait.Action);
        Assert.Equal(new Draw(DistributionKind.Exponential, 21, 0, null, 70, -1), delay.Days);
        Assert.Equal(StateOp.DelayDrawn, delay.Op);
    }

    [Fact]
    public void An_exponential_observation_value_is_clamped_and_rounded()
    {
        var measure = Lower(Module).States.Single(s => s.Name == "measure");
        var record = Assert.IsType<RecordAction>(measure.Action);
        Assert.Equal(RecordKind.Observation, record.Kind);
        Assert.True(record.OnLastEncounter);
        var item = Assert.IsType<ObservationItem>(Assert.Single(record.Items));
        Assert.Equal(new Draw(DistributionKind.Exponential, 12, 0, 1, null, 1), item.Value);
    }

    [Fact]
    public void The_emitter_prints_the_exponential_draw()
    {
        var source = ModuleEmitter.Emit(Lower(Module));
        Assert.Contains("run.Now += DaysToTicks(global::System.Math.Min(patient.Random.NextExponential(21d), 70d)); // exponential(mean 21) days clamped to [-∞, 70]", source);
        Assert.Contains("global::System.Math.Round(global::System.Math.Max(patient.Random.NextExponential(12d), 1d), 1)", source);
    }

    [Theory]
    [InlineData("mean: 0", "0")]
    [InlineData("mean: -2", "-2")]
    public void A_mean_that_is_not_above_zero_is_an_error_at_the_mean(string mean, string shown)
    {
        var result = Compile(Module.Replace("exponential: {mean: 3, max: 10, unit: weeks}", "exponential: {" + mean + ", unit: weeks}"));
        var error = Assert.Single(result.Diagnostics, d => d.Id == "SPM0017");
        Assert.Equal(8, error.Span.Line); // the wait state's exponential: line
        Assert.Contains(shown, error.Message);
        Assert.Contains("above 0", error.Message);
        Assert.Empty(result.Programs);
    }

    [Fact]
    public void A_missing_mean_is_reported()
    {
        var result = Compile(Module.Replace("exponential: {mean: 3, max: 10, unit: weeks}", "exponential: {unit: weeks}"));
        Assert.Contains(result.Diagnostics, d => d.Id == "SPM0016" && d.Message.Contains("mean"));
    }

    [Fact]
    public void Unconditional_weights_lower_to_constant_thresholds_once()
    {
        var table = Lower(Module).States.Single(s => s.Name == "measure").Transitions!;
        Assert.Equal(DrawMode.Constant, table.Mode);
        Assert.Equal(new[] { 0.25, 1.0 }, table.Weighted.Select(e => e.Threshold));
        Assert.Equal(new[] { "done", "wait" }, table.Weighted.Select(e => e.Target.Name));
        Assert.Equal(1.0, table.Total);
    }

    [Fact]
    public void A_conditional_weight_makes_the_draw_conditional()
    {
        var text = Module.Replace("- {to: done, probability: 0.25}", "- {to: done, probability: 0.25, condition: {type: gender, gender: F}}");
        var table = Lower(text).States.Single(s => s.Name == "measure").Transitions!;
        Assert.Equal(DrawMode.Conditional, table.Mode);
        Assert.Equal(new[] { 0, -1 }, table.Weighted.Select(e => e.Condition));
        Assert.True(table.DrawAlwaysPicks);
    }

    [Fact]
    public void Programs_are_values()
    {
        Assert.Equal(Lower(Module), Lower(Module));
        Assert.NotEqual(Lower(Module), Lower(Module.Replace("probability: 0.25", "probability: 0.3").Replace("probability: 0.75", "probability: 0.7")));
    }
}
