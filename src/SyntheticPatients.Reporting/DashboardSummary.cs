namespace SyntheticPatients.Reporting;

/// <summary>One value of a distribution and how many it counts (patients, deaths, encounters...).</summary>
public sealed record CountItem(string Value, long Count);

/// <summary>One 5-year band of the population pyramid: living patients at the end date, by sex.</summary>
public sealed record PyramidBand(string Label, int MinAge, int? MaxAge, long Male, long Female, long Other);

/// <summary>One code of a top-10 list: how many distinct patients have it, and in how many rows.</summary>
public sealed record CodeCount(string System, string Code, string Description, long Patients, long Rows);

/// <summary>Encounters that started in one calendar year (UTC).</summary>
public sealed record YearCount(int Year, long Count);

/// <summary>Deaths and their causes.</summary>
public sealed class MortalitySummary
{
    /// <summary>Rows of deaths.csv.</summary>
    public required long Deaths { get; init; }

    /// <summary>Deaths per 1,000 patients generated.</summary>
    public required double CrudeRatePer1000Patients { get; init; }

    /// <summary>Person-years lived by the population, birth to death or to the end date.</summary>
    public required double PersonYears { get; init; }

    /// <summary>Deaths per 1,000 person-years.</summary>
    public required double CrudeRatePer1000PersonYears { get; init; }

    /// <summary>Mean AGE of deaths.csv; null when there are no deaths.</summary>
    public required double? MeanAgeAtDeath { get; init; }

    /// <summary>The 10 most frequent underlying causes (by deaths; an empty CODE is "unknown").</summary>
    public required IReadOnlyList<CodeCount> TopCauses { get; init; }

    /// <summary>Deaths by MANNER.</summary>
    public required IReadOnlyList<CountItem> Manner { get; init; }
}

/// <summary>Everything the dashboard shows, computed once from the CSV tables.</summary>
public sealed class DashboardSummary
{
    /// <summary>Version of summary.json's layout.</summary>
    public const int FormatVersion = 1;

    /// <summary>The run's scenario, when known (manifest.json or the caller).</summary>
    public string? Scenario { get; init; }

    /// <summary>The run's seed, when known.</summary>
    public ulong? Seed { get; init; }

    /// <summary>The date ages and "living" are taken at (the run's end date).</summary>
    public required DateOnly EndDate { get; init; }

    /// <summary>Where <see cref="EndDate"/> came from: "options", "manifest" or "data" (the latest date recorded).</summary>
    public required string EndDateSource { get; init; }

    /// <summary>Rows per table, in the order of docs/outputs.md.</summary>
    public required IReadOnlyList<CountItem> Tables { get; init; }

    public required long Patients { get; init; }

    /// <summary>Patients born on or before the end date and not dead by it.</summary>
    public required long Living { get; init; }

    /// <summary>Patients with a DEATHDATE on or before the end date.</summary>
    public required long Deceased { get; init; }

    /// <summary>Living patients by 5-year age band and sex (0-4 ... 85-89, 90+).</summary>
    public required IReadOnlyList<PyramidBand> Pyramid { get; init; }

    /// <summary>Living patients by the seed report's age groups (0-18, 19-40, 41-65, 66+).</summary>
    public required IReadOnlyList<CountItem> AgeGroups { get; init; }

    /// <summary>All patients by GENDER, RACE and ETHNICITY (most frequent first).</summary>
    public required IReadOnlyList<CountItem> Gender { get; init; }

    public required IReadOnlyList<CountItem> Race { get; init; }

    public required IReadOnlyList<CountItem> Ethnicity { get; init; }

    /// <summary>All patients by yearly household income band (band order).</summary>
    public required IReadOnlyList<CountItem> IncomeBands { get; init; }

    /// <summary>Patients by their latest tobacco smoking status observation (LOINC 72166-2); "not recorded" for the others.</summary>
    public required IReadOnlyList<CountItem> SmokingStatus { get; init; }

    public required IReadOnlyList<CodeCount> TopConditions { get; init; }

    public required IReadOnlyList<CodeCount> TopMedications { get; init; }

    public required IReadOnlyList<CodeCount> TopObservations { get; init; }

    /// <summary>Encounters by the year of START (years without encounters are left out).</summary>
    public required IReadOnlyList<YearCount> EncountersPerYear { get; init; }

    /// <summary>Encounters by ENCOUNTERCLASS.</summary>
    public required IReadOnlyList<CountItem> EncounterClasses { get; init; }

    public required MortalitySummary Mortality { get; init; }

    /// <summary>Rows of a table (0 when it is not listed).</summary>
    public long Rows(string table) => Tables.FirstOrDefault(t => t.Value == table)?.Count ?? 0;
}
