using SyntheticPatients.Language.Execution;
using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>
/// Lowers a state's transitions into a <see cref="TransitionTable"/> with the choices TransitionEmitter makes at build
/// time: the same weights (<see cref="TransitionWeights"/>), constant thresholds summed in the same order, the same
/// fallback edges.
/// </summary>
internal sealed class TransitionLowering
{
    private readonly ModuleSpec _spec;
    private readonly ConditionLowering _conditions;
    private readonly List<TransitionTable> _tables = new();
    private readonly List<GuardedEdge> _guarded = new();
    private readonly List<WeightedEdge> _weighted = new();

    public TransitionLowering(ModuleSpec spec, ConditionLowering conditions)
    {
        _spec = spec;
        _conditions = conditions;
    }

    public TransitionTable[] Tables => _tables.ToArray();

    public GuardedEdge[] GuardedEdges => _guarded.ToArray();

    public WeightedEdge[] WeightedEdges => _weighted.ToArray();

    /// <summary>Adds a state's table; returns its index.</summary>
    public int Lower(StateSpec state)
    {
        var edges = state.Transitions;
        var weights = TransitionWeights.Of(edges);
        var probabilistic = new List<int>();
        int guardedFirst = _guarded.Count;
        int elseTarget = -1;
        bool hasElse = false;
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
                _guarded.Add(new GuardedEdge(_conditions.Lower(edge.Condition), Target(edge.Target)));
            }
            else if (!hasElse)
            {
                hasElse = true;
                elseTarget = Target(edge.Target);
            }
        }

        var table = new TransitionTable { GuardedFirst = guardedFirst, GuardedCount = _guarded.Count - guardedFirst, ElseTarget = elseTarget, WeightedFirst = _weighted.Count };
        if (probabilistic.Count > 0)
        {
            table = allUnconditional ? Constant(table, edges, weights, probabilistic) : Conditional(table, edges, weights, probabilistic);
        }
        _tables.Add(table);
        return _tables.Count - 1;
    }

    private TransitionTable Constant(TransitionTable table, IReadOnlyList<TransitionSpec> edges, double[] weights, List<int> probabilistic)
    {
        double total = 0;
        foreach (var i in probabilistic) total += weights[i];
        double cumulative = 0;
        foreach (var i in probabilistic)
        {
            if (weights[i] <= 0) continue;
            cumulative += weights[i];
            _weighted.Add(new WeightedEdge(-1, weights[i], cumulative, Target(edges[i].Target)));
        }
        int count = _weighted.Count - table.WeightedFirst;
        if (count == 0)
        {
            return table with { Mode = DrawMode.LastEdge, LastTarget = Target(edges[probabilistic[probabilistic.Count - 1]].Target) };
        }
        return table with { Mode = DrawMode.Constant, WeightedCount = count, Total = total };
    }

    private TransitionTable Conditional(TransitionTable table, IReadOnlyList<TransitionSpec> edges, double[] weights, List<int> probabilistic)
    {
        // Conditions are lowered in edge order, as the emitter evaluates them.
        foreach (var i in probabilistic)
        {
            int condition = edges[i].Condition is { } spec ? _conditions.Lower(spec) : -1;
            _weighted.Add(new WeightedEdge(condition, weights[i], 0, Target(edges[i].Target)));
        }
        return table with { Mode = DrawMode.Conditional, WeightedCount = probabilistic.Count };
    }

    /// <summary>The state index, or -1 (Terminated) for the implicit 'end' and unknown names.</summary>
    private int Target(string name) => _spec.IndexOf(name);
}
