using System.Collections.Generic;
using SyntheticPatients.Language.Execution;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Lowering;

/// <summary>
/// Lowers a state's transitions into a <see cref="TransitionTable"/>: the weights (<see cref="TransitionWeights"/>),
/// whether the draw is constant (every probabilistic edge unconditional: cumulative thresholds over the positive
/// edges, summed in edge order) or conditional (eligible weights summed when the state runs), and the else edge.
/// Conditions are lowered in the order the engines evaluate them.
/// </summary>
internal sealed class TransitionLowering
{
    private readonly ModuleSpec _spec;
    private readonly ConditionLowering _conditions;

    public TransitionLowering(ModuleSpec spec, ConditionLowering conditions)
    {
        _spec = spec;
        _conditions = conditions;
    }

    public TransitionTable Lower(StateSpec state)
    {
        var edges = state.Transitions;
        var weights = TransitionWeights.Of(edges);
        var probabilistic = new List<int>();
        var guarded = new List<GuardedEdge>();
        EdgeTarget? elseTarget = null;
        bool allUnconditional = true;
        for (int i = 0; i < edges.Count; i++)
        {
            var edge = edges[i];
            if (edge.Probability is not null)
            {
                probabilistic.Add(i);
                allUnconditional &= edge.Condition is null;
            }
            else if (edge.Condition is not null)
            {
                guarded.Add(new GuardedEdge(_conditions.Lower(edge.Condition), Target(edge.Target)));
            }
            else
            {
                elseTarget ??= Target(edge.Target);
            }
        }

        var table = new TransitionTable(guarded.ToEquatableArray(), DrawMode.None, EquatableArray<WeightedEdge>.Empty, 0, null, elseTarget);
        if (probabilistic.Count == 0) return table;
        return allUnconditional ? Constant(table, edges, weights, probabilistic) : Conditional(table, edges, weights, probabilistic);
    }

    private TransitionTable Constant(TransitionTable table, IReadOnlyList<TransitionSpec> edges, double[] weights, List<int> probabilistic)
    {
        var weighted = new List<WeightedEdge>();
        double total = 0;
        foreach (var i in probabilistic) total += weights[i];
        double cumulative = 0;
        foreach (var i in probabilistic)
        {
            if (weights[i] <= 0) continue;
            cumulative += weights[i];
            weighted.Add(new WeightedEdge(i, -1, weights[i], cumulative, Target(edges[i].Target)));
        }
        if (weighted.Count == 0)
        {
            return table with { Mode = DrawMode.LastEdge, Last = Target(edges[probabilistic[probabilistic.Count - 1]].Target) };
        }
        return table with { Mode = DrawMode.Constant, Weighted = weighted.ToEquatableArray(), Total = total };
    }

    private TransitionTable Conditional(TransitionTable table, IReadOnlyList<TransitionSpec> edges, double[] weights, List<int> probabilistic)
    {
        var weighted = new List<WeightedEdge>();
        foreach (var i in probabilistic)
        {
            int condition = edges[i].Condition is { } spec ? _conditions.Lower(spec) : -1;
            weighted.Add(new WeightedEdge(i, condition, weights[i], 0, Target(edges[i].Target)));
        }
        return table with { Mode = DrawMode.Conditional, Weighted = weighted.ToEquatableArray() };
    }

    /// <summary>The state index, or -1 (the run ends) for the implicit 'end' and unknown names.</summary>
    private EdgeTarget Target(string name) => new(_spec.IndexOf(name), name);
}
