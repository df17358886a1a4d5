using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Annual death hazards: the life table's natural-cause part scaled by the patient's relative risk (active
/// conditions, smoking, heavy drinking) and divided by the population's mean relative risk at that age (so the
/// population as a whole follows the life table), plus the external-cause part, which conditions do not change.
/// </summary>
public static class MortalityModel
{
    /// <summary>
    /// Mean relative risk of the people alive at each age, measured on 10,000 patients of the baseline conditions and
    /// death steps (ConditionAndDeathTests.Population_relative_risk..., which guards it), cancers included, iterated
    /// until the table reproduces itself (deadly conditions are rarer among survivors; a cancer's relative risk
    /// depends on the table, as it adds a fixed excess hazard); dividing by it keeps population mortality on the
    /// life table. Re-measured when cancers changed from a fixed relative risk to an excess hazard (six iterations,
    /// the last one moving no point by more than 0.02).
    /// </summary>
    private static readonly AgeCurve PopulationRelativeRisk = new((0, 1.0), (20, 1.29), (37, 2.56), (50, 2.43), (60, 3.77), (70, 3.13), (80, 2.83), (90, 1.96));

    /// <summary>
    /// A condition that raises mortality while active (a past stroke keeps raising it after it resolves). A cancer
    /// adds an absolute excess hazard (per year) instead of a fixed relative risk; <see cref="RelativeRisk"/> turns
    /// it into the relative risk that adds that hazard at the patient's age.
    /// </summary>
    public readonly record struct RiskCondition(ConditionRecord Condition, double Risk, bool Persists, double ExcessHazard)
    {
        /// <summary>A cancer: spared by the modules' thinning (<see cref="ModuleMortality"/>).</summary>
        public bool Cancer => ExcessHazard > 0;
    }

    /// <summary>The patient's conditions that raise mortality, computed once per patient.</summary>
    public static List<RiskCondition> RiskConditions(PatientRecord record)
    {
        var list = new List<RiskCondition>();
        foreach (var condition in record.Conditions)
        {
            var spec = ChronicConditionCatalog.Find(condition.Definition);
            if (spec is null) continue;
            bool persists = spec.Key == "stroke";
            double risk = persists ? 2.0 : spec.MortalityRisk;
            if (risk > 1 || spec.ExcessHazard > 0) list.Add(new RiskCondition(condition, risk, persists, spec.ExcessHazard));
        }
        return list;
    }

    /// <summary>Relative risk of natural death at <paramref name="date"/> and the conditions behind it.</summary>
    public static double RelativeRisk(PatientRecord record, List<RiskCondition> conditions, DateTime date, List<RiskCondition> contributors)
    {
        contributors.Clear();
        var d = record.Demographics;
        double age = LifeDates.AgeAt(d.BirthDate, date);
        // Excess risks of several conditions add up (multiplying them overstates multimorbidity).
        double risk = 1;
        foreach (var item in conditions)
        {
            var condition = item.Condition;
            if (condition.Start > date || (!item.Persists && condition.Stop is { } stop && stop <= date)) continue;
            // A cancer's excess hazard is the same at every age (relative survival), so its relative risk is not.
            var active = item.Cancer ? item with { Risk = 1 + item.ExcessHazard / Hazards(age, d.Gender, 1).Natural } : item;
            risk += active.Risk - 1;
            contributors.Add(active);
        }
        if (age >= 30)
        {
            var smoking = SmokingHistory.At(d, date);
            if (smoking == SmokingHistory.Status.Current) risk *= 2.0;
            else if (smoking == SmokingHistory.Status.Former) risk *= 1.3;
            if (d.Alcohol == "heavy") risk *= 1.3;
        }
        return risk;
    }

    /// <summary>
    /// The share of the patient's natural hazard due to active cancers: their excess risk over 1 + all excess risks,
    /// the same split <see cref="ChartCause"/> uses to name the cause.
    /// </summary>
    public static double CancerShare(List<RiskCondition> contributors)
    {
        double excess = 0, cancer = 0;
        foreach (var item in contributors)
        {
            excess += item.Risk - 1;
            if (item.Cancer) cancer += item.Risk - 1;
        }
        return cancer / (1 + excess);
    }

    /// <summary>Natural and external yearly hazards (per year) at <paramref name="age"/> for a relative risk.</summary>
    public static (double Natural, double External) Hazards(double age, Gender gender, double relativeRisk)
    {
        var (natural, external) = PopulationHazards(age, gender);
        return (natural * relativeRisk / PopulationRelativeRisk.At(age), external);
    }

    /// <summary>The life table's yearly hazard at <paramref name="age"/>, split into natural and external causes.</summary>
    public static (double Natural, double External) PopulationHazards(double age, Gender gender)
    {
        double q = LifeTable.AnnualDeathProbability(age, gender);
        var (accident, suicide, homicide) = LifeTable.ExternalShares(age);
        double externalShare = accident + suicide + homicide;
        double total = -Math.Log(1 - q);
        return (total * (1 - externalShare), total * externalShare);
    }
}
