using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Chronic conditions from the prevalence model (age, sex, smoking, obesity, alcohol, income, comorbidities) with
/// onsets that follow the prevalence curve, natural-history status (most stay active; some resolve with a Stop),
/// except conditions a module of the run records (the module owns their prevalence; lung and colorectal cancers excepted, which a
/// screening module records only when its screening finds them),
/// plus acute episodes at their yearly rates. Conditions a module already recorded are kept and not duplicated.
/// </summary>
public sealed class ConditionAssignmentStep : IPatientStep
{
    public string Name => "conditions";

    public void Run(PatientRecord record, StepContext context)
    {
        if (!record.RunsBaseline(ModuleCategories.Conditions)) return;
        var random = context.Random;
        var d = record.Demographics;
        var end = record.End;
        double age = LifeDates.AgeAt(d.BirthDate, end);
        var risk = RiskProfile.From(d);
        var present = new HashSet<string>(StringComparer.Ordinal);

        foreach (var spec in ChronicConditionCatalog.All)
        {
            // A fixed number of draws per condition keeps the stream aligned whatever is decided.
            double u = random.NextDouble();
            double uOnset = random.NextDouble();
            double uRemission = random.NextDouble();
            double uStop = random.NextDouble();
            if (HasModuleCondition(record, spec.Definition))
            {
                present.Add(spec.Key);
                continue;
            }
            // A screening module records only the cancers it finds; the others are diagnosed here (DiagnosedBesideScreening).
            if (!spec.DiagnosedBesideScreening && OwnedByModule(context.Settings, spec.Definition)) continue;
            if (age < spec.MinOnsetAge || spec.Excludes.Any(present.Contains)) continue;
            if (spec.Key == "obesity")
            {
                // Obesity is what the body shows, not a draw: an episode for each stretch the BMI is in the obese range.
                var episodes = ObesityFromBody.Episodes(record, end);
                foreach (var (from, until) in episodes) record.Conditions.Add(new ConditionRecord(from, until, null, spec.Definition, "baseline"));
                if (episodes.Count > 0) present.Add(spec.Key);
                continue;
            }
            if (u >= Probability(spec, age, d.Gender, risk, present)) continue;
            double onsetAge = spec.Prevalence.OnsetAge(age, uOnset, spec.MinOnsetAge);
            var onset = Clamp(LifeDates.AtAge(d.BirthDate, onsetAge).Date, d.BirthDate, end);
            DateTime? stop = null;
            if (uRemission < spec.RemissionProbability)
            {
                var resolved = LifeDates.AtAge(onset, spec.RemissionMinYears + uStop * (spec.RemissionMaxYears - spec.RemissionMinYears)).Date;
                if (resolved < end) stop = resolved;
            }
            record.Conditions.Add(new ConditionRecord(onset, stop, null, spec.Definition, "baseline"));
            present.Add(spec.Key);
        }

        AddAcuteEpisodes(record, random, end, context.Settings);
    }

    /// <summary>A module of the run records this condition: its onset logic, not the baseline's, decides who has it.</summary>
    private static bool OwnedByModule(GenerationSettings settings, Definitions.ConditionDefinition definition)
    {
        if (settings.ModuleOwnedConditionCodes.Count == 0) return false;
        foreach (var code in definition.Codes)
        {
            if (settings.ModuleOwnedConditionCodes.Contains(code.Value)) return true;
        }
        return false;
    }

    /// <summary>The individual probability of having the condition at <paramref name="age"/>.</summary>
    public static double Probability(ChronicConditionSpec spec, double age, Gender gender, RiskProfile risk, IReadOnlySet<string> present)
    {
        double p = spec.Prevalence.At(age) * (gender == Gender.Female ? spec.FemaleFactor : spec.MaleFactor);
        if (age >= 15)
        {
            if (risk.CurrentSmoker) p *= spec.CurrentSmokerRisk;
            if (risk.FormerSmoker) p *= spec.FormerSmokerRisk;
            if (risk.HeavyAlcohol) p *= spec.HeavyAlcoholRisk;
        }
        if (risk.LowIncome) p *= spec.LowIncomeRisk;
        if (present.Contains("obesity")) p *= spec.ObesityRisk;
        foreach (var (key, relativeRisk) in spec.Comorbidities)
        {
            if (present.Contains(key)) p *= relativeRisk;
        }
        return Math.Min(0.95, p / spec.Normalisation);
    }

    private static void AddAcuteEpisodes(PatientRecord record, PatientRandom random, DateTime end, GenerationSettings settings)
    {
        var d = record.Demographics;
        foreach (var spec in AcuteConditionCatalog.All)
        {
            // Episodes a module models (pneumonia, COVID-19...) are left to it, like chronic conditions.
            if (HasModuleCondition(record, spec.Definition) || OwnedByModule(settings, spec.Definition)) continue;
            double sexFactor = d.Gender == Gender.Female ? spec.FemaleFactor : spec.MaleFactor;
            for (int year = 0; ; year++)
            {
                var from = d.BirthDate.AddYears(year);
                if (from >= end) break;
                var to = LifeDates.Min(d.BirthDate.AddYears(year + 1), end);
                double u = random.NextDouble();
                if (spec.AvailableFrom is { } available)
                {
                    if (to <= available) continue;
                    from = LifeDates.Max(from, available);
                }
                double rate = spec.AnnualRate.At(year + 0.5) * sexFactor;
                if (spec.AvailableFrom is not null) rate *= AcuteConditionCatalog.CovidYearFactor(from.Year);
                double fraction = (to - from).TotalDays / LifeDates.DaysPerYear;
                if (u >= rate * fraction) continue;
                var onset = LifeDates.DayBetween(random, from, to.AddDays(-1));
                if (onset < d.BirthDate || onset >= end) continue;
                var stop = onset.AddDays(spec.MinDays + random.NextInt(spec.MaxDays - spec.MinDays + 1));
                record.Conditions.Add(new ConditionRecord(onset, stop < end ? stop : null, null, spec.Definition, "baseline"));
            }
        }
    }

    private static bool HasModuleCondition(PatientRecord record, Definitions.ConditionDefinition definition)
    {
        foreach (var condition in record.Conditions)
        {
            if (condition.Source != "baseline" && ConditionMatch.SameConcept(condition.Definition, definition)) return true;
        }
        return false;
    }

    private static DateTime Clamp(DateTime date, DateTime birth, DateTime end)
    {
        if (date < birth) return birth;
        var last = end.AddDays(-1).Date;
        return date > last ? LifeDates.Max(birth, last) : date;
    }
}
