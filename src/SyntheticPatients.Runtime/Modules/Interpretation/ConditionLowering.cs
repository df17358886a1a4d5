using SyntheticPatients.Language.Execution;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime.Events;

namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>
/// Lowers condition trees into a node array, deciding at load what ConditionEmitter decides at build time: which
/// comparisons are constant (is_set on an age), which literal overload an attribute is compared with, which slot.
/// </summary>
internal sealed class ConditionLowering
{
    private readonly ModuleSpec _spec;
    private readonly AttributeSlotTable _slots;
    private readonly List<ConditionNode> _nodes = new();
    private readonly List<int> _children = new();

    public ConditionLowering(ModuleSpec spec, AttributeSlotTable slots)
    {
        _spec = spec;
        _slots = slots;
    }

    public ConditionNode[] Nodes => _nodes.ToArray();

    public int[] Children => _children.ToArray();

    /// <summary>Adds a condition tree; returns its root node.</summary>
    public int Lower(ConditionSpec condition)
    {
        switch (condition.Kind)
        {
            case ConditionKind.True:
                return Add(new ConditionNode { Op = ConditionOp.True });
            case ConditionKind.False:
                return Add(new ConditionNode { Op = ConditionOp.False });
            case ConditionKind.And:
                return Join(condition.Operands, ConditionOp.And, ConditionOp.True);
            case ConditionKind.Or:
                return Join(condition.Operands, ConditionOp.Or, ConditionOp.False);
            case ConditionKind.Not:
                return condition.Operands.Count == 0
                    ? Add(new ConditionNode { Op = ConditionOp.False })
                    : Add(new ConditionNode { Op = ConditionOp.Not, First = Lower(condition.Operands[0]) });
            case ConditionKind.Age:
                return Compare(ConditionOp.Age, condition.Operator, condition.Number);
            case ConditionKind.Date:
                return Compare(ConditionOp.Date, condition.Operator, condition.Number);
            case ConditionKind.Gender:
                return Add(new ConditionNode { Op = ConditionOp.Gender, Gender = condition.Name == "M" ? Gender.Male : Gender.Female });
            case ConditionKind.Random:
                return Add(new ConditionNode { Op = ConditionOp.Random, Number = condition.Number });
            case ConditionKind.PriorState:
            {
                int state = condition.Name is null ? -1 : _spec.IndexOf(condition.Name);
                return state < 0 ? Add(new ConditionNode { Op = ConditionOp.False }) : Add(new ConditionNode { Op = ConditionOp.PriorState, Index = state });
            }
            case ConditionKind.Attribute:
                return Attribute(condition);
            case ConditionKind.Demographic:
                return Demographic(condition);
            case ConditionKind.ActiveCondition:
                return Active(condition, EventKind.Condition);
            case ConditionKind.ActiveMedication:
                return Active(condition, EventKind.Medication);
            case ConditionKind.ActiveCarePlan:
                return Active(condition, EventKind.CarePlan);
            case ConditionKind.ActiveAllergy:
                return Active(condition, EventKind.Allergy);
            case ConditionKind.Observation:
                return Observation(condition);
            default:
                return Add(new ConditionNode { Op = ConditionOp.False });
        }
    }

    private int Add(ConditionNode node)
    {
        _nodes.Add(node);
        return _nodes.Count - 1;
    }

    private int Join(IReadOnlyList<ConditionSpec> operands, ConditionOp op, ConditionOp empty)
    {
        if (operands.Count == 0) return Add(new ConditionNode { Op = empty });
        if (operands.Count == 1) return Lower(operands[0]);
        var lowered = new int[operands.Count];
        for (int i = 0; i < lowered.Length; i++) lowered[i] = Lower(operands[i]);
        int first = _children.Count;
        _children.AddRange(lowered);
        return Add(new ConditionNode { Op = op, First = first, Count = lowered.Length });
    }

    /// <summary>A comparison whose left side always has a value: is_set is true and is_not_set false.</summary>
    private int Compare(ConditionOp op, ComparisonOperator comparison, double number) => comparison switch
    {
        ComparisonOperator.IsSet => Add(new ConditionNode { Op = ConditionOp.True }),
        ComparisonOperator.IsNotSet => Add(new ConditionNode { Op = ConditionOp.False }),
        _ => Add(new ConditionNode { Op = op, Operator = comparison, Number = number }),
    };

