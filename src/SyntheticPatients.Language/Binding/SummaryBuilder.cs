using System;
using System.Collections.Generic;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Binding;

/// <summary>Extracts the cross-module facts of a module (attributes set and read, submodules called).</summary>
public static class SummaryBuilder
{
    public static ModuleSummary Build(ModuleSpec spec)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        var read = new List<AttributeTarget>();
        var calls = new List<AttributeTarget>();
        foreach (var state in spec.States)
        {
            if (state.Kind is StateKind.SetAttribute or StateKind.Counter && state.Attribute is not null) set.Add(state.Attribute.Name);
            if (state.AssignToAttribute is not null) set.Add(state.AssignToAttribute.Name);
            if (state.ReferencedByAttribute is not null) read.Add(state.ReferencedByAttribute);
            if (state.Submodule is not null) calls.Add(new AttributeTarget(state.Submodule, state.SubmoduleSpan));
            if (state.Guard is not null) CollectReads(state.Guard, read);
            foreach (var transition in state.Transitions)
            {
                if (transition.Condition is not null) CollectReads(transition.Condition, read);
            }
        }
        return new ModuleSummary(spec.Name, spec.FilePath, spec.NameSpan, new EquatableArray<string>(set), read.ToEquatableArray(), calls.ToEquatableArray());
    }

    private static void CollectReads(ConditionSpec condition, List<AttributeTarget> read)
    {
        bool readsAttribute = condition.Kind == ConditionKind.Attribute
            || (condition.Kind is ConditionKind.ActiveCondition or ConditionKind.ActiveMedication or ConditionKind.ActiveCarePlan or ConditionKind.ActiveAllergy
                && condition.Operator == ComparisonOperator.IsSet);
        if (readsAttribute && !string.IsNullOrEmpty(condition.Name)) read.Add(new AttributeTarget(condition.Name!, condition.NameSpan));
        foreach (var operand in condition.Operands) CollectReads(operand, read);
    }
}
