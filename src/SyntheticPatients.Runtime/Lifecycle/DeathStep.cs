using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Whether and when the patient died before the end date: year by year from birth, with life-table hazards scaled
/// by the conditions active that year (<see cref="MortalityModel"/>). Most patients are alive at the end date.
/// Competing risks: the natural hazard, but for its cancer part, is thinned by what the run's modules already model (<see cref="ModuleMortality"/>),
/// and the life-table death is drawn up to a death a module recorded: the earlier of the two is the patient's death,
/// so module deaths take the place of life-table deaths instead of adding to them. The cause comes from the chart
/// (<see cref="ChartCause"/>), also for a module death whose death state names no cause (a hospice death, say).
/// </summary>
public sealed class DeathStep : IPatientStep
{
    public string Name => "death";

    public void Run(PatientRecord record, StepContext context)
    {
        var random = context.Random;
        var d = record.Demographics;
        // A module death bounds the draw: a life-table death after it cannot happen.
        var limit = record.Death?.Date ?? d.SimulationEnd;
        var modules = ModuleMortality.For(context.Settings.Modules);
        var conditions = MortalityModel.RiskConditions(record);
        var contributors = new List<MortalityModel.RiskCondition>();

        for (int year = 0; ; year++)
        {
            var from = d.BirthDate.AddYears(year);
            if (from >= limit) break;
            var to = LifeDates.Min(d.BirthDate.AddYears(year + 1), limit);
            double relativeRisk = MortalityModel.RelativeRisk(record, conditions, from, contributors);
            var (natural, external) = MortalityModel.Hazards(year, d.Gender, relativeRisk);
            // No module's death states model cancer deaths: only the rest of the hazard makes room for the modules'.
            double cancer = MortalityModel.CancerShare(contributors);
            natural *= cancer + (1 - cancer) * modules.BaselineShare(year, d.Gender);
            double fraction = (to - from).TotalDays / LifeDates.DaysPerYear;
            double probability = 1 - Math.Exp(-(natural + external) * fraction);
            if (random.NextDouble() >= probability) continue;

            var date = LifeDates.Between(random, from, to);
            bool isExternal = random.NextDouble() < external / (natural + external);
            var (cause, manner, acute) = isExternal
                ? Injury(ChartCause.External(year, random))
                : Natural(ChartCause.Natural(record, year, date, contributors, random));
            // The death is set first: the fatal event's encounter must fit in the record, which now ends at death.
            record.Death = new DeathRecord(date, cause, null, manner, "baseline");
            if (acute && ChartCause.RecordAtDeath(record, cause, date, random) is { } encounter) record.Death = record.Death with { EncounterId = encounter };
            return;
        }
        if (record.Death is { Cause: null, Source: not "baseline" } moduleDeath) NameFromChart(record, moduleDeath, conditions, contributors, random);
    }

    /// <summary>A module death without a named cause: the cause is the chart's, as for a baseline natural death.</summary>
    private static void NameFromChart(PatientRecord record, DeathRecord death, List<MortalityModel.RiskCondition> conditions, List<MortalityModel.RiskCondition> contributors, PatientRandom random)
    {
        MortalityModel.RelativeRisk(record, conditions, death.Date, contributors);
        double age = LifeDates.AgeAt(record.Demographics.BirthDate, death.Date);
        var (cause, acute) = ChartCause.Natural(record, Math.Floor(age), death.Date, contributors, random);
        record.Death = death with { Cause = cause, Manner = DeathManner.Natural };
        // An acute event enters the chart at death; the module's encounter, if any, stays the one death is pronounced in.
        if (acute && ChartCause.RecordAtDeath(record, cause, death.Date, random) is { } encounter && death.EncounterId is null)
        {
            record.Death = record.Death with { EncounterId = encounter };
        }
    }

    private static (Definitions.ConditionDefinition Cause, string Manner, bool Acute) Injury((Definitions.ConditionDefinition Cause, string Manner) external)
        => (external.Cause, external.Manner, true);

    private static (Definitions.ConditionDefinition Cause, string Manner, bool Acute) Natural((Definitions.ConditionDefinition Cause, bool Acute) natural)
        => (natural.Cause, "natural", natural.Acute);
}
