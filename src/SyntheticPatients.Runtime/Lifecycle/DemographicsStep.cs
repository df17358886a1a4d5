using System.Globalization;
using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;
using SyntheticPatients.Runtime.Scenarios;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Identity, demographics and social determinants. The age comes from the scenario's age band (the birth date is
/// the end date minus a uniform age in the band, so the age at the end date is always inside the band).
/// </summary>
public sealed class DemographicsStep : IPatientStep
{
    private readonly PersonNames _names = new();

    public string Name => "demographics";

    public void Run(PatientRecord record, StepContext context)
    {
        var random = context.Random;
        var scenario = context.Scenario;
        var d = record.Demographics;

        d.Id = Identifiers.NewGuid(random);
        d.Mrn = Identifiers.Mrn(record.Index);
        d.Ssn = Identifiers.Ssn(record.Index, random);
        d.SimulationEnd = context.Settings.EndDate;
        d.Gender = scenario.Gender.Draw(random).StartsWith('F') ? Gender.Female : Gender.Male;
        d.BirthDate = BirthDate(scenario.Ages, d.SimulationEnd, random);
        d.Race = scenario.Race.Draw(random);
        d.Ethnicity = scenario.Ethnicity.Draw(random);
        int age = d.AgeAt(d.SimulationEnd);

        var place = GeographyCatalog.Draw(random);
        d.City = place.City;
        d.State = place.StateCode;
        d.County = place.County;
        d.Fips = place.Fips;
        d.Zip = place.Zip;
        d.Latitude = Math.Round(place.Latitude + random.NextDouble(-0.04, 0.04), 6);
        d.Longitude = Math.Round(place.Longitude + random.NextDouble(-0.04, 0.04), 6);
        var birthplace = random.NextBoolean(0.7) ? GeographyCatalog.DrawInState(random, place.StateCode) : GeographyCatalog.Draw(random);
        d.Birthplace = string.Create(CultureInfo.InvariantCulture, $"{birthplace.City}, {birthplace.State}, US");

        SocialDeterminants.Fill(d, age, scenario, random);
        _names.Fill(d, age, random);
    }

    /// <summary>A birth date making the age at <paramref name="end"/> uniform within a band drawn by weight.</summary>
    public static DateTime BirthDate(IReadOnlyList<AgeBand> bands, DateTime end, PatientRandom random)
    {
        var band = DrawBand(bands, random.NextDouble());
        // Age at end in [Min, Max] whole years: born after end - (Max + 1) years and on or before end - Min years.
        var earliest = end.Date.AddYears(-(band.MaxYears + 1)).AddDays(1);
        var latest = end.Date.AddYears(-band.MinYears);
        if (latest >= end) latest = end.Date.AddDays(-1);
        return LifeDates.DayBetween(random, earliest, latest);
    }

    private static AgeBand DrawBand(IReadOnlyList<AgeBand> bands, double u)
    {
        double total = 0;
        foreach (var band in bands) total += band.Weight;
        double x = u * total;
        foreach (var band in bands)
        {
            if (x < band.Weight) return band;
            x -= band.Weight;
        }
        return bands[^1];
    }
}
