using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Preventive visits: the AAP/Bright Futures well-child schedule (3-5 days, 1, 2, 4, 6, 9, 12, 15, 18, 24, 30 months,
/// then yearly to 17) and adult check-ups whose yearly attendance rises with age (NHIS 2019: 70-80% of adults
/// 45+ had a check-up in the past year, ~55% of young adults). From age 4 a year of age that already has a wellness
/// visit (a module's check-up, e.g. adult_primary_care_wellness) gets no second one: one preventive exam a year at
/// most (USPSTF/AAFP periodic health exam; Medicare covers one annual wellness visit a year).
/// </summary>
public static class WellnessSchedule
{
    /// <summary>Well-child visit ages in days (also the ages the immunization schedule uses).</summary>
    public static readonly IReadOnlyList<int> InfantVisitDays = new[] { 4, 30, 61, 122, 183, 274, 365, 456, 548, 730, 913, 1096 };

    public static void Add(PatientRecord record, PatientRandom random)
    {
        var d = record.Demographics;
        var end = record.End;
        foreach (int days in InfantVisitDays)
        {
            double attend = random.NextDouble();
            int jitter = random.NextInt(7);
            if (attend >= (days < 730 ? 0.93 : 0.88)) continue;
            EncounterFactory.Create(record, random, EncounterCatalog.WellChild, d.BirthDate.AddDays(days + jitter), null);
        }
        for (int age = 4; ; age++)
        {
            var birthday = d.BirthDate.AddYears(age);
            if (birthday >= end) break;
            double attend = random.NextDouble();
            int offset = random.NextInt(age < 18 ? 90 : 360);
            double rate = age switch { < 12 => 0.85, < 18 => 0.75, < 40 => 0.55, < 65 => 0.72, _ => 0.85 };
            if (attend >= rate || HasWellnessVisit(record, birthday, birthday.AddYears(1))) continue;
            var definition = age < 18 ? EncounterCatalog.WellChild : EncounterCatalog.GeneralExamination;
            EncounterFactory.Create(record, random, definition, birthday.AddDays(offset), null);
        }
    }

    private static bool HasWellnessVisit(PatientRecord record, DateTime from, DateTime until)
        => EncounterFactory.FirstBetween(record, from, until, EncounterFactory.IsWellness) is not null;
}
