using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Whether and when the patient died before the end date: year by year from birth, with life-table hazards scaled
/// by the conditions active that year (<see cref="MortalityModel"/>). Most patients are alive at the end date; a
/// death recorded by a module wins. The cause is one of the patient's conditions in proportion to its excess risk,
/// otherwise a leading cause for the age; external deaths (accident, suicide, homicide) follow age-specific shares.
/// </summary>
public sealed class DeathStep : IPatientStep
{
    public string Name => "death";

    public void Run(PatientRecord record, StepContext context)
    {
        if (record.Death is not null) return;
        var random = context.Random;
        var d = record.Demographics;
        var end = d.SimulationEnd;
        var conditions = MortalityModel.RiskConditions(record);
        var contributors = new List<MortalityModel.RiskCondition>();

        for (int year = 0; ; year++)
        {
            var from = d.BirthDate.AddYears(year);
            if (from >= end) return;
            var to = LifeDates.Min(d.BirthDate.AddYears(year + 1), end);
            double relativeRisk = MortalityModel.RelativeRisk(record, conditions, from, contributors);
            var (natural, external) = MortalityModel.Hazards(year, d.Gender, relativeRisk);
            double fraction = (to - from).TotalDays / LifeDates.DaysPerYear;
            double probability = 1 - Math.Exp(-(natural + external) * fraction);
            if (random.NextDouble() >= probability) continue;

            var date = LifeDates.Between(random, from, to);
            bool isExternal = random.NextDouble() < external / (natural + external);
            var (cause, manner) = isExternal
                ? ExternalCause(year, random)
                : (NaturalCause(year, d.Gender, contributors, random), "natural");
            record.Death = new DeathRecord(date, cause, null, manner, "baseline");
            return;
        }
    }

    private static (ConditionDefinition Cause, string Manner) ExternalCause(double age, PatientRandom random)
    {
        var (accident, suicide, homicide) = LifeTable.ExternalShares(age);
        double u = random.NextDouble() * (accident + suicide + homicide);
        double v = random.NextDouble();
        if (u < accident) return (DeathCauseCatalog.AccidentCause(age, v), "accident");
        if (u < accident + suicide) return (DeathCauseCatalog.Suicide, "suicide");
        return (DeathCauseCatalog.Assault, "homicide");
    }

    private static ConditionDefinition NaturalCause(double age, Gender gender, List<MortalityModel.RiskCondition> contributors, PatientRandom random)
    {
        double u = random.NextDouble();
        double v = random.NextDouble();
        // The share of this death attributable to the patient's conditions is excess / (1 + excess); split by excess risk.
        double excess = 0;
        foreach (var (_, risk, _) in contributors) excess += risk - 1;
        if (contributors.Count > 0 && u < excess / (1 + excess))
        {
            double x = v * excess;
            foreach (var (condition, risk, _) in contributors)
            {
                if (x < risk - 1) return condition.Definition;
                x -= risk - 1;
            }
            return contributors[^1].Condition.Definition;
        }
        double total = 0;
        foreach (var band in DeathCauseCatalog.NaturalCauses)
        {
            if (Applies(band, age, gender)) total += band.Weight;
        }
        double y = v * total;
        foreach (var band in DeathCauseCatalog.NaturalCauses)
        {
            if (!Applies(band, age, gender)) continue;
            if (y < band.Weight) return band.Cause;
            y -= band.Weight;
        }
        return DeathCauseCatalog.Cancer;
    }

    private static bool Applies(DeathCauseCatalog.CauseBand band, double age, Gender gender)
        => age >= band.MinAge && age < band.MaxAge && (band.Gender is null || band.Gender == gender);
}