    private int Attribute(ConditionSpec condition)
    {
        int slot = _slots.SlotOf(condition.Name ?? string.Empty);
        var value = condition.Value;
        bool isNull = value is null || value.Kind == ValueKind.Null;
        switch (condition.Operator)
        {
            case ComparisonOperator.IsSet:
                return Add(new ConditionNode { Op = ConditionOp.AttributeIsSet, Index = slot });
            case ComparisonOperator.IsNotSet:
                return Add(new ConditionNode { Op = ConditionOp.AttributeIsSet, Index = slot, Negate = true });
            case ComparisonOperator.Equal:
            case ComparisonOperator.NotEqual:
            {
                bool notEqual = condition.Operator == ComparisonOperator.NotEqual;
                // "== null" asks whether it is unset; an unset attribute is "not equal" to any value.
                if (isNull) return Add(new ConditionNode { Op = ConditionOp.AttributeIsSet, Index = slot, Negate = !notEqual });
                var op = value!.Kind switch
                {
                    ValueKind.Boolean => ConditionOp.AttributeEqualsBoolean,
                    ValueKind.Number => ConditionOp.AttributeEqualsNumber,
                    _ => ConditionOp.AttributeEqualsText,
                };
                return Add(new ConditionNode { Op = op, Index = slot, Negate = notEqual, Number = value.Number, Text = value.Text ?? string.Empty });
            }
            default:
                if (value is null || value.Kind != ValueKind.Number) return Add(new ConditionNode { Op = ConditionOp.False });
                var ordered = condition.Operator switch
                {
                    ComparisonOperator.Less => ConditionOp.AttributeLess,
                    ComparisonOperator.LessOrEqual => ConditionOp.AttributeLessOrEqual,
                    ComparisonOperator.Greater => ConditionOp.AttributeGreater,
                    _ => ConditionOp.AttributeGreaterOrEqual,
                };
                return Add(new ConditionNode { Op = ordered, Index = slot, Number = value.Number });
        }
    }

    private int Demographic(ConditionSpec condition)
    {
        var field = (condition.Name ?? string.Empty).ToLowerInvariant();
        if (field is "age" or "income")
        {
            return condition.Value is { Kind: ValueKind.Number } number
                ? Compare(field == "age" ? ConditionOp.Age : ConditionOp.Income, condition.Operator, number.Number)
                : Add(new ConditionNode { Op = ConditionOp.False });
        }
        if (!DemographicFields.IsKnown(field) || !Enum.TryParse<DemographicField>(DemographicFields.Property(field), ignoreCase: false, out var property))
        {
            return Add(new ConditionNode { Op = ConditionOp.False }); // the binder rejects unknown fields (SPM0017)
        }
        switch (condition.Operator)
        {
            case ComparisonOperator.IsSet: return Add(new ConditionNode { Op = ConditionOp.DemographicIsSet, Index = (int)property });
            case ComparisonOperator.IsNotSet: return Add(new ConditionNode { Op = ConditionOp.DemographicIsSet, Index = (int)property, Negate = true });
        }
        var text = ExecutionFacts.DemographicText(condition);
        if (text is null || condition.Operator is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
        {
            return Add(new ConditionNode { Op = ConditionOp.False });
        }
        return Add(new ConditionNode { Op = ConditionOp.DemographicEquals, Index = (int)property, Text = text, Negate = condition.Operator == ComparisonOperator.NotEqual });
    }

    /// <summary>The binder marks referenced_by_attribute with is_set: the name is then an attribute holding a reference.</summary>
    private int Active(ConditionSpec condition, EventKind kind)
    {
        var name = condition.Name ?? string.Empty;
        return condition.Operator == ComparisonOperator.IsSet
            ? Add(new ConditionNode { Op = ConditionOp.ActiveReference, Index = _slots.SlotOf(name), Kind = kind })
            : Add(new ConditionNode { Op = ConditionOp.ActiveCode, Text = name, Kind = kind });
    }

    private int Observation(ConditionSpec condition)
    {
        var code = condition.Name ?? string.Empty;
        return condition.Operator switch
        {
            ComparisonOperator.IsSet => Add(new ConditionNode { Op = ConditionOp.ObservationExists, Text = code }),
            ComparisonOperator.IsNotSet => Add(new ConditionNode { Op = ConditionOp.ObservationExists, Text = code, Negate = true }),
            _ => Add(new ConditionNode { Op = ConditionOp.ObservationCompare, Text = code, Operator = condition.Operator, Number = condition.Number }),
        };
    }
}
