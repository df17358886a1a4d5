using System.Collections.Generic;
using SyntheticPatients.Language.Execution;
using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Generators.Emit;

/// <summary>
/// Compiles a condition tree into one C# boolean expression over the step's <c>run</c> and <c>patient</c>:
/// no delegates or interpretation at run time. Comparisons of mismatched kinds compile to <c>false</c>
/// (the checker reports them), so generated code always compiles.
/// </summary>
internal static class ConditionEmitter
{
    public static string Expression(ConditionSpec condition, ModuleEmitContext context)
    {
        switch (condition.Kind)
        {
            case ConditionKind.True:
                return "true";
            case ConditionKind.False:
                return "false";
            case ConditionKind.And:
                return Join(condition.Operands, " && ", "true", context);
            case ConditionKind.Or:
                return Join(condition.Operands, " || ", "false", context);
            case ConditionKind.Not:
                return condition.Operands.Count == 0 ? "false" : "!(" + Expression(condition.Operands[0], context) + ")";
            case ConditionKind.Age:
                return Compare("patient.AgeInYears(run.Now)", condition.Operator, condition.Number, always: true);
            case ConditionKind.Date:
                return Compare("DayNumber(run.Now)", condition.Operator, condition.Number, always: true);
            case ConditionKind.Gender:
                return "(patient.Gender == " + RuntimeNames.Gender + (condition.Name == "M" ? ".Male" : ".Female") + ")";
            case ConditionKind.Random:
                return "(patient.Random.NextDouble() < " + Literals.Double(condition.Number) + ")";
            case ConditionKind.PriorState:
            {
                var state = condition.Name is null ? null : context.StateReference(condition.Name);
                return state is null ? "false /* no such state */" : "run.Visited.Contains((int)" + state + ")";
            }
            case ConditionKind.Attribute:
                return Attribute(condition);
            case ConditionKind.Demographic:
                return Demographic(condition);
            case ConditionKind.ActiveCondition:
                return Active(condition, "Condition", context);
            case ConditionKind.ActiveMedication:
                return Active(condition, "Medication", context);
            case ConditionKind.ActiveCarePlan:
                return Active(condition, "CarePlan", context);
            case ConditionKind.ActiveAllergy:
                return Active(condition, "Allergy", context);
            case ConditionKind.Observation:
                return Observation(condition, context);
            default:
                return "false /* unsupported condition */";
        }
    }

    private static string Join(IReadOnlyList<ConditionSpec> operands, string separator, string empty, ModuleEmitContext context)
    {
        if (operands.Count == 0) return empty;
        if (operands.Count == 1) return Expression(operands[0], context);
        var parts = new string[operands.Count];
        for (int i = 0; i < parts.Length; i++) parts[i] = Expression(operands[i], context);
        return "(" + string.Join(separator, parts) + ")";
    }

    /// <summary>A numeric comparison; <paramref name="always"/> says the left side always has a value (age, date).</summary>
    private static string Compare(string left, ComparisonOperator op, double number, bool always)
    {
        var right = Literals.Double(number);
        switch (op)
        {
            case ComparisonOperator.Equal: return "(" + left + " == " + right + ")";
            case ComparisonOperator.NotEqual: return "(" + left + " != " + right + ")";
            case ComparisonOperator.Less: return "(" + left + " < " + right + ")";
            case ComparisonOperator.LessOrEqual: return "(" + left + " <= " + right + ")";
            case ComparisonOperator.Greater: return "(" + left + " > " + right + ")";
            case ComparisonOperator.GreaterOrEqual: return "(" + left + " >= " + right + ")";
            case ComparisonOperator.IsSet: return always ? "true" : "false";
            default: return always ? "false" : "true";
        }
    }

