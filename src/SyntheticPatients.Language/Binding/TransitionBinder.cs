using System.Collections.Generic;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Text;
using SyntheticPatients.Language.Yaml;

namespace SyntheticPatients.Language.Binding;

/// <summary>
/// Reads the five transition spellings into one ordered list of edges:
/// <c>transitions</c>, <c>direct_transition</c>, <c>distributed_transition</c>, <c>conditional_transition</c>, <c>branches</c>.
/// </summary>
internal static class TransitionBinder
{
    /// <summary>The spellings that list edges (or name one target state); <c>direct_transition</c> names one target.</summary>
    internal static readonly string[] ListKeys = { "transitions", "distributed_transition", "conditional_transition", "branches" };

    internal const string DirectKey = "direct_transition";

    internal static readonly string[] EdgeFields = { "to", "transition", "probability", "distribution", "condition", "remarks" };

    public static EquatableArray<TransitionSpec> Bind(FieldReader fields, BindContext context)
    {
        var edges = new List<TransitionSpec>();
        if (fields[DirectKey] is { } direct)
        {
            var target = context.Text(direct, DirectKey);
            if (target is not null) edges.Add(new TransitionSpec(target, direct.Span, null, null, direct.Span));
        }
        foreach (var key in ListKeys)
        {
            var node = fields[key];
            if (node is null) continue;
            // A bare state name is accepted as a one-edge list: `transitions: next_state`.
            if (node.IsScalar && !node.IsNull)
            {
                edges.Add(new TransitionSpec(node.Value!, node.Span, null, null, node.Span));
                continue;
            }
            foreach (var item in context.List(node, key, allowSingle: false))
            {
                var edge = BindEdge(item, key, context);
                if (edge is not null) edges.Add(edge);
            }
        }
        return edges.ToEquatableArray();
    }

    private static TransitionSpec? BindEdge(YamlNode node, string listKey, BindContext context)
    {
        if (!node.IsMapping)
        {
            context.Report(DiagnosticCatalog.WrongValueType, node.Span, listKey + " entry", "a mapping with 'to'", node.Describe());
            return null;
        }
        var fields = context.Fields(node, listKey + " entry", EdgeFields);
        var targetKey = fields.FirstPresent("to", "transition");
        if (targetKey is null)
        {
            context.Report(DiagnosticCatalog.MissingField, node.Span, "This transition", "to", "Name the state to go to.");
            return null;
        }
        var target = fields.Text(targetKey);
        if (target is null) return null;

        ProbabilitySpec? probability = null;
        var probabilityKey = fields.FirstPresent("probability", "distribution");
        if (probabilityKey is not null)
        {
            var probabilityNode = fields[probabilityKey]!;
            if (probabilityNode.IsScalar && probabilityNode.Value == "remainder")
            {
                probability = new ProbabilitySpec(0, true, probabilityNode.Span);
            }
            else
            {
                var value = context.Number(probabilityNode, probabilityKey);
                if (value is not null) probability = new ProbabilitySpec(value.Value, false, probabilityNode.Span);
            }
        }

        var conditionNode = fields["condition"];
        var condition = conditionNode is null ? null : ConditionBinder.Bind(conditionNode, context);
        return new TransitionSpec(target, fields.SpanOf(targetKey), condition, probability, node.Span);
    }
}
