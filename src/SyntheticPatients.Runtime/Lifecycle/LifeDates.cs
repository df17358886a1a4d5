namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>Date arithmetic shared by the baseline steps (ages, random dates; visit hours are in VisitClock).</summary>
public static class LifeDates
{
    public const double DaysPerYear = 365.2425;

    /// <summary>The date <paramref name="years"/> (fractional) after <paramref name="birth"/>.</summary>
    public static DateTime AtAge(DateTime birth, double years) => birth.AddDays(years * DaysPerYear);

    /// <summary>Fractional age in years at <paramref name="date"/>.</summary>
    public static double AgeAt(DateTime birth, DateTime date) => (date - birth).TotalDays / DaysPerYear;

    /// <summary>Uniform instant in [from, to) (returns <paramref name="from"/> when the range is empty).</summary>
    public static DateTime Between(PatientRandom random, DateTime from, DateTime to)
    {
        if (to <= from) return from;
        return from.AddTicks((long)(random.NextDouble() * (to - from).Ticks));
    }

    /// <summary>Uniform calendar day (midnight) in [from, to].</summary>
    public static DateTime DayBetween(PatientRandom random, DateTime from, DateTime to)
    {
        var first = from.Date;
        var last = to.Date;
        if (last <= first) return first;
        return first.AddDays(random.NextInt((int)(last - first).TotalDays + 1));
    }

    public static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    public static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
