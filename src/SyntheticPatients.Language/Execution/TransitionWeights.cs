using System.Collections.Generic;
using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Language.Execution;

/// <summary>
/// The weight of each probabilistic edge: its probability clamped to >= 0, and for the remainder edge
/// 1 minus the other unconditional weights (not below 0). Edges without a probability get 0. Shared by the emitter and
/// the run-time interpreter, so both draw against the same numbers.
/// </summary>
public static class TransitionWeights
{
    public static double[] Of(IReadOnlyList<TransitionSpec> edges)
    {
        double unconditional = 0;
        foreach (var edge in edges)
        {
            if (edge.Probability is { IsRemainder: false } p && edge.Condition is null) unconditional += Clamp(p.Value);
        }
        var weights = new double[edges.Count];
        for (int i = 0; i < edges.Count; i++)
        {
            if (edges[i].Probability is not { } probability) continue;
            weights[i] = probability.IsRemainder ? Clamp(1.0 - unconditional) : Clamp(probability.Value);
        }
        return weights;
    }

    private static double Clamp(double value) => value > 0 ? value : 0; // also maps NaN to 0
}
