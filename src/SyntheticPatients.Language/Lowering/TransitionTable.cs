using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Lowering;

/// <summary>How a state's probabilistic edges are drawn.</summary>
public enum DrawMode : byte
{
    /// <summary>No probabilistic edge.</summary>
    None,

    /// <summary>Every probabilistic edge is unconditional and every weight is 0: the last one, no draw.</summary>
    LastEdge,

    /// <summary>Every probabilistic edge is unconditional: constant cumulative thresholds over the positive edges.</summary>
    Constant,

    /// <summary>Some edges have conditions: the eligible weights are summed when the state runs.</summary>
    Conditional,
}

/// <summary>
/// A state's outgoing edges in the order they are tried (see TransitionSpec): the conditional edges (the first that
/// holds wins); then one weighted draw (exactly one random number when the eligible weight is positive, none
/// otherwise); then the else edge; then the run ends.
/// </summary>
/// <param name="Weighted">
/// Constant: only the positive edges, each with its cumulative <see cref="WeightedEdge.Threshold"/>; the last one
/// takes the rest, which also absorbs rounding at the top of the range. Conditional: every probabilistic edge.
/// </param>
/// <param name="Total">Constant: the sum of the weights; the draw is scaled by it unless it is exactly 1.</param>
/// <param name="Last">LastEdge: the edge taken.</param>
/// <param name="Else">The first edge with neither condition nor probability, if any.</param>
public sealed record TransitionTable(
    EquatableArray<GuardedEdge> Guarded,
    DrawMode Mode,
    EquatableArray<WeightedEdge> Weighted,
    double Total,
    EdgeTarget? Last,
    EdgeTarget? Else)
{
    /// <summary>Whether the draw always picks an edge, so nothing after it is tried.</summary>
    public bool DrawAlwaysPicks
    {
        get
        {
            if (Mode is DrawMode.LastEdge or DrawMode.Constant) return true;
            if (Mode != DrawMode.Conditional) return false;
            foreach (var edge in Weighted)
            {
                if (edge.Condition < 0) return true; // an unconditional edge is always eligible: the fallback picks it
            }
            return false;
        }
    }
}

/// <summary>Where an edge goes: a state index, or -1 (the run ends) for the implicit <c>end</c> and unknown names.</summary>
public readonly record struct EdgeTarget(int State, string Name)
{
    public bool Ends => State < 0;
}

/// <summary>An edge with a condition and no probability.</summary>
public readonly record struct GuardedEdge(int Condition, EdgeTarget Target);

/// <summary>
/// A probabilistic edge: its index among the state's transitions, its condition (-1: none), its weight, and for
/// constant draws the cumulative threshold.
/// </summary>
public readonly record struct WeightedEdge(int Edge, int Condition, double Weight, double Threshold, EdgeTarget Target);
