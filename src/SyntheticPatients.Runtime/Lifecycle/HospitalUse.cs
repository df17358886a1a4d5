using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// ED visits and inpatient stays for causes nothing else models, at the yearly rates of <see cref="HospitalUseRates"/>:
/// for each year of life a Poisson number of each, on uniform days; an admission comes through the ED (a visit the
/// same day, before it) at the HCUP share. Visits get their class's hours and lengths (<see cref="VisitClock"/>).
/// </summary>
public static class HospitalUse
{
    public static void Add(PatientRecord record, PatientRandom random)
    {
        var birth = record.Demographics.BirthDate;
        var end = record.End;
        for (int age = 0; ; age++)
        {
            var from = birth.AddYears(age);
            if (from >= end) break;
            var until = LifeDates.Min(from.AddYears(1), end);
            double years = (until - from).TotalDays / 365.0;
            int visits = Poisson(random, HospitalUseRates.OtherEmergencyVisits.At(age + 0.5) * years);
            for (int k = 0; k < visits; k++)
            {
                EncounterFactory.Create(record, random, EncounterCatalog.Emergency, LifeDates.DayBetween(random, from, until.AddDays(-1)), null);
            }
            int stays = Poisson(random, HospitalUseRates.OtherInpatientStays.At(age + 0.5) * years);
            for (int k = 0; k < stays; k++) Admit(record, random, LifeDates.DayBetween(random, from, until.AddDays(-1)));
        }
    }

    private static void Admit(PatientRecord record, PatientRandom random, DateTime day)
    {
        bool throughEmergency = random.NextDouble() < HospitalUseRates.AdmittedThroughEmergency;
        var emergency = throughEmergency ? EncounterFactory.Create(record, random, EncounterCatalog.Emergency, day, null) : null;
        if (emergency is null)
        {
            EncounterFactory.Create(record, random, EncounterCatalog.Admission, day, null);
            return;
        }
        EncounterFactory.CreateAt(record, random, EncounterCatalog.Admission, emergency.Stop, null);
    }

    /// <summary>Knuth's method: means here are below 2.</summary>
    private static int Poisson(PatientRandom random, double mean)
    {
        if (mean <= 0) return 0;
        double limit = Math.Exp(-mean), product = random.NextDouble();
        int count = 0;
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }
        return count;
    }
}
