using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Model;

/// <summary>
/// One outgoing edge. Selection (see docs/module-language.md, "Transitions"):
/// 1. the first edge with a condition and no probability whose condition holds wins;
/// 2. otherwise a weighted draw among edges with a probability whose condition holds (or that have none);
/// 3. otherwise the first edge with neither condition nor probability (the "else" edge).
/// </summary>
public sealed record TransitionSpec(
    string Target,
    SourceSpan TargetSpan,
    ConditionSpec? Condition,
    ProbabilitySpec? Probability,
    SourceSpan Span);

/// <summary>A branch weight, or the explicit remainder (1 minus the other unconditional weights).</summary>
public sealed record ProbabilitySpec(double Value, bool IsRemainder, SourceSpan Span);
