using SyntheticPatients.Language.Lowering;

namespace SyntheticPatients.Generators.Emit;

/// <summary>
/// Prints a state's <see cref="TransitionTable"/>: the conditional edges in order; then the draw (constant
/// thresholds, or running sums of the eligible weights); then the else edge; else terminate. Every printed path ends
/// in a return.
/// </summary>
internal static class TransitionEmitter
{
    public static void Emit(CodeWriter writer, TransitionTable table, ModuleEmitContext context)
    {
        foreach (var edge in table.Guarded)
        {
            writer.Line("if (" + Expressions.Unwrap(ConditionEmitter.Expression(edge.Condition, context)) + ") return " + Goto(edge.Target, context) + ";");
        }
        switch (table.Mode)
        {
            case DrawMode.LastEdge:
                writer.Line("return " + Goto(table.Last!.Value, context) + "; // all weights are 0: the last edge");
                return;
            case DrawMode.Constant:
                EmitConstantDraw(writer, table, context);
                return;
            case DrawMode.Conditional:
                EmitConditionalDraw(writer, table, context);
                if (table.DrawAlwaysPicks) return;
                break;
        }
        writer.Line(table.Else is { } elseEdge
            ? "return " + Goto(elseEdge, context) + ";"
            : "return Terminated; // no eligible transition");
    }

    /// <summary><c>Next(ref run, State.x)</c>; Terminated for the implicit <c>end</c> (and unknown names, which the checker rejects).</summary>
    public static string Goto(EdgeTarget target, ModuleEmitContext context)
    {
        if (!target.Ends) return "Next(ref run, " + context.StateReference(target.State) + ")";
        return target.Name == "end"
            ? "Terminated /* end */"
            : "Terminated /* unknown state " + Literals.Comment(target.Name).Replace("*/", "* /") + " */";
    }

    private static void EmitConstantDraw(CodeWriter writer, TransitionTable table, ModuleEmitContext context)
    {
        writer.Line(table.Total == 1.0
            ? "double draw = patient.Random.NextDouble();"
            : "double draw = patient.Random.NextDouble() * " + Literals.Double(table.Total) + "; // weights sum to " + Literals.Number(table.Total));
        var edges = table.Weighted;
        for (int k = 0; k < edges.Count; k++)
        {
            var edge = edges[k];
            var comment = " // " + Literals.Number(edge.Weight);
            writer.Line(k == edges.Count - 1
                ? "return " + Goto(edge.Target, context) + ";" + comment
                : "if (draw < " + Literals.Double(edge.Threshold) + ") return " + Goto(edge.Target, context) + ";" + comment);
        }
    }

    /// <summary>Eligibility first (conditions in edge order), then one draw over the eligible positive weights, then the fallback.</summary>
    private static void EmitConditionalDraw(CodeWriter writer, TransitionTable table, ModuleEmitContext context)
    {
        var edges = table.Weighted;
        foreach (var edge in edges)
        {
            if (edge.Condition >= 0) writer.Line("bool " + Eligible(edge) + " = " + Expressions.Unwrap(ConditionEmitter.Expression(edge.Condition, context)) + ";");
        }

        string? previous = null;
        foreach (var edge in edges)
        {
            if (edge.Weight <= 0) continue; // never drawn; may still be the fallback below
            var weight = Literals.Double(edge.Weight);
            var term = edge.Condition < 0 ? weight : "(" + Eligible(edge) + " ? " + weight + " : 0d)";
            var name = UpTo(edge);
            writer.Line("double " + name + " = " + (previous is null ? term : previous + " + " + term) + ";");
            previous = name;
        }
        if (previous is not null)
        {
            writer.Open("if (" + previous + " > 0d)");
            writer.Line("double draw = patient.Random.NextDouble() * " + previous + ";");
            foreach (var edge in edges)
            {
                if (edge.Weight > 0) writer.Line("if (draw < " + UpTo(edge) + ") return " + Goto(edge.Target, context) + ";");
            }
            writer.Close();
        }

        // Eligible weight 0 (or a draw rounded up to the total): the last eligible edge, as the dialect specifies.
        for (int k = edges.Count - 1; k >= 0; k--)
        {
            var edge = edges[k];
            if (edge.Condition < 0)
            {
                writer.Line("return " + Goto(edge.Target, context) + ";");
                return;
            }
            writer.Line("if (" + Eligible(edge) + ") return " + Goto(edge.Target, context) + ";");
        }
    }

    private static string Eligible(WeightedEdge edge) => "eligible" + Literals.Int(edge.Edge);

    private static string UpTo(WeightedEdge edge) => "upTo" + Literals.Int(edge.Edge);
}
