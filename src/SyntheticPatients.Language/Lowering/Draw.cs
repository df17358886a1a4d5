using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Language.Lowering;

/// <summary>
/// A number drawn when a state runs (a delay in days, an observation value): exact (the constant <see cref="Low"/>,
/// no draw), uniform in [Low, High], or gaussian(mean Low, sd High) clamped to Min/Max when given; then rounded to
/// <see cref="Digits"/> decimals (-1: as drawn). Delays are never rounded.
/// </summary>
public sealed record Draw(DistributionKind Distribution, double Low, double High, double? Min, double? Max, int Digits)
{
    /// <summary>Math.Round accepts at most 15 digits; a negative count means "as drawn".</summary>
    public static Draw Of(QuantitySpec quantity, bool rounded)
        => new(quantity.Distribution, quantity.Low, quantity.High, quantity.Min, quantity.Max,
            rounded && quantity.Decimals >= 0 ? System.Math.Min(quantity.Decimals, 15) : -1);

    /// <summary>Whether the value is a constant (no random draw).</summary>
    public bool IsExact => Distribution == DistributionKind.Exact;
}
