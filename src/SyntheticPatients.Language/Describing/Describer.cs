using System;
using System.Collections.Generic;
using System.Globalization;
using SyntheticPatients.Language.Execution;
using SyntheticPatients.Language.Lowering;
using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Language.Describing;

/// <summary>
/// Short human-readable renderings of conditions, transitions and quantities: the one wording used by the generated
/// code's comments and state table, the Mermaid graph and diagnostics (the analogue of the Regex generator's pattern
/// explanation).
/// </summary>
public static class Describer
{
    public static string Transitions(StateSpec state)
    {
        if (state.Kind == StateKind.Terminal) return "ends the module";
        if (state.Kind == StateKind.Death) return "records death; ends the module";
        var edges = state.Transitions;
        if (edges.Count == 0) return "no transitions: ends the module";
        var weights = TransitionWeights.Of(edges);
        var parts = new List<string>();
        for (int i = 0; i < edges.Count; i++)
        {
            var edge = edges[i];
            string part;
            if (edge.Probability is { } probability)
            {
                var weight = Number(weights[i]);
                part = probability.IsRemainder ? "remainder " + weight : weight;
                if (edge.Condition is not null) part = "if " + Condition(edge.Condition) + ": " + part;
            }
            else if (edge.Condition is not null)
            {
                part = "if " + Condition(edge.Condition);
            }
            else
            {
                part = edges.Count == 1 ? string.Empty : "else";
            }
            parts.Add(part.Length == 0 ? "→ " + edge.Target : part + " → " + edge.Target);
        }
        return string.Join("; ", parts);
    }

    public static string Condition(ConditionSpec condition)
    {
        switch (condition.Kind)
        {
            case ConditionKind.True: return "true";
            case ConditionKind.False: return "false";
            case ConditionKind.And: return Join(condition.Operands, " and ");
            case ConditionKind.Or: return Join(condition.Operands, " or ");
            case ConditionKind.Not: return condition.Operands.Count == 0 ? "not ()" : "not " + Condition(condition.Operands[0]);
            case ConditionKind.Age: return "age " + Operator(condition.Operator) + " " + Number(condition.Number) + "y";
            case ConditionKind.Date: return "date " + Operator(condition.Operator) + " " + Date(condition.Number);
            case ConditionKind.Gender: return "gender " + condition.Name;
            case ConditionKind.Random: return "random < " + Number(condition.Number);
            case ConditionKind.PriorState: return "prior state " + condition.Name;
            case ConditionKind.Attribute:
            case ConditionKind.Demographic:
                return condition.Operator is ComparisonOperator.IsSet or ComparisonOperator.IsNotSet || condition.Value is null
                    ? condition.Name + " " + Operator(condition.Operator)
                    : condition.Name + " " + Operator(condition.Operator) + " " + Value(condition.Value);
            case ConditionKind.ActiveCondition: return Active("condition", condition);
            case ConditionKind.ActiveMedication: return Active("medication", condition);
            case ConditionKind.ActiveCarePlan: return Active("care plan", condition);
            case ConditionKind.ActiveAllergy: return Active("allergy", condition);
            case ConditionKind.Observation:
                return condition.Operator is ComparisonOperator.IsSet or ComparisonOperator.IsNotSet
                    ? "observation " + condition.Name + " " + Operator(condition.Operator)
                    : "observation " + condition.Name + " " + Operator(condition.Operator) + " " + Number(condition.Number);
            case ConditionKind.VitalSign: return condition.Name + " " + Operator(condition.Operator) + " " + Number(condition.Number);
            default: return condition.Kind.ToString();
        }
    }

    /// <summary>A delay or value distribution: "30 days", "300..480 days", "gaussian(mean 10, sd 2) clamped to [5, 15]".</summary>
    public static string Quantity(Draw quantity, string? unit)
    {
        var suffix = string.IsNullOrEmpty(unit) ? string.Empty : " " + unit;
        switch (quantity.Distribution)
        {
            case DistributionKind.Exact:
                return Number(quantity.Low) + suffix;
            case DistributionKind.Uniform:
                return Number(quantity.Low) + ".." + Number(quantity.High) + suffix;
            case DistributionKind.Exponential:
                return Clamped("exponential(mean " + Number(quantity.Low) + ")" + suffix, quantity);
            default:
                return Clamped("gaussian(mean " + Number(quantity.Low) + ", sd " + Number(quantity.High) + ")" + suffix, quantity);
        }
    }

    private static string Clamped(string text, Draw quantity)
        => quantity.Min is null && quantity.Max is null
            ? text
            : text + " clamped to [" + (quantity.Min is { } min ? Number(min) : "-∞") + ", " + (quantity.Max is { } max ? Number(max) : "∞") + "]";

    /// <summary>The round-trip text of a number.</summary>
    public static string Number(double value) => ExecutionFacts.NumberText(value);

    private static string Join(IReadOnlyList<ConditionSpec> operands, string separator)
    {
        if (operands.Count == 0) return separator.Trim() == "and" ? "true" : "false";
        if (operands.Count == 1) return Condition(operands[0]);
        var parts = new string[operands.Count];
        for (int i = 0; i < parts.Length; i++) parts[i] = Condition(operands[i]);
        return "(" + string.Join(separator, parts) + ")";
    }

    private static string Active(string what, ConditionSpec condition)
        => condition.Operator == ComparisonOperator.IsSet ? "active " + what + " referenced by " + condition.Name : "active " + what + " " + condition.Name;

    private static string Operator(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "==",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.IsSet => "is set",
        _ => "is not set",
    };

    private static string Value(ValueSpec value) => value.Kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Boolean => value.Number != 0 ? "true" : "false",
        ValueKind.Number => Number(value.Number),
        _ => "\"" + value.Text + "\"",
    };

    private static string Date(double days)
    {
        if (days < 0 || days > DateTime.MaxValue.Ticks / TimeSpan.TicksPerDay) return Number(days) + " days";
        return new DateTime((long)days * TimeSpan.TicksPerDay).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
