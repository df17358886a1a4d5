using SyntheticPatients.Runtime.Lifecycle;
using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Records;
using Xunit;
using Xunit.Abstractions;

namespace SyntheticPatients.Runtime.Tests.Lifecycle;

/// <summary>Prevalence and mortality of the baseline model on 10,000 patients (demographics, conditions, family history, death).</summary>
public sealed class ConditionAndDeathTests
{
    private const int Population = 10_000;
    private readonly ITestOutputHelper _output;

    public ConditionAndDeathTests(ITestOutputHelper output) => _output = output;

    private sealed class Tally
    {
        public int Count;
        public int Hits;

        public double Share => Count == 0 ? 0 : Hits / (double)Count;

        public void Add(bool hit)
        {
            Count++;
            if (hit) Hits++;
        }
    }

    private static bool Has(PatientRecord r, Definitions.ConditionDefinition definition) => r.Conditions.Any(c => c.Definition == definition);

    [Fact]
    public void Prevalence_and_death_rates_are_plausible()
    {
        var hypertension4564 = new Tally();
        var diabetes4564 = new Tally();
        var diabetes65 = new Tally();
        var asthma = new Tally();
        var obesityAdults = new Tally();
        var copdSmokers = new Tally();
        var copdNever = new Tally();
        var dead = new Tally();
        var deadYoung = new Tally();
        var dead65 = new Tally();
        var dead85 = new Tally();
        var external = new Tally();
        var familyHistoryHtnGivenHtn = new Tally();
        var familyHistoryHtnGivenNone = new Tally();
        int resolved = 0, chronic = 0;
        LifecycleFixtures.Generate(Population, LifecycleFixtures.Only("conditions", "family_history", "death"), r =>
        {
            var d = r.Demographics;
            int age = d.AgeAt(d.SimulationEnd);
            if (age is >= 45 and <= 64)
            {
                hypertension4564.Add(Has(r, ConditionCodes.Hypertension));
                diabetes4564.Add(Has(r, ConditionCodes.Diabetes2));
            }
            if (age >= 65) diabetes65.Add(Has(r, ConditionCodes.Diabetes2));
            asthma.Add(Has(r, ConditionCodes.Asthma));
            if (age >= 20) obesityAdults.Add(Has(r, ConditionCodes.Obesity));
            if (age >= 45 && d.Smoking == "current") copdSmokers.Add(Has(r, ConditionCodes.Copd));
            if (age >= 45 && d.Smoking == "never") copdNever.Add(Has(r, ConditionCodes.Copd));
            dead.Add(r.Death is not null);
            if (age < 45) deadYoung.Add(r.Death is not null);
            if (age >= 66) dead65.Add(r.Death is not null);
            if (age >= 85) dead85.Add(r.Death is not null);
            if (r.Death is not null) external.Add(r.Death.Manner != "natural");
            if (age >= 18)
            {
                bool fh = r.FamilyHistory.Any(f => f.Condition == ConditionCodes.Hypertension);
                (Has(r, ConditionCodes.Hypertension) ? familyHistoryHtnGivenHtn : familyHistoryHtnGivenNone).Add(fh);
            }
            foreach (var c in r.Conditions)
            {
                if (ChronicConditionCatalog.Find(c.Definition) is null) continue;
                chronic++;
                if (c.Stop is not null) resolved++;
                Assert.True(c.Start >= d.BirthDate && c.Start < d.SimulationEnd);
                Assert.True(c.Stop is null || c.Stop >= c.Start);
            }
        });
        _output.WriteLine($"HTN 45-64 {hypertension4564.Share:P1}, T2DM 45-64 {diabetes4564.Share:P1}, T2DM 65+ {diabetes65.Share:P1}, asthma {asthma.Share:P1}, adult obesity {obesityAdults.Share:P1}");
        _output.WriteLine($"COPD 45+ smokers {copdSmokers.Share:P1} vs never {copdNever.Share:P1}; chronic resolved {resolved / (double)chronic:P1}");
        _output.WriteLine($"dead {dead.Share:P1} (under 45 {deadYoung.Share:P1}, 66+ {dead65.Share:P1}, 85+ {dead85.Share:P1}); external manners {external.Share:P1}");
        _output.WriteLine($"FH of hypertension given hypertension {familyHistoryHtnGivenHtn.Share:P1} vs none {familyHistoryHtnGivenNone.Share:P1}");

        // NHANES/BRFSS diagnosed hypertension at 45-64 is about a third; CDC NDSR: diagnosed diabetes 14.5% at 45-64, 24% at 65+.
        Assert.InRange(hypertension4564.Share, 0.25, 0.48);
        Assert.InRange(diabetes4564.Share, 0.07, 0.20);
        Assert.InRange(diabetes65.Share, 0.14, 0.32);
        Assert.InRange(asthma.Share, 0.04, 0.12);
        Assert.InRange(obesityAdults.Share, 0.30, 0.50);
        Assert.True(copdSmokers.Share > 2 * copdNever.Share, "smoking raises COPD");
        // Natural history: most chronic conditions stay active, some resolve (not uniform random status).
        Assert.InRange(resolved / (double)chronic, 0.05, 0.35);
        // Lifetime deaths before the end date: the life table gives ~10.5% for this age structure (not the seed's 18%/51%).
        Assert.InRange(dead.Share, 0.07, 0.14);
        Assert.True(deadYoung.Share < 0.04);
        Assert.InRange(dead65.Share, 0.20, 0.45);
        Assert.InRange(external.Share, 0.03, 0.25);
        Assert.True(familyHistoryHtnGivenHtn.Share > familyHistoryHtnGivenNone.Share);
    }

