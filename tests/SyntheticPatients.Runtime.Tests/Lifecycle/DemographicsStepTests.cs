using SyntheticPatients.Runtime.Lifecycle;
using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Records;
using Xunit;

namespace SyntheticPatients.Runtime.Tests.Lifecycle;

public sealed class DemographicsStepTests
{
    private const int Population = 10_000;

    private static List<Demographics> Generate()
    {
        var list = new List<Demographics>(Population);
        LifecycleFixtures.Generate(Population, LifecycleFixtures.Only(), r => list.Add(r.Demographics));
        return list;
    }

    [Fact]
    public void Gender_and_age_bands_follow_the_scenario_within_two_points()
    {
        var people = Generate();
        var scenario = LifecycleFixtures.General;
        double female = people.Count(p => p.Gender == Gender.Female) / (double)Population;
        Assert.InRange(female, scenario.Gender.Share("F") - 0.02, scenario.Gender.Share("F") + 0.02);
        double total = scenario.Ages.Sum(a => a.Weight);
        foreach (var band in scenario.Ages)
        {
            double share = people.Count(p => p.AgeAt(p.SimulationEnd) >= band.MinYears && p.AgeAt(p.SimulationEnd) <= band.MaxYears) / (double)Population;
            Assert.InRange(share, band.Weight / total - 0.02, band.Weight / total + 0.02);
        }
        Assert.All(people, p => Assert.InRange(p.AgeAt(p.SimulationEnd), 0, 100));
        double hispanic = people.Count(p => p.Ethnicity == "hispanic") / (double)Population;
        Assert.InRange(hispanic, 0.17, 0.21);
    }

    [Fact]
    public void Identity_fields_are_filled_and_unique_within_the_run()
    {
        var people = Generate();
        Assert.Equal(Population, people.Select(p => p.Id).Distinct().Count());
        Assert.Equal(Population, people.Select(p => p.Mrn).Distinct().Count());
        Assert.Equal(Population, people.Select(p => p.Ssn).Distinct().Count());
        var places = GeographyCatalog.States.SelectMany(s => s.Places).ToList();
        foreach (var p in people)
        {
            Assert.False(string.IsNullOrWhiteSpace(p.First));
            Assert.False(string.IsNullOrWhiteSpace(p.Last));
            Assert.False(string.IsNullOrWhiteSpace(p.Address));
            Assert.Matches(@"^555-\d{3}-\d{4}$", p.Phone);
            Assert.Matches(@"^\d{5}$", p.Fips!);
            var place = places.Single(x => x.Fips == p.Fips && x.City == p.City);
            Assert.Equal(place.StateCode, p.State);
            Assert.Equal(place.Zip, p.Zip);
            Assert.InRange(p.Latitude, place.Latitude - 0.05, place.Latitude + 0.05);
            Assert.EndsWith(", US", p.Birthplace);
        }
        // Bogus gives a realistic spread of names, not a handful.
        Assert.True(people.Select(p => p.Last).Distinct().Count() > 300);
    }

    [Fact]
    public void Social_determinants_are_consistent_with_age()
    {
        foreach (var p in Generate())
        {
            int age = p.AgeAt(p.SimulationEnd);
            if (age < 16)
            {
                Assert.Equal(0, p.Income);
                Assert.Equal("student", p.Employment);
                Assert.Equal("less_than_high_school", p.Education);
                Assert.Null(p.Marital);
                Assert.Null(p.Drivers);
            }
            if (age < 12) Assert.Equal("never", p.Smoking);
            if (age < 22) Assert.DoesNotContain(p.Education, new[] { "bachelors", "graduate" });
            if (age < 55) Assert.NotEqual("retired", p.Employment);
            if (age >= 65) Assert.Contains(p.Insurance, new[] { "medicare", "dual", "military" });
            if (age < 18) Assert.Null(p.Prefix);
            if (p.Maiden is not null) Assert.Equal(Gender.Female, p.Gender);
        }
    }

    [Fact]
    public void Same_seed_and_index_give_the_same_demographics_in_any_order()
    {
        var steps = LifecycleFixtures.Only();
        var first = LifecycleFixtures.Fingerprint(LifecycleFixtures.GenerateOne(17, steps));
        LifecycleFixtures.Generate(30, steps, _ => { });
        Assert.Equal(first, LifecycleFixtures.Fingerprint(LifecycleFixtures.GenerateOne(17, steps)));
        Assert.NotEqual(first, LifecycleFixtures.Fingerprint(LifecycleFixtures.GenerateOne(17, steps, LifecycleFixtures.Settings(seed: 43))));
    }
}
