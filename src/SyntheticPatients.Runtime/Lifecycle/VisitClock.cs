using SyntheticPatients.Runtime.Definitions;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// When visits of each class happen and how long they last, one policy for baseline, module and linked encounters.
/// Office-type visits (ambulatory, wellness, outpatient, virtual, home) are booked on weekdays 08:00-17:00 (office
/// hours of office-based practices, NAMCS 2018 National Summary Tables); urgent care is open 08:00-20:00 every day
/// (Urgent Care Association 2019 benchmarking: most centres open 7 days, 12 h a day); emergency departments take
/// arrivals at any hour, fewest at night (NHAMCS arrival-hour distribution, e.g. NHAMCS 2017-2019 ED visits by hour).
/// </summary>
public static class VisitClock
{
    private const int OfficeOpensMinute = 8 * 60;
    private const int OfficeClosesMinute = 17 * 60;
    private const int UrgentOpensMinute = 8 * 60;
    private const int UrgentClosesMinute = 20 * 60;

    // Relative ED arrivals by hour 00..23: trough 03-06 (about 2% of visits an hour), rising through the morning,
    // peak late morning to early evening (about 6% an hour). Shape of the NHAMCS arrival-hour tables (ED summaries).
    private static readonly double[] EmergencyArrivalsByHour =
    {
        2.7, 2.2, 1.9, 1.6, 1.5, 1.6, 2.1, 3.0, 4.3, 5.4, 5.9, 6.0, 5.9, 5.8, 5.7, 5.6, 5.5, 5.5, 5.4, 5.1, 4.7, 4.2, 3.6, 3.1,
    };

    private static readonly double[] EmergencyCumulative = Cumulative(EmergencyArrivalsByHour);

    /// <summary>Office-type classes: booked on weekdays in office hours and lasting minutes.</summary>
    public static bool IsOffice(EncounterClass c) => c is EncounterClass.Ambulatory or EncounterClass.Wellness
        or EncounterClass.Outpatient or EncounterClass.Virtual or EncounterClass.Home;

    public static bool IsWeekend(DateTime day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>The nearest weekday to <paramref name="day"/> (Saturday: the Friday before; Sunday: the Monday after).</summary>
    public static DateTime NearestWeekday(DateTime day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(-1),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    /// <summary>A start time on <paramref name="day"/> (its date is kept) for a visit of this class and length.</summary>
    public static DateTime StartOn(PatientRandom random, EncounterClass c, DateTime day, TimeSpan length)
    {
        var date = day.Date;
        switch (c)
        {
            case EncounterClass.Emergency:
            case EncounterClass.Inpatient: // most admissions come through the ED (HCUP: about two thirds), so ED hours
                return date.AddHours(DrawHour(random)).AddMinutes(random.NextInt(60));
            case EncounterClass.Urgentcare:
                return date.AddMinutes(QuarterHour(random, UrgentOpensMinute, UrgentClosesMinute, length));
            default:
                return date.AddMinutes(QuarterHour(random, OfficeOpensMinute, OfficeClosesMinute, length));
        }
    }

    /// <summary>
    /// A visit length by class. Office visits: time with the clinician plus rooming (NAMCS 2018: most visits 11-30
    /// minutes with the physician); wellness exams are the longest office visits; telephone/video contacts are short;
    /// outpatient procedures 1-3 h; urgent care door-to-door about an hour; ED visits median about 2.5-3 h with a
    /// long right tail (NHAMCS 2021 ED summary tables, time spent in the ED); an inpatient stay without an end gets
    /// the HCUP mean length of stay, about 4.6 days (HCUP Statistical Brief 246, 2016).
    /// </summary>
    public static TimeSpan Length(PatientRandom random, EncounterClass c) => c switch
    {
        EncounterClass.Wellness => Minutes(random, 30, 60),
        EncounterClass.Virtual => Minutes(random, 10, 25),
        EncounterClass.Home => Minutes(random, 30, 60),
        EncounterClass.Outpatient => Minutes(random, 60, 180),
        EncounterClass.Urgentcare => Minutes(random, 40, 100),
        EncounterClass.Emergency => TimeSpan.FromMinutes(Math.Clamp(Math.Round(LogNormal(random, 165, 0.6)), 45, 24 * 60)),
        EncounterClass.Inpatient => TimeSpan.FromHours(Math.Clamp(Math.Round(LogNormal(random, 3.5 * 24, 0.7)), 24, 60 * 24)),
        _ => Minutes(random, 15, 40),
    };

    /// <summary>Whether a visit already keeps its class's hours and a length the class allows (then it is left alone).</summary>
    public static bool Fits(EncounterClass c, DateTime start, DateTime stop)
    {
        var minutes = (stop - start).TotalMinutes;
        int minuteOfDay = start.Hour * 60 + start.Minute;
        return c switch
        {
            EncounterClass.Emergency => minutes < 24 * 60,
            EncounterClass.Inpatient => minutes >= 24 * 60,
            EncounterClass.Urgentcare => minuteOfDay >= UrgentOpensMinute && start.AddMinutes(minutes) <= start.Date.AddMinutes(UrgentClosesMinute + 60) && minutes <= 180,
            _ => !IsWeekend(start) && minuteOfDay >= OfficeOpensMinute && minuteOfDay < OfficeClosesMinute && minutes <= 240,
        };
    }

    private static TimeSpan Minutes(PatientRandom random, int low, int high) => TimeSpan.FromMinutes(low + random.NextInt(high - low + 1));

    private static int QuarterHour(PatientRandom random, int opens, int closes, TimeSpan length)
    {
        // Last booking leaves time to finish by closing (at least the opening slot).
        int slots = Math.Max(1, (closes - opens - (int)Math.Min(length.TotalMinutes, 120)) / 15 + 1);
        return opens + 15 * random.NextInt(slots);
    }

    private static int DrawHour(PatientRandom random)
    {
        double u = random.NextDouble() * EmergencyCumulative[^1];
        int hour = Array.BinarySearch(EmergencyCumulative, u);
        return Math.Min(23, hour < 0 ? ~hour : hour);
    }

    private static double LogNormal(PatientRandom random, double median, double sigma) => median * Math.Exp(random.NextGaussian(0, sigma));

    private static double[] Cumulative(double[] weights)
    {
        var sums = new double[weights.Length];
        double total = 0;
        for (int i = 0; i < weights.Length; i++) sums[i] = total += weights[i];
        return sums;
    }
}
