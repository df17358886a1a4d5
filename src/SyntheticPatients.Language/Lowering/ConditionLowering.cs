using System;
using System.Collections.Generic;
using SyntheticPatients.Language.Execution;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Lowering;

/// <summary>
/// Lowers condition trees into the program's node array, deciding what each comparison means: which comparisons are
/// constant (is_set on an age), which literal an attribute is compared with, which field a demographic reads, and
/// that a condition the checker rejects (unknown state, mismatched kinds) is false.
/// </summary>
internal sealed class ConditionLowering
{
    private readonly ModuleSpec _spec;
    private readonly AttributeTable _attributes;
    private readonly List<ConditionNode> _nodes = new();
    private readonly List<int> _children = new();

    public ConditionLowering(ModuleSpec spec, AttributeTable attributes)
    {
        _spec = spec;
        _attributes = attributes;
    }

    public EquatableArray<ConditionNode> Nodes => _nodes.ToEquatableArray();

    public EquatableArray<int> Children => _children.ToEquatableArray();

    /// <summary>Adds a condition tree; returns its root node.</summary>
    public int Lower(ConditionSpec condition)
    {
        switch (condition.Kind)
        {
            case ConditionKind.True:
                return Add(new ConditionNode(ConditionOp.True));
            case ConditionKind.And:
                return Join(condition.Operands, ConditionOp.And, ConditionOp.True);
            case ConditionKind.Or:
                return Join(condition.Operands, ConditionOp.Or, ConditionOp.False);
            case ConditionKind.Not:
                return condition.Operands.Count == 0
                    ? False()
                    : Add(new ConditionNode(ConditionOp.Not, First: Lower(condition.Operands[0])));
            case ConditionKind.Age:
                return Compare(ConditionOp.Age, condition.Operator, condition.Number);
            case ConditionKind.Date:
                return Compare(ConditionOp.Date, condition.Operator, condition.Number);
            case ConditionKind.Gender:
                return Add(new ConditionNode(ConditionOp.Gender, Index: condition.Name == "M" ? 1 : 0));
            case ConditionKind.Random:
                return Add(new ConditionNode(ConditionOp.Random, Number: condition.Number));
            case ConditionKind.PriorState:
            {
                int state = condition.Name is null ? -1 : _spec.IndexOf(condition.Name);
                return state < 0 ? False() : Add(new ConditionNode(ConditionOp.PriorState, Index: state));
            }
            case ConditionKind.Attribute:
                return Attribute(condition);
            case ConditionKind.Demographic:
                return Demographic(condition);
            case ConditionKind.ActiveCondition:
                return Active(condition, RecordKind.Condition);
            case ConditionKind.ActiveMedication:
                return Active(condition, RecordKind.Medication);
            case ConditionKind.ActiveCarePlan:
                return Active(condition, RecordKind.CarePlan);
            case ConditionKind.ActiveAllergy:
                return Active(condition, RecordKind.Allergy);
            case ConditionKind.Observation:
                return Observation(condition);
            case ConditionKind.VitalSign:
                return BodyVitalSigns.ByName(condition.Name ?? string.Empty) is { } sign
                    ? Add(new ConditionNode(ConditionOp.VitalSignCompare, Text: sign.Member, Index: sign.Ordinal, Operator: condition.Operator, Number: condition.Number))
                    : False();
            default:
                return False();
        }
    }

    private int Add(ConditionNode node)
    {
        _nodes.Add(node);
        return _nodes.Count - 1;
    }

    private int False() => Add(new ConditionNode(ConditionOp.False));

    private int Join(IReadOnlyList<ConditionSpec> operands, ConditionOp op, ConditionOp empty)
    {
        if (operands.Count == 0) return Add(new ConditionNode(empty));
        if (operands.Count == 1) return Lower(operands[0]);
        var lowered = new int[operands.Count];
        for (int i = 0; i < lowered.Length; i++) lowered[i] = Lower(operands[i]);
        int first = _children.Count;
        _children.AddRange(lowered);
        return Add(new ConditionNode(op, First: first, Count: lowered.Length));
    }

    /// <summary>A comparison whose left side always has a value: is_set is true and is_not_set false.</summary>
    private int Compare(ConditionOp op, ComparisonOperator comparison, double number) => comparison switch
    {
        ComparisonOperator.IsSet => Add(new ConditionNode(ConditionOp.True)),
        ComparisonOperator.IsNotSet => False(),
        _ => Add(new ConditionNode(op, Operator: comparison, Number: number)),
    };

