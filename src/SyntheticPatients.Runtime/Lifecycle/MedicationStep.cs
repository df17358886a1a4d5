using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// First-line medications for the baseline conditions (<see cref="MedicationCatalog"/>), prescribed at the diagnosis
/// encounter; an add-on agent at a later follow-up for some. Chronic therapy has no stop (it ends with the
/// condition or the record); acute courses last their course length. A condition a module already treats (a
/// medication with that reason) gets nothing more.
/// </summary>
public sealed class MedicationStep : IPatientStep
{
    public string Name => "medications";

    public void Run(PatientRecord record, StepContext context)
    {
        if (!record.RunsBaseline(ModuleCategories.Medications)) return;
        var random = context.Random;
        var encounters = EncounterFactory.ById(record);
        int conditionCount = record.Conditions.Count;
        for (int i = 0; i < conditionCount; i++)
        {
            var condition = record.Conditions[i];
            if (condition.Source != "baseline") continue;
            var therapy = MedicationCatalog.For(condition.Definition);
            double treated = random.NextDouble();
            double pick = random.NextDouble();
            double addOn = random.NextDouble();
            double addOnPick = random.NextDouble();
            if (therapy is null || treated >= therapy.TreatedShare || AlreadyTreated(record, condition)) continue;
            var d = record.Demographics;
            if (LifeDates.AgeAt(d.BirthDate, condition.Start) < therapy.MinAge) continue;

            encounters.TryGetValue(condition.EncounterId ?? Guid.Empty, out var diagnosis);
            var start = diagnosis is null ? condition.Start : EncounterFactory.Inside(diagnosis, 10);
            var option = Choose(therapy.FirstLine, pick);
            Prescribe(record, random, therapy, option, condition, start, diagnosis?.Id);

            if (therapy.AddOn.Count > 0 && addOn < therapy.AddOnShare)
            {
                // The add-on comes at the first follow-up 3 to 24 months later (or at diagnosis when there is none).
                var followUp = EncounterFactory.FirstBetween(record, condition.Start.AddDays(90), condition.Start.AddDays(730),
                    e => e.Reason is { } reason && ConditionMatch.HasCode(condition.Definition, reason));
                var when = followUp is null ? start : EncounterFactory.Inside(followUp, 10);
                if (condition.Stop is { } stop && when >= stop) continue;
                Prescribe(record, random, therapy, Choose(therapy.AddOn, addOnPick), condition, when, followUp?.Id ?? diagnosis?.Id);
            }
        }
    }

    private static void Prescribe(PatientRecord record, PatientRandom random, TherapySpec therapy, MedicationOption option, ConditionRecord condition, DateTime start, Guid? encounterId)
    {
        var d = record.Demographics;
        var end = record.End;
        if (start >= end) return;
        DateTime? stop;
        int dispenses;
        if (therapy.Chronic)
        {
            stop = condition.Stop;
            var until = stop ?? end;
            dispenses = Math.Max(1, (int)((until - start).TotalDays / 30));
        }
        else
        {
            var courseEnd = start.AddDays(therapy.CourseMinDays + random.NextInt(therapy.CourseMaxDays - therapy.CourseMinDays + 1));
            stop = courseEnd < end ? courseEnd : end;
            dispenses = 1;
        }
        var payer = PayerCatalog.ForDate(d.Insurance, LifeDates.AgeAt(d.BirthDate, start), CareTeam.For(d).PrivatePlan);
        record.Medications.Add(new MedicationRecord(start, stop, encounterId, option.Medication, payer?.Id, option.CostPerDispense,
            dispenses, condition.Definition.PrimaryCode, "baseline"));
    }

    private static MedicationOption Choose(IReadOnlyList<MedicationOption> options, double u)
    {
        double total = 0;
        foreach (var option in options) total += option.Weight;
        double x = u * total;
        foreach (var option in options)
        {
            if (x < option.Weight) return option;
            x -= option.Weight;
        }
        return options[^1];
    }

    private static bool AlreadyTreated(PatientRecord record, ConditionRecord condition)
    {
        foreach (var medication in record.Medications)
        {
            if (medication.Source != "baseline" && medication.Reason is { } reason && ConditionMatch.HasCode(condition.Definition, reason)) return true;
        }
        return false;
    }
}
