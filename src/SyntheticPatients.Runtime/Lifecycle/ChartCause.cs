using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// The cause of a baseline death, taken from the patient's chart: a death certificate names what the patient was
/// known to have, or the acute event that killed them. Natural deaths are split between the patient's active
/// conditions by their excess risk (the share of the hazard each one adds, <see cref="MortalityModel"/>); the rest of
/// the hazard goes to the CDC leading causes for the age, restricted to those the chart holds before death and to
/// acute events (heart attack, stroke, cardiac arrest, sudden infant death). External deaths are injuries. An acute
/// cause enters the chart as a condition starting at death.
/// </summary>
public static class ChartCause
{
    /// <summary>Natural cause, and whether it is an acute event at death: two draws whatever is decided, so the stream stays aligned.</summary>
    public static (ConditionDefinition Cause, bool Acute) Natural(PatientRecord record, double age, DateTime date, List<MortalityModel.RiskCondition> contributors, PatientRandom random)
    {
        double u = random.NextDouble();
        double v = random.NextDouble();
        // The share of this death attributable to the patient's conditions is excess / (1 + excess); split by excess risk.
        double excess = 0;
        foreach (var (_, risk, _, _) in contributors) excess += risk - 1;
        if (contributors.Count > 0 && u < excess / (1 + excess))
        {
            double x = v * excess;
            foreach (var (condition, risk, _, _) in contributors)
            {
                if (x < risk - 1) return (condition.Definition, false);
                x -= risk - 1;
            }
            return (contributors[^1].Condition.Definition, false);
        }
        return LeadingCause(record, age, date, v);
    }

    /// <summary>External cause and manner (accident, suicide, homicide) by age-specific shares; two draws.</summary>
    public static (ConditionDefinition Cause, string Manner) External(double age, PatientRandom random)
    {
        var (accident, suicide, homicide) = LifeTable.ExternalShares(age);
        double u = random.NextDouble() * (accident + suicide + homicide);
        double v = random.NextDouble();
        if (u < accident) return (DeathCauseCatalog.AccidentCause(age, v), "accident");
        if (u < accident + suicide) return (DeathCauseCatalog.Suicide, "suicide");
        return (DeathCauseCatalog.Assault, "homicide");
    }

    /// <summary>
    /// Records an acute cause (or an injury) in the chart: a new event, even after an earlier one, diagnosed at the
    /// emergency visit the patient dies in (from <see cref="MinutesBeforeDeath"/> before death). Returns that
    /// encounter. Nothing is recorded in a category a module replaced: that module's rows are then the whole of it.
    /// </summary>
    public static Guid? RecordAtDeath(PatientRecord record, ConditionDefinition cause, DateTime date, PatientRandom random)
    {
        if (!record.RunsBaseline(Modules.ModuleCategories.Conditions)) return null;
        EncounterRecord? encounter = null;
        var start = LifeDates.Max(record.Demographics.BirthDate, date.AddMinutes(-MinutesBeforeDeath));
        if (record.RunsBaseline(Modules.ModuleCategories.Encounters) && start < date)
        {
            encounter = EncounterFactory.CreateAt(record, random, EncounterCatalog.Emergency, start, cause.PrimaryCode);
        }
        record.Conditions.Add(new ConditionRecord(encounter?.Start ?? date, null, encounter?.Id, cause, "baseline"));
        return encounter?.Id;
    }

    /// <summary>How long before death the fatal event is diagnosed (arrival at the emergency department).</summary>
    private const int MinutesBeforeDeath = 60;

    /// <summary>A leading cause for the age among those the chart holds before death or that are acute events.</summary>
    private static (ConditionDefinition Cause, bool Acute) LeadingCause(PatientRecord record, double age, DateTime date, double v)
    {
        var gender = record.Demographics.Gender;
        double total = 0;
        foreach (var band in DeathCauseCatalog.NaturalCauses)
        {
            if (Possible(band, record, age, gender, date)) total += band.Weight;
        }
        double y = v * total;
        foreach (var band in DeathCauseCatalog.NaturalCauses)
        {
            if (!Possible(band, record, age, gender, date)) continue;
            if (y < band.Weight) return (band.Cause, band.Acute);
            y -= band.Weight;
        }
        // Every age range has an acute cause, so this is reached only through rounding at the end of the list.
        return (age < 1 ? DeathCauseCatalog.SuddenInfantDeath : age < 25 ? DeathCauseCatalog.CardiacArrest : DeathCauseCatalog.MyocardialInfarction, true);
    }

    private static bool Possible(DeathCauseCatalog.CauseBand band, PatientRecord record, double age, Gender gender, DateTime date)
        => age >= band.MinAge && age < band.MaxAge && (band.Gender is null || band.Gender == gender)
           && (band.Acute || Diagnosed(record, band.Cause, date));

    /// <summary>Whether the chart holds the concept before <paramref name="date"/>.</summary>
    private static bool Diagnosed(PatientRecord record, ConditionDefinition cause, DateTime date)
    {
        foreach (var condition in record.Conditions)
        {
            if (condition.Start < date && ConditionMatch.SameConcept(condition.Definition, cause)) return true;
        }
        return false;
    }
}
