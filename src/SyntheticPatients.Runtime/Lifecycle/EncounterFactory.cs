using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>Creates baseline encounters on a given day, inside the patient's lifespan, and finds existing ones.</summary>
public static class EncounterFactory
{
    /// <summary>
    /// Adds an encounter of <paramref name="definition"/> on <paramref name="day"/> at the hours of its class
    /// (<see cref="VisitClock"/>: an office visit due on a weekend is booked on the nearest weekday) and returns it;
    /// null when the day is outside [birth, record end].
    /// </summary>
    public static EncounterRecord? Create(PatientRecord record, PatientRandom random, EncounterDefinition definition, DateTime day, Code? reason)
    {
        var c = definition.Class;
        var length = VisitClock.Length(random, c);
        var start = VisitClock.StartOn(random, c, VisitClock.IsOffice(c) ? Weekday(record, day) : day, length);
        return Add(record, random, definition, start, length, reason);
    }

    /// <summary>Adds an encounter starting at <paramref name="start"/>; null when that is outside [birth, record end).</summary>
    public static EncounterRecord? CreateAt(PatientRecord record, PatientRandom random, EncounterDefinition definition, DateTime start, Code? reason)
        => Add(record, random, definition, start, VisitClock.Length(random, definition.Class), reason);

    /// <summary>The nearest weekday, unless it falls outside the record (then the day itself).</summary>
    private static DateTime Weekday(PatientRecord record, DateTime day)
    {
        var weekday = VisitClock.NearestWeekday(day.Date);
        return weekday < record.Demographics.BirthDate.Date || weekday >= record.End.Date ? day.Date : weekday;
    }

    private static EncounterRecord? Add(PatientRecord record, PatientRandom random, EncounterDefinition definition, DateTime start, TimeSpan length, Code? reason)
    {
        var end = record.End;
        var stop = start + length;
        if (start < record.Demographics.BirthDate || start >= end) return null;
        return At(record, random, definition, start, stop > end ? end : stop, reason, "baseline");
    }

    /// <summary>
    /// Adds an encounter of <paramref name="definition"/> over [start, stop] (inside the patient's lifespan) with
    /// the patient's care team (a hospital provider for hospital classes) and the payer of that date, and returns it.
    /// </summary>
    public static EncounterRecord At(PatientRecord record, PatientRandom random, EncounterDefinition definition, DateTime start, DateTime stop, Code? reason, string source)
    {
        var demographics = record.Demographics;
        var team = CareTeam.For(demographics);
        bool hospital = definition.Class is EncounterClass.Emergency or EncounterClass.Outpatient or EncounterClass.Inpatient;
        var organization = hospital ? team.Hospital : team.Clinic;
        var provider = hospital ? organization.Providers[random.NextInt(organization.Providers.Count)] : team.PrimaryCareProvider;
        var payer = PayerCatalog.ForDate(demographics.Insurance, LifeDates.AgeAt(demographics.BirthDate, start), team.PrivatePlan);
        var encounter = new EncounterRecord(
            Identifiers.NewGuid(random), start, stop, definition, organization.Id, provider, payer?.Id,
            EncounterCatalog.BaseCost(definition), reason, source);
        record.Encounters.Add(encounter);
        return encounter;
    }

    /// <summary>An instant inside the encounter, <paramref name="minutes"/> after it starts (at most its stop).</summary>
    public static DateTime Inside(EncounterRecord encounter, double minutes)
    {
        var at = encounter.Start.AddMinutes(minutes);
        return at > encounter.Stop ? encounter.Stop : at;
    }

    /// <summary>The encounter whose start is closest to <paramref name="target"/> within a window, matching a filter.</summary>
    public static EncounterRecord? Nearest(PatientRecord record, DateTime target, double windowDays, Func<EncounterRecord, bool>? filter = null)
    {
        EncounterRecord? best = null;
        double bestDistance = windowDays;
        foreach (var encounter in record.Encounters)
        {
            double distance = Math.Abs((encounter.Start - target).TotalDays);
            if (distance > bestDistance || (filter is not null && !filter(encounter))) continue;
            best = encounter;
            bestDistance = distance;
        }
        return best;
    }

    /// <summary>The first encounter starting at or after <paramref name="from"/> and before <paramref name="until"/>.</summary>
    public static EncounterRecord? FirstBetween(PatientRecord record, DateTime from, DateTime until, Func<EncounterRecord, bool>? filter = null)
    {
        EncounterRecord? best = null;
        foreach (var encounter in record.Encounters)
        {
            if (encounter.Start < from || encounter.Start >= until || (filter is not null && !filter(encounter))) continue;
            if (best is null || encounter.Start < best.Start) best = encounter;
        }
        return best;
    }

    public static Dictionary<Guid, EncounterRecord> ById(PatientRecord record)
    {
        var map = new Dictionary<Guid, EncounterRecord>(record.Encounters.Count);
        foreach (var encounter in record.Encounters) map[encounter.Id] = encounter;
        return map;
    }

    public static bool IsWellness(EncounterRecord encounter) => encounter.Definition.Class == EncounterClass.Wellness;
}
