using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Model;

public enum ValueKind : byte
{
    Null,
    Boolean,
    Number,
    Text,
}

/// <summary>A literal attribute value (number, text, boolean or null).</summary>
public sealed record ValueSpec(ValueKind Kind, double Number, string? Text, SourceSpan Span)
{
    public static ValueSpec Null(SourceSpan span) => new(ValueKind.Null, 0, null, span);
}

public enum DistributionKind : byte
{
    Exact,
    Uniform,
    Gaussian,

    /// <summary>Exponential with mean <c>Low</c> (Synthea's EXPONENTIAL): waiting times of events that come at a constant rate.</summary>
    Exponential,
}

/// <summary>
/// A numeric quantity drawn when the state runs: exact, uniform in [Low, High], gaussian(Mean=Low, SD=High) or
/// exponential(Mean=Low), the last two clamped to [Min, Max] when given. Delays are stored in days.
/// </summary>
public sealed record QuantitySpec(
    DistributionKind Distribution,
    double Low,
    double High,
    double? Min,
    double? Max,
    string? Unit,
    int Decimals,
    SourceSpan Span);