    private static string Attribute(ConditionSpec condition)
    {
        var slot = ModuleEmitContext.SlotValue(condition.Name ?? string.Empty);
        var value = condition.Value;
        switch (condition.Operator)
        {
            case ComparisonOperator.IsSet:
                return slot + ".IsSet";
            case ComparisonOperator.IsNotSet:
                return "!" + slot + ".IsSet";
            case ComparisonOperator.Equal:
                return value is null || value.Kind == ValueKind.Null ? "!" + slot + ".IsSet" : slot + ".Equals(" + ValueLiteral(value) + ")";
            case ComparisonOperator.NotEqual:
                // An unset attribute is "not equal" to any value.
                return value is null || value.Kind == ValueKind.Null ? slot + ".IsSet" : "!" + slot + ".Equals(" + ValueLiteral(value) + ")";
            default:
                if (value is null || value.Kind != ValueKind.Number) return "false /* only numbers are ordered */";
                var method = condition.Operator switch
                {
                    ComparisonOperator.Less => "IsLessThan",
                    ComparisonOperator.LessOrEqual => "IsLessThanOrEqual",
                    ComparisonOperator.Greater => "IsGreaterThan",
                    _ => "IsGreaterThanOrEqual",
                };
                return slot + "." + method + "(" + Literals.Double(value.Number) + ")";
        }
    }

    private static string ValueLiteral(ValueSpec value) => value.Kind switch
    {
        ValueKind.Boolean => Literals.Bool(value.Number != 0),
        ValueKind.Number => Literals.Double(value.Number),
        _ => Literals.String(value.Text ?? string.Empty),
    };

    /// <summary>
    /// Demographic fields the patient context carries (<see cref="DemographicFields"/>): text labels compared
    /// case-insensitively, age and income as numbers. The binder rejects other field names (SPM0017).
    /// </summary>
    private static string Demographic(ConditionSpec condition)
    {
        var field = (condition.Name ?? string.Empty).ToLowerInvariant();
        if (field == "age")
        {
            return condition.Value is { Kind: ValueKind.Number } number
                ? Compare("patient.AgeInYears(run.Now)", condition.Operator, number.Number, always: true)
                : "false /* age needs a number */";
        }
        if (field == "income")
        {
            return condition.Value is { Kind: ValueKind.Number } income
                ? Compare("patient.Income", condition.Operator, income.Number, always: true)
                : "false /* income needs a number */";
        }
        var property = "patient." + DemographicFields.Property(field);

        switch (condition.Operator)
        {
            case ComparisonOperator.IsSet: return "(" + property + " is not null)";
            case ComparisonOperator.IsNotSet: return "(" + property + " is null)";
        }
        var text = ExecutionFacts.DemographicText(condition);
        if (text is null) return "false /* no value to compare */";
        var equals = "string.Equals(" + property + ", " + Literals.String(text) + ", " + RuntimeNames.StringComparison + ".OrdinalIgnoreCase)";
        return condition.Operator switch
        {
            ComparisonOperator.Equal => equals,
            ComparisonOperator.NotEqual => "!" + equals,
            _ => "false /* only == and != apply to text */",
        };
    }

    private static string Active(ConditionSpec condition, string kind, ModuleEmitContext context)
    {
        var name = condition.Name ?? string.Empty;
        // The binder marks "referenced_by_attribute" with IsSet: the name is then an attribute holding a reference.
        if (condition.Operator == ComparisonOperator.IsSet)
        {
            return "patient.IsReferenceActive(" + ModuleEmitContext.SlotValue(name) + ", " + RuntimeNames.EventKind + "." + kind + ", run.Now)";
        }
        return "patient.HasActive" + kind + "(run.Now, " + Literals.String(name) + ")";
    }

    private static string Observation(ConditionSpec condition, ModuleEmitContext context)
    {
        var code = Literals.String(condition.Name ?? string.Empty);
        switch (condition.Operator)
        {
            case ComparisonOperator.IsSet: return "patient.LatestObservationValue(run.Now, " + code + ", out _)";
            case ComparisonOperator.IsNotSet: return "!patient.LatestObservationValue(run.Now, " + code + ", out _)";
        }
        var value = context.Temporary("observed");
        // No observation yet means the comparison is false, whatever the operator.
        return "(patient.LatestObservationValue(run.Now, " + code + ", out double " + value + ") && "
            + Compare(value, condition.Operator, condition.Number, always: true) + ")";
    }
}
