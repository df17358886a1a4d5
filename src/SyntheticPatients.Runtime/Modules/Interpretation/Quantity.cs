using SyntheticPatients.Language.Lowering;
using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>
/// A program's <see cref="Language.Lowering.Draw"/> as a struct the step reads without indirection: uniform
/// NextDouble(low, high); gaussian NextGaussian(mean, sd) clamped to min/max when given; rounded to its digits.
/// </summary>
internal readonly struct Quantity
{
    private readonly DistributionKind _distribution;
    private readonly double _low, _high, _min, _max;
    private readonly bool _hasMin, _hasMax;
    private readonly int _digits;

    private Quantity(DistributionKind distribution, double low, double high, double? min, double? max, int digits)
    {
        _distribution = distribution;
        _low = low;
        _high = high;
        _hasMin = min.HasValue;
        _hasMax = max.HasValue;
        _min = min.GetValueOrDefault();
        _max = max.GetValueOrDefault();
        _digits = digits;
    }

    /// <summary>An observation without a value: NaN.</summary>
    public static Quantity None => new(DistributionKind.Exact, double.NaN, 0, null, null, -1);

    /// <summary>Whether there is a value to draw (not <see cref="None"/>).</summary>
    public bool HasValue => !(_distribution == DistributionKind.Exact && double.IsNaN(_low));

    public static Quantity From(Draw? draw)
        => draw is null ? None : new(draw.Distribution, draw.Low, draw.High, draw.Min, draw.Max, draw.Digits);

    /// <summary>The drawn number (an exact quantity's constant).</summary>
    public double Draw(PatientRandom random)
    {
        switch (_distribution)
        {
            case DistributionKind.Exact:
                return _low;
            case DistributionKind.Uniform:
                return random.NextDouble(_low, _high);
            default:
                double draw = _distribution == DistributionKind.Exponential ? random.NextExponential(_low) : random.NextGaussian(_low, _high);
                if (_hasMin && _hasMax) return Math.Clamp(draw, _min, _max);
                if (_hasMin) return Math.Max(draw, _min);
                return _hasMax ? Math.Min(draw, _max) : draw;
        }
    }

    /// <summary>An observation value: a constant as written, a draw rounded to its digits.</summary>
    public double Value(PatientRandom random)
    {
        if (_distribution == DistributionKind.Exact) return _low;
        double draw = Draw(random);
        return _digits >= 0 ? Math.Round(draw, _digits) : draw;
    }
}
