using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Lifecycle;
using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Records;
using Xunit;
using Xunit.Abstractions;

namespace SyntheticPatients.Runtime.Tests.Lifecycle;

/// <summary>The whole baseline pipeline on 1,500 patients: invariants, determinism and coherence between steps.</summary>
public sealed class PipelineTests
{
    private const int Population = 1_500;
    private readonly ITestOutputHelper _output;

    public PipelineTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Records_satisfy_the_temporal_invariants()
    {
        var problems = new List<string>();
        LifecycleFixtures.Generate(Population, BaselineSteps.Create(), r =>
        {
            foreach (var p in RecordInvariants.Check(r)) problems.Add($"patient {r.Index}: {p}");
        });
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(20)));
    }

    [Fact]
    public void Same_seed_and_index_give_the_same_record_whatever_was_generated_before()
    {
        var steps = BaselineSteps.Create();
        var expected = Enumerable.Range(0, 8).Select(i => LifecycleFixtures.Fingerprint(LifecycleFixtures.GenerateOne(i, steps))).ToArray();
        // Other patients in between, on a second pipeline sharing the steps, in reverse order.
        LifecycleFixtures.Generate(20, steps, _ => { });
        for (int i = 7; i >= 0; i--) Assert.Equal(expected[i], LifecycleFixtures.Fingerprint(LifecycleFixtures.GenerateOne(i, steps)));
        Assert.NotEqual(expected[3], LifecycleFixtures.Fingerprint(LifecycleFixtures.GenerateOne(3, BaselineSteps.Create(), LifecycleFixtures.Settings(seed: 7))));
    }

    [Fact]
    public void Steps_are_coherent_and_volumes_realistic()
    {
        int patients = 0, withAllergy = 0, covidDoses = 0, infants = 0, infantsWithHepB = 0, fluAdults = 0, adults = 0;
        long encounters = 0, personYears = 0;
        int maxPerYear = 0, diabeticA1c = 0, diabeticA1cLow = 0, obeseBmi = 0, obeseBmiLow = 0;
        LifecycleFixtures.Generate(Population, BaselineSteps.Create(), r =>
        {
            patients++;
            var d = r.Demographics;
            var encountersById = r.Encounters.ToDictionary(e => e.Id);
            encounters += r.Encounters.Count;
            personYears += (long)Math.Ceiling(LifeDates.AgeAt(d.BirthDate, r.End));
            foreach (var year in r.Encounters.GroupBy(e => e.Start.Year)) maxPerYear = Math.Max(maxPerYear, year.Count());
            if (r.Allergies.Count > 0) withAllergy++;

            // Vital signs with LOINC codes and UCUM units at every encounter (but the death certification, where no one is measured).
            var measured = r.Observations.Where(o => o.Definition == ObservationCatalog.BodyWeight).Select(o => o.EncounterId).ToHashSet();
            Assert.All(r.Encounters.Where(e => e.Definition != EncounterCatalog.DeathCertification), e => Assert.Contains((Guid?)e.Id, measured));
            Assert.All(r.Observations, o => Assert.False(string.IsNullOrEmpty(o.Definition.Units)));

            // Medications and conditions: started at or after diagnosis, attached to a real encounter.
            foreach (var m in r.Medications)
            {
                Assert.NotNull(m.EncounterId);
                Assert.Contains(m.EncounterId!.Value, encountersById.Keys);
                var condition = r.Conditions.First(c => m.Reason is { } reason && ConditionMatch.HasCode(c.Definition, reason));
                Assert.True(m.Start >= condition.Start, $"{m.Definition.Name} before {condition.Definition.Name}");
            }
            Assert.All(r.Conditions, c => Assert.NotNull(c.EncounterId));
            Assert.All(r.Procedures, p => Assert.NotNull(p.EncounterId));
            Assert.All(r.Immunizations, i => Assert.NotNull(i.EncounterId));

            // No COVID-19 vaccine before 2020-12-14; no product outside its era.
            foreach (var i in r.Immunizations.Where(i => RecordInvariants.IsCovidVaccine(i.Definition)))
            {
                covidDoses++;
                Assert.True(i.Date >= new DateTime(2020, 12, 14));
            }
            if (d.BirthDate >= new DateTime(2000, 1, 1) && LifeDates.AgeAt(d.BirthDate, r.End) >= 1)
            {
                infants++;
                if (r.Immunizations.Any(i => i.Definition == ImmunizationCatalog.HepBPediatric.Definition)) infantsWithHepB++;
            }
            if (LifeDates.AgeAt(d.BirthDate, r.End) >= 65 && r.Death is null)
            {
                adults++;
                var lastSeason = new DateTime(2025, 9, 1);
                if (r.Immunizations.Any(i => i.Date >= lastSeason && (i.Definition == ImmunizationCatalog.FluTrivalent.Definition || i.Definition == ImmunizationCatalog.FluQuadrivalent.Definition))) fluAdults++;
            }

            // Lab values agree with conditions; BMI agrees with obesity.
            foreach (var o in r.Observations.Where(o => o.Definition == ObservationCatalog.HemoglobinA1c))
            {
                bool diabetic = r.Conditions.Any(c => c.Definition == ConditionCodes.Diabetes2 && c.Start <= o.Date);
                if (!diabetic) Assert.True(o.Value < 6.5, $"A1c {o.Value} without diabetes");
                else { diabeticA1c++; if (o.Value < 6.5) diabeticA1cLow++; }
            }
            // By day: obesity is diagnosed on the day the body's BMI reaches 30 (at that day's diagnosis visit), and every
            // reading of that day already shows it (a stop at the record's end, the death, is no remission). A diagnosis
            // due on a weekend is made at the nearest weekday's office visit (EncounterTiming): a reading up to 2 days
            // before it (an emergency visit that weekend) may already show the obese BMI.
            var obesity = r.Conditions.Where(c => c.Definition == ConditionCodes.Obesity).ToList();
            foreach (var o in r.Observations.Where(o => o.Definition == ObservationCatalog.Bmi && LifeDates.AgeAt(d.BirthDate, o.Date) >= 20))
            {
                bool obese = obesity.Any(c => c.Start.Date <= o.Date.Date && (c.Stop is null || c.Stop >= r.End || c.Stop.Value.Date > o.Date.Date));
                bool diagnosedNextWeekday = obesity.Any(c => c.Start.Date > o.Date.Date && c.Start.Date <= o.Date.Date.AddDays(2) && o.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
                if (obese) { obeseBmi++; if (o.Value < 30) obeseBmiLow++; }
                else Assert.True(o.Value < 30 || diagnosedNextWeekday, $"BMI {o.Value} without obesity");
            }
            // Inpatient: hospital stays for causes nothing else models (HospitalUse).
            Assert.All(r.Encounters.Where(e => e.Source == "baseline"), e => Assert.Contains(e.Definition.Class, new[] { EncounterClass.Wellness, EncounterClass.Ambulatory, EncounterClass.Emergency, EncounterClass.Urgentcare, EncounterClass.Outpatient, EncounterClass.Inpatient }));
        });
        double allergyShare = withAllergy / (double)patients;
        _output.WriteLine($"encounters/person-year {encounters / (double)personYears:F2}, max in a year {maxPerYear}, allergies {allergyShare:P1}, COVID doses {covidDoses}, HepB {infantsWithHepB}/{infants}, flu 65+ last season {fluAdults}/{adults}");
        Assert.InRange(encounters / (double)personYears, 1.2, 5);
        Assert.InRange(maxPerYear, 4, 18);
        Assert.InRange(allergyShare, 0.10, 0.22);
        Assert.True(covidDoses > 0);
        Assert.InRange(infantsWithHepB / (double)infants, 0.8, 1.0);
        Assert.InRange(fluAdults / (double)adults, 0.45, 0.85);
        Assert.True(diabeticA1cLow < diabeticA1c * 0.2);
        Assert.Equal(0, obeseBmiLow);
    }
}
