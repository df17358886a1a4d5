using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Family history coherent with the patient's own diagnoses. The step runs after condition assignment, so instead
/// of letting family history raise risks it never sees (the seed's bug), it draws a relative's history from its
/// conditional probability given the patient's condition (Bayes with the condition's familial relative risk):
/// P(FH | condition) = f·RR / (f·RR + 1 - f). The joint distribution is the same as if family history had
/// raised the patient's risk.
/// </summary>
public sealed class FamilyHistoryStep : IPatientStep
{
    public string Name => "family_history";

    public void Run(PatientRecord record, StepContext context)
    {
        var random = context.Random;
        var d = record.Demographics;
        var end = record.End;
        // Recorded at the first adult-care or pediatric intake: a date in the record (the last year for newborns).
        var recorded = LifeDates.Min(LifeDates.Max(d.BirthDate.AddMonths(1), end.AddYears(-5)), end.AddDays(-1));
        if (recorded < d.BirthDate) recorded = d.BirthDate;
        recorded = LifeDates.Between(random, recorded, end);

        foreach (var spec in FamilyHistoryCatalog.All)
        {
            double u = random.NextDouble();
            double uRelation = random.NextDouble();
            double uOnset = random.NextDouble();
            double uDeceased = random.NextDouble();
            bool hasIt = spec.PatientConditionKey is { } key && record.Conditions.Any(c => ChronicConditionCatalog.Find(c.Definition)?.Key == key);
            double f = spec.RelativePrevalence;
            double probability = hasIt ? f * spec.RelativeRisk / (f * spec.RelativeRisk + 1 - f) : f;
            if (u >= probability) continue;

            var relation = PickRelation(uRelation, spec.FemaleRelativeOnly > 0);
            int onsetAge = spec.MinOnsetAge + (int)(uOnset * (spec.MaxOnsetAge - spec.MinOnsetAge + 1));
            // Relatives one or two generations up are ~28 or ~56 years older than the patient.
            double relativeAge = LifeDates.AgeAt(d.BirthDate, end) + 28 * relation.GenerationsUp;
            bool deceased = relativeAge > 60 && uDeceased < Math.Min(0.95, (relativeAge - 60) / 35.0);
            if (onsetAge > relativeAge) continue;
            record.FamilyHistory.Add(new FamilyHistoryRecord(Identifiers.NewGuid(random), relation.Code, relation.Display, spec.Condition,
                onsetAge, deceased, recorded));
        }
    }

    private static Relation PickRelation(double u, bool femaleOnly)
    {
        double total = 0;
        foreach (var r in FamilyHistoryCatalog.Relations)
        {
            if (!femaleOnly || r.Sex == Gender.Female) total += r.Weight;
        }
        double x = u * total;
        foreach (var r in FamilyHistoryCatalog.Relations)
        {
            if (femaleOnly && r.Sex != Gender.Female) continue;
            if (x < r.Weight) return r;
            x -= r.Weight;
        }
        return FamilyHistoryCatalog.Relations[0];
    }
}
