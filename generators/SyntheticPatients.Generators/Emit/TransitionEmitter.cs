using System.Collections.Generic;
using SyntheticPatients.Language.Execution;
using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Generators.Emit;

/// <summary>
/// Emits transition selection (see TransitionSpec): conditional edges without probability in order; else one
/// weighted draw among eligible probabilistic edges; else the first plain edge; else terminate. A draw consumes
/// exactly one NextDouble() when the eligible weight is positive (none otherwise). Unconditional draws compile to
/// constant cumulative thresholds; conditional ones to running sums. Every emitted path ends in a return.
/// </summary>
internal static class TransitionEmitter
{
    public static void Emit(CodeWriter writer, StateSpec state, ModuleEmitContext context)
    {
        var edges = state.Transitions;
        var weights = TransitionWeights.Of(edges);
        var probabilistic = new List<int>();
        TransitionSpec? elseEdge = null;
        for (int i = 0; i < edges.Count; i++)
        {
            var edge = edges[i];
            if (edge.Probability is not null) probabilistic.Add(i);
            else if (edge.Condition is not null) writer.Line("if (" + Expressions.Unwrap(ConditionEmitter.Expression(edge.Condition, context)) + ") return " + Goto(edge.Target, context) + ";");
            else elseEdge ??= edge;
        }

        if (probabilistic.Count > 0)
        {
            bool returned = AllUnconditional(edges, probabilistic)
                ? EmitConstantDraw(writer, edges, weights, probabilistic, context)
                : EmitConditionalDraw(writer, edges, weights, probabilistic, context);
            if (returned) return;
        }

        writer.Line(elseEdge is not null
            ? "return " + Goto(elseEdge.Target, context) + ";"
            : "return Terminated; // no eligible transition");
    }

    /// <summary>
    /// <c>Next(ref run, State.x)</c>; Terminated for the implicit <c>end</c> target when no state has that name, and for
    /// unknown targets (the checker reports those as errors, so this only keeps the text compilable).
    /// </summary>
    public static string Goto(string target, ModuleEmitContext context)
    {
        var state = context.StateReference(target);
        if (state is not null) return "Next(ref run, " + state + ")";
        return target == "end"
            ? "Terminated /* end */"
            : "Terminated /* unknown state " + Literals.Comment(target).Replace("*/", "* /") + " */";
    }

    private static bool AllUnconditional(IReadOnlyList<TransitionSpec> edges, List<int> probabilistic)
    {
        foreach (var i in probabilistic)
        {
            if (edges[i].Condition is not null) return false;
        }
        return true;
    }

    /// <summary>Every probabilistic edge is eligible: thresholds are constants. Always returns.</summary>
    private static bool EmitConstantDraw(CodeWriter writer, IReadOnlyList<TransitionSpec> edges, double[] weights, List<int> probabilistic, ModuleEmitContext context)
    {
        var positive = new List<int>();
        double total = 0;
        foreach (var i in probabilistic)
        {
            total += weights[i];
            if (weights[i] > 0) positive.Add(i);
        }
        if (positive.Count == 0)
        {
            writer.Line("return " + Goto(edges[probabilistic[probabilistic.Count - 1]].Target, context) + "; // all weights are 0: the last edge");
            return true;
        }

        writer.Line(total == 1.0
            ? "double draw = patient.Random.NextDouble();"
            : "double draw = patient.Random.NextDouble() * " + Literals.Double(total) + "; // weights sum to " + Literals.Number(total));
        double cumulative = 0;
        for (int k = 0; k < positive.Count; k++)
        {
            int i = positive[k];
            cumulative += weights[i];
            var comment = " // " + Literals.Number(weights[i]);
            // The last positive edge takes the rest, which also absorbs rounding at the top of the range.
            writer.Line(k == positive.Count - 1
                ? "return " + Goto(edges[i].Target, context) + ";" + comment
                : "if (draw < " + Literals.Double(cumulative) + ") return " + Goto(edges[i].Target, context) + ";" + comment);
        }
        return true;
    }

    /// <summary>Some edges have conditions: sum the eligible weights at run time. Returns whether every path returned.</summary>
    private static bool EmitConditionalDraw(CodeWriter writer, IReadOnlyList<TransitionSpec> edges, double[] weights, List<int> probabilistic, ModuleEmitContext context)
    {
        foreach (var i in probabilistic)
        {
            if (edges[i].Condition is { } condition) writer.Line("bool " + Eligible(i) + " = " + Expressions.Unwrap(ConditionEmitter.Expression(condition, context)) + ";");
        }

        var thresholds = new List<(int Edge, string Name)>();
        string? previous = null;
        foreach (var i in probabilistic)
        {
            if (weights[i] <= 0) continue; // never drawn; may still be the fallback below
            var weight = Literals.Double(weights[i]);
            var term = edges[i].Condition is null ? weight : "(" + Eligible(i) + " ? " + weight + " : 0d)";
            var name = "upTo" + Literals.Int(i);
            writer.Line("double " + name + " = " + (previous is null ? term : previous + " + " + term) + ";");
            thresholds.Add((i, name));
            previous = name;
        }
        if (previous is not null)
        {
            writer.Open("if (" + previous + " > 0d)");
            writer.Line("double draw = patient.Random.NextDouble() * " + previous + ";");
            foreach (var (edge, name) in thresholds)
            {
                writer.Line("if (draw < " + name + ") return " + Goto(edges[edge].Target, context) + ";");
            }
            writer.Close();
        }

        // Eligible weight 0 (or a draw rounded up to the total): the last eligible edge, as the dialect specifies.
        for (int k = probabilistic.Count - 1; k >= 0; k--)
        {
            int i = probabilistic[k];
            if (edges[i].Condition is null)
            {
                writer.Line("return " + Goto(edges[i].Target, context) + ";");
                return true;
            }
            writer.Line("if (" + Eligible(i) + ") return " + Goto(edges[i].Target, context) + ";");
        }
        return false;
    }

    private static string Eligible(int edge) => "eligible" + Literals.Int(edge);
}
