using System.Linq;
using SyntheticPatients.Generators.Tests.Infrastructure;
using Xunit;

namespace SyntheticPatients.Generators.Tests.HostileInput;

/// <summary>
/// Loops whose only time step takes no time (a 0-day delay, a guard that is always true) are SPM0030 errors at that
/// step: before, they passed the checks and every patient ran into the 100,000-step limit.
/// </summary>
public sealed class ZeroTimeLoopTests
{
    private const string File = "modules/demo.yaml";

    /// <summary>check (line 7) -> step (line 12, whose body is <paramref name="step"/>) -> check, or end.</summary>
    private static string Loop(string step) => $"""
        name: demo
        states:
          start:
            type: start
            transitions:
              - to: check
          check:
            type: simple
            transitions:
              - {"{"}to: step, probability: 0.9{"}"}
              - {"{"}to: end, probability: 0.1{"}"}
          step:
        {step}
            transitions:
              - to: check
          end:
            type: terminal
        """;

    [Theory]
    [InlineData("    type: delay\n    duration_days: 0", "delay 'step' lasts at most 0 days")]
    [InlineData("    type: delay\n    exact: {quantity: 0, unit: hours}", "delay 'step' lasts at most 0 days")]
    [InlineData("    type: delay\n    range: {low: 0, high: 0, unit: weeks}", "delay 'step' lasts at most 0 days")]
    [InlineData("    type: delay\n    gaussian: {mean: 0, sd: 1, max: 0}", "delay 'step' lasts at most 0 days")]
    [InlineData("    type: guard\n    condition: {type: true}", "guard 'step' is always true")]
    [InlineData("    type: guard\n    condition: {type: and, conditions: [{type: true}, {type: not, condition: {type: false}}]}", "guard 'step' is always true")]
    [InlineData("    type: guard\n    condition: {type: or, conditions: [{type: age, operator: '>=', quantity: 40, unit: years}, {type: true}]}", "guard 'step' is always true")]
    public void A_loop_through_a_step_that_takes_no_time_is_an_error_at_that_step(string step, string reason)
    {
        var diagnostics = GeneratorHarness.Diagnostics((File, Loop(step)));
        var d = DiagnosticAssert.Single(diagnostics, "SPM0030", File, 12, 3);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, d.Severity);
        Assert.Contains("'check' and 'step'", d.GetMessage());
        Assert.Contains(reason, d.GetMessage());
        Assert.DoesNotContain(diagnostics, x => x.Id == "SPM0012");
    }

    [Theory]
    [InlineData("    type: delay\n    duration_days: 1")]
    [InlineData("    type: delay\n    range: {low: 0, high: 2, unit: days}")]
    [InlineData("    type: delay\n    gaussian: {mean: 0, sd: 1}")]
    [InlineData("    type: guard\n    condition: {type: age, operator: '>=', quantity: 40, unit: years}")]
    [InlineData("    type: guard\n    condition: {type: and, conditions: [{type: true}, {type: gender, gender: F}]}")]
    public void A_loop_through_a_step_that_can_take_time_is_fine(string step)
    {
        var diagnostics = GeneratorHarness.Diagnostics((File, Loop(step)));
        Assert.DoesNotContain(diagnostics, d => d.Id is "SPM0012" or "SPM0030");
    }

    [Fact]
    public void A_conditional_loop_through_a_zero_day_delay_is_an_error()
    {
        var diagnostics = GeneratorHarness.Diagnostics((File, """
            name: demo
            states:
              start:
                type: start
                transitions:
                  - to: check
              check:
                type: simple
                transitions:
                  - to: step
                    condition: {type: gender, gender: F}
                  - to: end
              step:
                type: delay
                exact: {quantity: 0, unit: days}
                transitions:
                  - to: check
              end:
                type: terminal
            """));
        DiagnosticAssert.Single(diagnostics, "SPM0030", File, 13, 3);
    }
}