    private int Attribute(ConditionSpec condition)
    {
        int attribute = _attributes.IndexOf(condition.Name ?? string.Empty);
        var value = condition.Value;
        bool isNull = value is null || value.Kind == ValueKind.Null;
        switch (condition.Operator)
        {
            case ComparisonOperator.IsSet:
                return Add(new ConditionNode(ConditionOp.AttributeIsSet, Index: attribute));
            case ComparisonOperator.IsNotSet:
                return Add(new ConditionNode(ConditionOp.AttributeIsSet, Index: attribute, Negate: true));
            case ComparisonOperator.Equal:
            case ComparisonOperator.NotEqual:
            {
                bool notEqual = condition.Operator == ComparisonOperator.NotEqual;
                // "== null" asks whether it is unset; an unset attribute is "not equal" to any value.
                if (isNull) return Add(new ConditionNode(ConditionOp.AttributeIsSet, Index: attribute, Negate: !notEqual));
                var op = value!.Kind switch
                {
                    ValueKind.Boolean => ConditionOp.AttributeEqualsBoolean,
                    ValueKind.Number => ConditionOp.AttributeEqualsNumber,
                    _ => ConditionOp.AttributeEqualsText,
                };
                return Add(new ConditionNode(op, Index: attribute, Negate: notEqual, Number: value.Number, Text: value.Text ?? string.Empty));
            }
            default:
                if (value is null || value.Kind != ValueKind.Number) return False(); // only numbers are ordered
                var ordered = condition.Operator switch
                {
                    ComparisonOperator.Less => ConditionOp.AttributeLess,
                    ComparisonOperator.LessOrEqual => ConditionOp.AttributeLessOrEqual,
                    ComparisonOperator.Greater => ConditionOp.AttributeGreater,
                    _ => ConditionOp.AttributeGreaterOrEqual,
                };
                return Add(new ConditionNode(ordered, Index: attribute, Number: value.Number));
        }
    }

    /// <summary>
    /// Text fields compared case-insensitively (== and != only), age and income as numbers. The binder rejects
    /// other field names (SPM0017); here they are false.
    /// </summary>
    private int Demographic(ConditionSpec condition)
    {
        var field = (condition.Name ?? string.Empty).ToLowerInvariant();
        if (field is "age" or "income")
        {
            return condition.Value is { Kind: ValueKind.Number } number
                ? Compare(field == "age" ? ConditionOp.Age : ConditionOp.Income, condition.Operator, number.Number)
                : False();
        }
        if (!DemographicFields.IsKnown(field) || !Enum.TryParse<DemographicField>(DemographicFields.Property(field), ignoreCase: false, out var property))
        {
            return False();
        }
        switch (condition.Operator)
        {
            case ComparisonOperator.IsSet: return Add(new ConditionNode(ConditionOp.DemographicIsSet, Index: (int)property));
            case ComparisonOperator.IsNotSet: return Add(new ConditionNode(ConditionOp.DemographicIsSet, Index: (int)property, Negate: true));
        }
        var text = ExecutionFacts.DemographicText(condition);
        if (text is null || condition.Operator is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual)) return False();
        return Add(new ConditionNode(ConditionOp.DemographicEquals, Index: (int)property, Text: text, Negate: condition.Operator == ComparisonOperator.NotEqual));
    }

    /// <summary>The binder marks referenced_by_attribute with is_set: the name is then an attribute holding a reference.</summary>
    private int Active(ConditionSpec condition, RecordKind kind)
    {
        var name = condition.Name ?? string.Empty;
        return condition.Operator == ComparisonOperator.IsSet
            ? Add(new ConditionNode(ConditionOp.ActiveReference, Index: _attributes.IndexOf(name), Kind: kind))
            : Add(new ConditionNode(ConditionOp.ActiveCode, Text: name, Kind: kind));
    }

    /// <summary>No observation yet makes a comparison false, whatever the operator.</summary>
    private int Observation(ConditionSpec condition)
    {
        var code = condition.Name ?? string.Empty;
        return condition.Operator switch
        {
            ComparisonOperator.IsSet => Add(new ConditionNode(ConditionOp.ObservationExists, Text: code)),
            ComparisonOperator.IsNotSet => Add(new ConditionNode(ConditionOp.ObservationExists, Text: code, Negate: true)),
            _ => Add(new ConditionNode(ConditionOp.ObservationCompare, Text: code, Operator: condition.Operator, Number: condition.Number)),
        };
    }
}
