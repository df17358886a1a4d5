using SyntheticPatients.Language.Lowering;
using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Generators.Emit;

/// <summary>
/// Prints a lowered condition (a node of the program) as one C# boolean expression over the step's <c>run</c> and
/// <c>patient</c>: no delegates or interpretation at run time. Each node kind has one print.
/// </summary>
internal static class ConditionEmitter
{
    public static string Expression(int index, ModuleEmitContext context)
    {
        var node = context.Program.Conditions[index];
        switch (node.Op)
        {
            case ConditionOp.True:
                return "true";
            case ConditionOp.False:
                return "false";
            case ConditionOp.And:
                return Join(node, " && ", context);
            case ConditionOp.Or:
                return Join(node, " || ", context);
            case ConditionOp.Not:
                return "!(" + Expression(node.First, context) + ")";
            case ConditionOp.Age:
                return Compare("patient.AgeInYears(run.Now)", node);
            case ConditionOp.Date:
                return Compare("DayNumber(run.Now)", node);
            case ConditionOp.Income:
                return Compare("patient.Income", node);
            case ConditionOp.Gender:
                return "(patient.Gender == " + RuntimeNames.Gender + (node.Index == 1 ? ".Male" : ".Female") + ")";
            case ConditionOp.Random:
                return "(patient.Random.NextDouble() < " + Literals.Double(node.Number) + ")";
            case ConditionOp.PriorState:
                return "run.Visited.Contains((int)" + context.StateReference(node.Index) + ")";
            case ConditionOp.AttributeIsSet:
                return Negated(node, context.SlotValue(node.Index) + ".IsSet");
            case ConditionOp.AttributeEqualsBoolean:
                return Negated(node, context.SlotValue(node.Index) + ".Equals(" + Literals.Bool(node.Number != 0) + ")");
            case ConditionOp.AttributeEqualsNumber:
                return Negated(node, context.SlotValue(node.Index) + ".Equals(" + Literals.Double(node.Number) + ")");
            case ConditionOp.AttributeEqualsText:
                return Negated(node, context.SlotValue(node.Index) + ".Equals(" + Literals.String(node.Text ?? string.Empty) + ")");
            case ConditionOp.AttributeLess:
                return context.SlotValue(node.Index) + ".IsLessThan(" + Literals.Double(node.Number) + ")";
            case ConditionOp.AttributeLessOrEqual:
                return context.SlotValue(node.Index) + ".IsLessThanOrEqual(" + Literals.Double(node.Number) + ")";
            case ConditionOp.AttributeGreater:
                return context.SlotValue(node.Index) + ".IsGreaterThan(" + Literals.Double(node.Number) + ")";
            case ConditionOp.AttributeGreaterOrEqual:
                return context.SlotValue(node.Index) + ".IsGreaterThanOrEqual(" + Literals.Double(node.Number) + ")";
            case ConditionOp.DemographicIsSet:
                return "(" + Demographic(node) + (node.Negate ? " is null)" : " is not null)");
            case ConditionOp.DemographicEquals:
                return Negated(node, "string.Equals(" + Demographic(node) + ", " + Literals.String(node.Text) + ", " + RuntimeNames.StringComparison + ".OrdinalIgnoreCase)");
            case ConditionOp.ActiveReference:
                return "patient.IsReferenceActive(" + context.SlotValue(node.Index) + ", " + RuntimeNames.EventKind + "." + node.Kind + ", run.Now)";
            case ConditionOp.ActiveCode:
                return "patient.HasActive" + node.Kind + "(run.Now, " + Literals.String(node.Text ?? string.Empty) + ")";
            case ConditionOp.ObservationExists:
                return Negated(node, "patient.LatestObservationValue(run.Now, " + Literals.String(node.Text ?? string.Empty) + ", out _)");
            case ConditionOp.ObservationCompare:
            {
                var value = context.Temporary("observed");
                return "(patient.LatestObservationValue(run.Now, " + Literals.String(node.Text ?? string.Empty) + ", out double " + value + ") && "
                    + Compare(value, node) + ")";
            }
            case ConditionOp.VitalSignCompare:
                return Compare("patient.VitalSignAt(run.Now, " + RuntimeNames.VitalSign + "." + node.Text + ")", node);
            default:
                return "false /* unsupported condition */";
        }
    }

    private static string Join(ConditionNode node, string separator, ModuleEmitContext context)
    {
        var children = context.Program.Children;
        var parts = new string[node.Count];
        for (int i = 0; i < parts.Length; i++) parts[i] = Expression(children[node.First + i], context);
        return "(" + string.Join(separator, parts) + ")";
    }

    private static string Negated(ConditionNode node, string expression) => node.Negate ? "!" + expression : expression;

    private static string Compare(string left, ConditionNode node)
    {
        var right = Literals.Double(node.Number);
        return node.Operator switch
        {
            ComparisonOperator.Equal => "(" + left + " == " + right + ")",
            ComparisonOperator.NotEqual => "(" + left + " != " + right + ")",
            ComparisonOperator.Less => "(" + left + " < " + right + ")",
            ComparisonOperator.LessOrEqual => "(" + left + " <= " + right + ")",
            ComparisonOperator.Greater => "(" + left + " > " + right + ")",
            _ => "(" + left + " >= " + right + ")",
        };
    }

    private static string Demographic(ConditionNode node) => "patient." + (DemographicField)node.Index;
}
