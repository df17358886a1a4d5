using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Lifecycle;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Validation.Realism;

/// <summary>Measures of encounters: visit timing and length by class, and utilization rates (validation/realism/encounters.yaml).</summary>
public static class EncounterMeasures
{
    /// <summary>Rates are measured over these calendar years, the era of the surveys they are compared with.</summary>
    private const int RateFromYear = 2016, RateToYear = 2026;

    public static IEnumerable<Func<RealismMeasure>> All() => new Func<RealismMeasure>[]
    {
        () => new ShareMeasure("office_visits_lasting_exactly_24h_share", r => Office(r, e => e.Stop - e.Start == TimeSpan.FromDays(1))),
        () => new ShareMeasure("office_visits_starting_19_to_07_share", r => Office(r, e => e.Start.Hour >= 19 || e.Start.Hour < 7)),
        () => new ShareMeasure("office_visits_on_weekends_share", r => Office(r, e => VisitClock.IsWeekend(e.Start))),
        () => new MedianMeasure("ambulatory_visit_median_minutes", (r, v) => Minutes(r, v, EncounterClass.Ambulatory)),
        () => new MedianMeasure("wellness_visit_median_minutes", (r, v) => Minutes(r, v, EncounterClass.Wellness)),
        () => new MedianMeasure("virtual_visit_median_minutes", (r, v) => Minutes(r, v, EncounterClass.Virtual)),
        () => new MedianMeasure("emergency_visit_median_minutes", (r, v) => Minutes(r, v, EncounterClass.Emergency)),
        () => new ShareMeasure("emergency_arrivals_19_to_07_share", r => Count(r, EncounterClass.Emergency, e => e.Start.Hour >= 19 || e.Start.Hour < 7)),
        () => new ShareMeasure("urgent_care_visits_starting_08_to_20_share", r => Count(r, EncounterClass.Urgentcare, e => e.Start.Hour >= 8 && e.Start.Hour < 20)),
        () => new RateMeasure("wellness_visits_per_adult_year", 18, 200, RateFromYear, RateToYear, 1, e => e.Definition.Class == EncounterClass.Wellness),
        () => new ShareMeasure("adult_years_of_age_with_more_than_one_wellness_visit_share", AdultYearsWithSecondWellnessVisit),
        () => new RateMeasure("emergency_visits_per_1000_person_years", 0, 200, RateFromYear, RateToYear, 1000, e => e.Definition.Class == EncounterClass.Emergency),
        () => new RateMeasure("inpatient_stays_per_1000_person_years_65_plus", 65, 200, RateFromYear, RateToYear, 1000, e => e.Definition.Class == EncounterClass.Inpatient),
    };

    private static (long, long) Office(PatientRecord record, Func<EncounterRecord, bool> qualifies)
    {
        long q = 0, n = 0;
        foreach (var e in record.Encounters)
        {
            if (!VisitClock.IsOffice(e.Definition.Class)) continue;
            n++;
            if (qualifies(e)) q++;
        }
        return (q, n);
    }

    private static (long, long) Count(PatientRecord record, EncounterClass c, Func<EncounterRecord, bool> qualifies)
    {
        long q = 0, n = 0;
        foreach (var e in record.Encounters)
        {
            if (e.Definition.Class != c) continue;
            n++;
            if (qualifies(e)) q++;
        }
        return (q, n);
    }

    private static void Minutes(PatientRecord record, List<double> values, EncounterClass c)
    {
        foreach (var e in record.Encounters)
        {
            if (e.Definition.Class == c) values.Add((e.Stop - e.Start).TotalMinutes);
        }
    }

    /// <summary>Of the years of age from 18 with a wellness visit, those with more than one.</summary>
    private static (long, long) AdultYearsWithSecondWellnessVisit(PatientRecord record)
    {
        var birth = record.Demographics.BirthDate;
        var perYear = new Dictionary<int, int>();
        foreach (var e in record.Encounters)
        {
            if (e.Definition.Class != EncounterClass.Wellness) continue;
            int age = (int)Math.Floor(LifeDates.AgeAt(birth, e.Start));
            if (age >= 18) perYear[age] = perYear.GetValueOrDefault(age) + 1;
        }
        return (perYear.Values.Count(n => n > 1), perYear.Count);
    }
}
