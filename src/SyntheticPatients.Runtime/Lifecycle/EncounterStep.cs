using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Baseline encounters: preventive visits (<see cref="WellnessSchedule"/>), a diagnosis encounter for each baseline
/// condition (office, urgent care or emergency department for acute problems) to which the condition is attached,
/// and planned follow-ups for chronic conditions (e.g. 3 a year for diabetes, 2 for hypertension), one visit
/// covering several conditions, and ED visits and hospital stays for causes nothing else models (<see cref="HospitalUse"/>).
/// Module encounters are kept; nothing is added when a module replaced encounters.
/// </summary>
public sealed class EncounterStep : IPatientStep
{
    /// <summary>Most chronic follow-ups in one year, whatever the number of conditions.</summary>
    private const int MaxFollowUpsPerYear = 6;

    public string Name => "encounters";

    public void Run(PatientRecord record, StepContext context)
    {
        if (!record.RunsBaseline(ModuleCategories.Encounters)) return;
        var random = context.Random;
        WellnessSchedule.Add(record, random);
        AddDiagnosisEncounters(record, random);
        AddFollowUps(record, random);
        HospitalUse.Add(record, random);
    }

    private static void AddDiagnosisEncounters(PatientRecord record, PatientRandom random)
    {
        var acute = AcuteConditionCatalog.All;
        for (int i = 0; i < record.Conditions.Count; i++)
        {
            var condition = record.Conditions[i];
            if (condition.Source != "baseline" || condition.EncounterId is not null) continue;
            var spec = acute.FirstOrDefault(a => ReferenceEquals(a.Definition, condition.Definition));
            var definition = spec is null ? EncounterCatalog.Problem : Setting(spec, random.NextDouble());
            var encounter = EncounterFactory.Create(record, random, definition, condition.Start, condition.Definition.PrimaryCode);
            if (encounter is null) continue;
            DateTime? stop = condition.Stop is { } s && s < encounter.Start ? encounter.Stop : condition.Stop;
            record.Conditions[i] = condition with { Start = encounter.Start, Stop = stop, EncounterId = encounter.Id };
        }
    }

    private static EncounterDefinition Setting(AcuteConditionSpec spec, double u)
    {
        if (u < spec.EmergencyShare) return EncounterCatalog.Emergency;
        if (u < spec.EmergencyShare + spec.UrgentCareShare) return EncounterCatalog.UrgentCare;
        return EncounterCatalog.Problem;
    }

    private static void AddFollowUps(PatientRecord record, PatientRandom random)
    {
        var chronic = new List<(ConditionRecord Condition, int PerYear)>();
        foreach (var condition in record.Conditions)
        {
            var spec = ChronicConditionCatalog.Find(condition.Definition);
            if (spec is { FollowUpsPerYear: > 0 }) chronic.Add((condition, spec.FollowUpsPerYear));
        }
        if (chronic.Count == 0) return;
        var end = record.End;
        var first = chronic.Min(c => c.Condition.Start);
        for (int year = first.Year; year <= end.Year; year++)
        {
            var yearStart = new DateTime(year, 1, 1);
            var yearEnd = LifeDates.Min(yearStart.AddYears(1), end);
            int count = 0;
            ConditionRecord? main = null;
            DateTime windowStart = yearEnd;
            foreach (var (condition, perYear) in chronic)
            {
                // Follow-ups start a month after diagnosis and stop when the condition resolves.
                var activeFrom = LifeDates.Max(condition.Start.AddDays(30), yearStart);
                var activeTo = condition.Stop is { } stop ? LifeDates.Min(stop, yearEnd) : yearEnd;
                if (activeTo <= activeFrom) continue;
                if (activeFrom < windowStart) windowStart = activeFrom;
                if (perYear > count)
                {
                    count = perYear;
                    main = condition;
                }
            }
            if (main is null) continue;
            double fraction = (yearEnd - windowStart).TotalDays / 365.0;
            int visits = Math.Min(MaxFollowUpsPerYear, (int)Math.Round(count * fraction + random.NextDouble() - 0.5));
            for (int k = 0; k < visits; k++)
            {
                var day = LifeDates.DayBetween(random, windowStart, yearEnd.AddDays(-1));
                EncounterFactory.Create(record, random, EncounterCatalog.FollowUp, day, main.Definition.PrimaryCode);
            }
        }
    }
}
