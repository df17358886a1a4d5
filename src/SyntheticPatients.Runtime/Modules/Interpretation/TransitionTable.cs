namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>How a state's probabilistic edges are drawn (the emitter's constant or conditional draw).</summary>
internal enum DrawMode : byte
{
    /// <summary>No probabilistic edge.</summary>
    None,

    /// <summary>Every probabilistic edge is unconditional and every weight is 0: the last edge, no draw.</summary>
    LastEdge,

    /// <summary>Every probabilistic edge is unconditional: constant cumulative thresholds over the positive edges.</summary>
    Constant,

    /// <summary>Some edges have conditions: eligible weights summed at run time.</summary>
    Conditional,
}

/// <summary>
/// A state's outgoing edges, in the order the emitter tests them: conditional edges (first that holds wins), then one
/// weighted draw, then the else edge. Targets are state indices; -1 ends the run (Terminated).
/// </summary>
internal readonly struct TransitionTable
{
    public int GuardedFirst { get; init; }

    public int GuardedCount { get; init; }

    public DrawMode Mode { get; init; }

    public int WeightedFirst { get; init; }

    public int WeightedCount { get; init; }

    /// <summary>Sum of the unconditional weights (Constant); the draw is multiplied by it unless it is exactly 1.</summary>
    public double Total { get; init; }

    /// <summary>LastEdge's target.</summary>
    public int LastTarget { get; init; }

    /// <summary>The first edge with neither condition nor probability, or -1.</summary>
    public int ElseTarget { get; init; }
}

/// <summary>An edge with a condition and no probability.</summary>
internal readonly record struct GuardedEdge(int Condition, int Target);

/// <summary>
/// A probabilistic edge. Constant draws keep only the positive edges, with <see cref="Threshold"/> the cumulative
/// weight; conditional draws keep every probabilistic edge (Condition -1 when it has none).
/// </summary>
internal readonly record struct WeightedEdge(int Condition, double Weight, double Threshold, int Target);
