using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;
using Spec = SyntheticPatients.Runtime.Lifecycle.Catalogs.ProcedureCatalog.ProcedureSpec;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Procedures: USPSTF screenings offered at wellness visits (colonoscopy 50-75, 45-75 from 2021, every 10 years;
/// biennial mammography for women 50-74, 40-74 from 2024; cervical cytology every 3 years 21-65; bone density at
/// 65+; yearly depression screening from 2016; lung cancer screening for smokers 55-80 from 2014, 50-80 from 2021)
/// with realistic uptake, and work-up procedures at the diagnosis of conditions. Each is attached to an encounter
/// and dated inside it; imaging and endoscopy get their own outpatient encounter a few weeks later.
/// </summary>
public sealed class ProcedureStep : IPatientStep
{
    public string Name => "procedures";

    public void Run(PatientRecord record, StepContext context)
    {
        if (!record.RunsBaseline(ModuleCategories.Procedures)) return;
        var random = context.Random;
        AddScreenings(record, random);
        AddDiagnosticProcedures(record, random);
    }

    private static void AddScreenings(PatientRecord record, PatientRandom random)
    {
        var d = record.Demographics;
        bool female = d.Gender == Gender.Female;
        DateTime nextColonoscopy = DateTime.MinValue, nextMammogram = DateTime.MinValue, nextCytology = DateTime.MinValue;
        DateTime nextDensity = DateTime.MinValue, nextLungScreen = DateTime.MinValue;
        var wellness = record.Encounters.Where(e => e.Source == "baseline" && EncounterFactory.IsWellness(e)).OrderBy(e => e.Start).ToList();
        foreach (var visit in wellness)
        {
            double age = LifeDates.AgeAt(d.BirthDate, visit.Start);
            var date = visit.Start;
            double u1 = random.NextDouble(), u2 = random.NextDouble(), u3 = random.NextDouble(), u4 = random.NextDouble(), u5 = random.NextDouble(), u6 = random.NextDouble(), u7 = random.NextDouble();
            if (age < 18) continue;

            double colonoscopyFrom = date >= new DateTime(2021, 5, 18) ? 45 : 50;
            if (age >= colonoscopyFrom && age < 76 && date >= nextColonoscopy && date.Year >= 1990)
            {
                nextColonoscopy = date.AddYears(1);
                if (u1 < 0.55 && OwnEncounter(record, random, visit, ProcedureCatalog.Colonoscopy, null)) nextColonoscopy = date.AddYears(10);
            }
            double mammographyFrom = date >= new DateTime(2024, 4, 30) ? 40 : 50;
            if (female && age >= mammographyFrom && age < 75 && date >= nextMammogram && date.Year >= 1990)
            {
                nextMammogram = date.AddYears(1);
                if (u2 < 0.70 && OwnEncounter(record, random, visit, ProcedureCatalog.Mammography, null)) nextMammogram = date.AddYears(2).AddDays(-30);
            }
            if (female && age >= 21 && age < 66 && date >= nextCytology && date.Year >= 1990 && u3 < 0.75)
            {
                if (AtEncounter(record, random, visit, ProcedureCatalog.CervicalCytology, null)) nextCytology = date.AddYears(3).AddDays(-30);
            }
            if (female && age >= 65 && date >= nextDensity && date.Year >= 2002 && u4 < 0.6)
            {
                bool osteoporosis = record.Conditions.Any(c => c.Definition == ConditionCodes.Osteoporosis && c.Start <= date);
                if (OwnEncounter(record, random, visit, ProcedureCatalog.BoneDensityScan, null)) nextDensity = date.AddYears(osteoporosis ? 2 : 10);
            }
            if (date.Year >= 2016 && u5 < 0.6) AtEncounter(record, random, visit, ProcedureCatalog.DepressionScreening, null);
            if (age >= 65 && u6 < 0.5) AtEncounter(record, random, visit, ProcedureCatalog.MedicationReconciliation, null);

            bool lungEligible = date >= new DateTime(2021, 3, 9) ? age is >= 50 and < 81 : date.Year >= 2014 && age is >= 55 and < 81;
            var smoking = SmokingHistory.At(d, date);
            bool recentSmoker = smoking == SmokingHistory.Status.Current
                || (smoking == SmokingHistory.Status.Former && LifeDates.AgeAt(d.BirthDate, date) - SmokingHistory.Ages(d).Quit < 15);
            if (lungEligible && recentSmoker && date >= nextLungScreen && u7 < 0.18)
            {
                if (OwnEncounter(record, random, visit, ProcedureCatalog.LungCancerScreening, null)) nextLungScreen = date.AddYears(1).AddDays(-30);
            }
        }
    }

    private static void AddDiagnosticProcedures(PatientRecord record, PatientRandom random)
    {
        var encounters = EncounterFactory.ById(record);
        int count = record.Conditions.Count;
        for (int i = 0; i < count; i++)
        {
            var condition = record.Conditions[i];
            if (condition.Source != "baseline" || condition.EncounterId is not { } id || !encounters.TryGetValue(id, out var diagnosis)) continue;
            foreach (var rule in ProcedureCatalog.AtDiagnosis)
            {
                if (!ReferenceEquals(rule.Condition, condition.Definition)) continue;
                if (random.NextDouble() >= rule.Share) continue;
                var reason = condition.Definition.PrimaryCode;
                if (rule.Procedure.OwnEncounter) OwnEncounter(record, random, diagnosis, rule.Procedure, reason);
                else AtEncounter(record, random, diagnosis, rule.Procedure, reason);
            }
        }
        // Yearly dilated eye exams for diabetes (ADA), at the first follow-up of the year, for 60% of years.
        foreach (var encounter in record.Encounters.ToArray())
        {
            if (encounter.Definition != EncounterCatalog.FollowUp || encounter.Reason is not { } reason) continue;
            if (reason.Value != ConditionCodes.Diabetes2.PrimaryCode!.Value || random.NextDouble() >= 0.3) continue;
            AtEncounter(record, random, encounter, ProcedureCatalog.OphthalmicExamination, reason);
        }
    }

    /// <summary>Records the procedure inside <paramref name="encounter"/>, after what is already there.</summary>
    private static bool AtEncounter(PatientRecord record, PatientRandom random, EncounterRecord encounter, Spec spec, Definitions.Code? reason)
    {
        int index = record.Encounters.FindIndex(e => e.Id == encounter.Id);
        if (index < 0) return false;
        encounter = record.Encounters[index];
        var start = EncounterFactory.Inside(encounter, 5 + random.NextInt(15));
        var stop = start.AddMinutes(spec.MinMinutes + random.NextInt(spec.MaxMinutes - spec.MinMinutes + 1));
        if (stop > encounter.Stop)
        {
            // Lengthen the visit to hold the procedure, within the record.
            var newStop = stop <= record.End ? stop : record.End;
            if (newStop > encounter.Stop) record.Encounters[index] = encounter with { Stop = newStop };
            stop = LifeDates.Max(newStop, start);
        }
        record.Procedures.Add(new ProcedureRecord(start, stop, encounter.Id, spec.Definition, spec.BaseCost, reason, "baseline"));
        return true;
    }

    /// <summary>Schedules the procedure in its own outpatient encounter 1 to 6 weeks after <paramref name="referral"/>.</summary>
    private static bool OwnEncounter(PatientRecord record, PatientRandom random, EncounterRecord referral, Spec spec, Definitions.Code? reason)
    {
        if (!record.RunsBaseline(ModuleCategories.Encounters)) return AtEncounter(record, random, referral, spec, reason);
        var day = referral.Start.Date.AddDays(7 + random.NextInt(36));
        var encounter = EncounterFactory.Create(record, random, EncounterCatalog.OutpatientProcedure, day, reason);
        if (encounter is null) return false;
        return AtEncounter(record, random, encounter, spec, reason);
    }
}
