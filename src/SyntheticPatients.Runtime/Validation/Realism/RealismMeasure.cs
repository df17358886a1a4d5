using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Validation.Realism;

/// <summary>
/// A named function over patient records: it sees each finished record once (in index order, one at a time) and
/// then gives one number. New measures (population, mortality, prevalence) derive from this and register in
/// <see cref="RealismMeasures"/>; a realism row names one.
/// </summary>
public abstract class RealismMeasure(string name)
{
    public string Name { get; } = name;

    public abstract void Observe(PatientRecord record);

    /// <summary>The measured value (NaN when nothing was eligible).</summary>
    public abstract double Value { get; }
}

/// <summary>A share: eligible items counted by <see cref="Count"/>, those that qualify over all of them.</summary>
public sealed class ShareMeasure(string name, Func<PatientRecord, (long Qualifying, long Eligible)> count) : RealismMeasure(name)
{
    private long _qualifying, _eligible;

    public override void Observe(PatientRecord record)
    {
        var (q, e) = count(record);
        _qualifying += q;
        _eligible += e;
    }

    public override double Value => _eligible == 0 ? double.NaN : (double)_qualifying / _eligible;
}

/// <summary>The median of values taken from each record (e.g. visit lengths in minutes).</summary>
public sealed class MedianMeasure(string name, Action<PatientRecord, List<double>> values) : RealismMeasure(name)
{
    private readonly List<double> _values = new();

    public override void Observe(PatientRecord record) => values(record, _values);

    public override double Value
    {
        get
        {
            if (_values.Count == 0) return double.NaN;
            _values.Sort();
            int mid = _values.Count / 2;
            return _values.Count % 2 == 1 ? _values[mid] : (_values[mid - 1] + _values[mid]) / 2;
        }
    }
}

/// <summary>
/// Events per <see cref="Per"/> person-years lived in an age band during calendar years [from, to): the rate a
/// survey of that period reports (NHAMCS, HCUP count visits in a year over the population of that year).
/// </summary>
public sealed class RateMeasure(string name, double minAge, double maxAge, int fromYear, int toYear, double per, Func<EncounterRecord, bool> counts) : RealismMeasure(name)
{
    private double _personYears;
    private long _events;

    public double Per { get; } = per;

    public override void Observe(PatientRecord record)
    {
        var birth = record.Demographics.BirthDate;
        var from = Later(Later(new DateTime(fromYear, 1, 1), birth.AddDays(minAge * Lifecycle.LifeDates.DaysPerYear)), birth);
        var to = Earlier(Earlier(new DateTime(toYear, 1, 1), record.End), birth.AddDays(maxAge * Lifecycle.LifeDates.DaysPerYear));
        if (to <= from) return;
        _personYears += (to - from).TotalDays / Lifecycle.LifeDates.DaysPerYear;
        foreach (var e in record.Encounters)
        {
            if (e.Start >= from && e.Start < to && counts(e)) _events++;
        }
    }

    public override double Value => _personYears == 0 ? double.NaN : _events * Per / _personYears;

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;
}