    [Fact]
    public void Population_relative_risk_used_by_the_mortality_model_matches_the_generated_population()
    {
        // The calibration table in MortalityModel was measured with this procedure; guard it against drift.
        var points = new[] { (Age: 20, Expected: 1.29), (Age: 37, Expected: 2.56), (Age: 50, Expected: 2.43), (Age: 60, Expected: 3.77), (Age: 70, Expected: 3.13), (Age: 80, Expected: 2.83), (Age: 90, Expected: 1.96) };
        var sums = new double[points.Length];
        var counts = new int[points.Length];
        var contributors = new List<MortalityModel.RiskCondition>();
        // Among the people alive at each age: deadly conditions (cancers) are rarer among survivors than among all
        // who were assigned them.
        LifecycleFixtures.Generate(Population, LifecycleFixtures.Only("conditions", "death"), r =>
        {
            var list = MortalityModel.RiskConditions(r);
            for (int i = 0; i < points.Length; i++)
            {
                var date = r.Demographics.BirthDate.AddYears(points[i].Age);
                if (date >= r.End) continue;
                sums[i] += MortalityModel.RelativeRisk(r, list, date, contributors);
                counts[i]++;
            }
        });
        var means = points.Select((p, i) => sums[i] / counts[i]).ToArray();
        foreach (var (p, mean) in points.Zip(means)) _output.WriteLine($"mean relative risk at {p.Age}: {mean:F2} (table {p.Expected:F2})");
        foreach (var (p, mean) in points.Zip(means)) Assert.InRange(mean, p.Expected * 0.85, p.Expected * 1.15);
    }

    [Fact]
    public void Causes_of_death_are_coded_conditions_and_deaths_are_in_the_past()
    {
        int deaths = 0;
        LifecycleFixtures.Generate(3000, LifecycleFixtures.Only("conditions", "death"), r =>
        {
            if (r.Death is not { } death) return;
            deaths++;
            Assert.NotNull(death.Cause);
            Assert.NotNull(death.Cause!.CodeOf("ICD-10-CM"));
            Assert.NotNull(death.Cause.CodeOf("SNOMED-CT"));
            Assert.Contains(death.Manner, new[] { "natural", "accident", "suicide", "homicide" });
            Assert.InRange(death.Date, r.Demographics.BirthDate, r.Demographics.SimulationEnd);
        });
        Assert.True(deaths > 100);
    }
}
