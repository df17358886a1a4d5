using System;
using System.Globalization;
using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Language.Checking;

/// <summary>
/// Which states really move the patient's clock, for the loop checks (SPM0012, SPM0030). A delay whose longest draw
/// is 0 days and a guard that is always true look like time steps but pass at once, so a loop through them spins
/// until the run-time step limit (<see cref="StateSpec.AdvancesTime"/> only looks at the state's type).
/// </summary>
internal static class TimeSteps
{
    public static bool Advances(StateSpec state) => state.AdvancesTime && ZeroTimeReason(state) is null;

    /// <summary>Why a delay or guard of this state takes no time, or null when it does (or the state is neither).</summary>
    public static string? ZeroTimeReason(StateSpec state)
    {
        if (state.AdvanceDays > 0) return null;
        switch (state.Kind)
        {
            case StateKind.Delay when state.Duration is { } duration && LongestDays(duration) <= 0:
                return $"delay '{state.Name}' lasts at most {LongestDays(duration).ToString("0.##", CultureInfo.InvariantCulture)} days";
            case StateKind.Guard when state.Guard is null:
                return $"guard '{state.Name}' has no condition";
            case StateKind.Guard when Constant(state.Guard) == true:
                return $"guard '{state.Name}' is always true";
            default:
                return null;
        }
    }

    /// <summary>The longest delay a quantity can draw (a gaussian without 'max' is unbounded).</summary>
    private static double LongestDays(QuantitySpec duration) => duration.Distribution switch
    {
        DistributionKind.Exact => duration.Low,
        DistributionKind.Uniform => Math.Max(duration.Low, duration.High),
        _ => duration.Max ?? double.PositiveInfinity,
    };

    /// <summary>
    /// The value of a condition that does not depend on the patient (true/false and and/or/not of them), or null.
    /// Recursive: the YAML reader bounds the nesting (YamlLimits.MaxDepth).
    /// </summary>
    private static bool? Constant(ConditionSpec condition)
    {
        switch (condition.Kind)
        {
            case ConditionKind.True:
                return true;
            case ConditionKind.False:
                return false;
            case ConditionKind.Not:
                return condition.Operands.Count == 1 ? !Constant(condition.Operands[0]) : null;
            case ConditionKind.And:
            case ConditionKind.Or:
            {
                // and: false if any operand is false, true if all are true; or: the dual.
                bool decisive = condition.Kind == ConditionKind.Or;
                bool allKnown = true;
                foreach (var operand in condition.Operands)
                {
                    var value = Constant(operand);
                    if (value == decisive) return decisive;
                    if (value is null) allKnown = false;
                }
                return allKnown ? !decisive : null;
            }
            default:
                return null;
        }
    }
}
