namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>A piecewise-linear function of age in years (flat before the first and after the last point).</summary>
public sealed class AgeCurve
{
    private readonly double[] _ages;
    private readonly double[] _values;

    public AgeCurve(params (double Age, double Value)[] points)
    {
        if (points.Length == 0) throw new ArgumentException("An age curve needs a point.", nameof(points));
        _ages = points.Select(p => p.Age).ToArray();
        _values = points.Select(p => p.Value).ToArray();
        for (int i = 1; i < _ages.Length; i++)
        {
            if (_ages[i] <= _ages[i - 1]) throw new ArgumentException("Ages must increase.", nameof(points));
        }
    }

    public double At(double age)
    {
        if (age <= _ages[0]) return _values[0];
        int last = _ages.Length - 1;
        if (age >= _ages[last]) return _values[last];
        int i = 1;
        while (_ages[i] < age) i++;
        double t = (age - _ages[i - 1]) / (_ages[i] - _ages[i - 1]);
        return _values[i - 1] + t * (_values[i] - _values[i - 1]);
    }

    /// <summary>
    /// An onset age for someone who has the condition at <paramref name="age"/>: the age at which the running maximum
    /// of the curve (a cumulative-incidence view of prevalence) first reaches <paramref name="u"/> times its value at
    /// <paramref name="age"/>, so onsets follow the slope of the prevalence curve. Never below <paramref name="minAge"/>.
    /// </summary>
    public double OnsetAge(double age, double u, double minAge)
    {
        double target = u * RunningMax(age);
        double lo = minAge;
        double hi = Math.Max(minAge, age);
        if (RunningMax(lo) >= target) return lo + (hi - lo) * u * 0.1;
        for (int iteration = 0; iteration < 40; iteration++)
        {
            double mid = 0.5 * (lo + hi);
            if (RunningMax(mid) < target) lo = mid; else hi = mid;
        }
        return hi;
    }

    private double RunningMax(double age)
    {
        double max = _values[0];
        for (int i = 0; i < _ages.Length && _ages[i] <= age; i++) max = Math.Max(max, _values[i]);
        return Math.Max(max, At(age));
    }
}
