using SyntheticPatients.Exporters;

namespace SyntheticPatients.Reporting;

/// <summary>
/// Computes a <see cref="DashboardSummary"/> from a run's <c>csv/</c> folder in one forward pass over each table.
/// Memory grows with the number of patients and of distinct codes, never with the number of rows.
/// </summary>
internal sealed class SummaryCalculator
{
    /// <summary>LOINC "Tobacco smoking status".</summary>
    public const string SmokingStatusCode = "72166-2";

    /// <summary>Number of entries in each top list.</summary>
    public const int TopCount = 10;

    /// <summary>Upper bounds (inclusive) of the income bands, USD; the last band is open.</summary>
    private static readonly (long Max, string Label)[] IncomeBandBounds =
    {
        (0, "$0"),
        (24_999, "$1-$24,999"),
        (49_999, "$25,000-$49,999"),
        (74_999, "$50,000-$74,999"),
        (99_999, "$75,000-$99,999"),
        (149_999, "$100,000-$149,999"),
        (long.MaxValue, "$150,000+"),
    };

    /// <summary>The seed report's age groups: (lowest age, highest age or null, label).</summary>
    private static readonly (int Min, int? Max, string Label)[] AgeGroupBounds =
    {
        (0, 18, "0-18"), (19, 40, "19-40"), (41, 65, "41-65"), (66, null, "66+"),
    };

    /// <summary>Pyramid bands are 5 years wide up to this age, which opens the last band.</summary>
    public const int PyramidOpenAge = 90;

    private readonly string _csv;

    // Per patient, by row order in patients.csv.
    private readonly Dictionary<string, int> _patientIndex = new(StringComparer.Ordinal);
    private readonly List<DateOnly> _births = new();
    private readonly List<DateOnly?> _deaths = new();
    private readonly List<byte> _sexes = new(); // 0 male, 1 female, 2 other or unknown
    private string?[] _smokingTime = Array.Empty<string?>();
    private string?[] _smokingValue = Array.Empty<string?>();

    private DateOnly? _latestRecorded;

    private SummaryCalculator(string csvDirectory) => _csv = csvDirectory;

    /// <param name="csvDirectory">The run's csv folder.</param>
    /// <param name="endDate">The date ages are taken at; null: the latest date recorded in encounters and deaths.</param>
    public static (DashboardSummary Summary, DateOnly EndDate) Compute(string csvDirectory, DateOnly? endDate, string endDateSource, string? scenario, ulong? seed)
    {
        foreach (var table in Tables.All)
        {
            var path = Path.Combine(csvDirectory, table.Name + ".csv");
            if (!File.Exists(path)) throw new DashboardInputException($"csv/{table.Name}.csv is missing from the output folder: give the folder of a complete CSV run.");
        }
        return new SummaryCalculator(csvDirectory).Run(endDate, endDateSource, scenario, seed);
    }

    private string PathOf(TableDefinition table) => Path.Combine(_csv, table.Name + ".csv");

    private (DashboardSummary, DateOnly) Run(DateOnly? endDate, string endDateSource, string? scenario, ulong? seed)
    {
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        var demographics = ReadPatients(rows);
        var encounters = ReadEncounters(rows);
        var conditions = ReadCodes(Tables.Conditions, systemColumn: "SYSTEM", rows);
        var medications = ReadCodes(Tables.Medications, systemColumn: null, rows);
        var observations = ReadCodes(Tables.Observations, systemColumn: null, rows, smoking: true);
        var deaths = ReadDeaths(rows);
        foreach (var table in Tables.All)
        {
            if (!rows.ContainsKey(table.Name)) rows[table.Name] = CountRecords(table);
        }

        if (endDate is null)
        {
            endDate = _latestRecorded ?? (_births.Count > 0 ? _births.Max() : new DateOnly(2026, 1, 1));
            endDateSource = "data";
        }
        var end = endDate.Value;

        // Ages at the end date, person-years.
        var pyramid = new long[PyramidOpenAge / 5 + 1, 3];
        var ageGroups = new long[AgeGroupBounds.Length];
        long living = 0, deceased = 0;
        double personDays = 0;
        for (int i = 0; i < _births.Count; i++)
        {
            var birth = _births[i];
            if (birth > end) continue; // not born yet at the end date
            var death = _deaths[i];
            var last = death is { } d && d < end ? d : end;
            personDays += last.DayNumber - birth.DayNumber;
            if (death is { } dd && dd <= end)
            {
                deceased++;
                continue;
            }
            living++;
            int age = AgeAt(birth, end);
            pyramid[Math.Min(age / 5, PyramidOpenAge / 5), _sexes[i]]++;
            for (int g = 0; g < AgeGroupBounds.Length; g++)
            {
                if (age >= AgeGroupBounds[g].Min && (AgeGroupBounds[g].Max is not { } max || age <= max))
                {
                    ageGroups[g]++;
                    break;
                }
            }
        }

        var bands = new List<PyramidBand>();
        for (int b = 0; b <= PyramidOpenAge / 5; b++)
        {
            int min = b * 5;
            int? max = min >= PyramidOpenAge ? null : min + 4;
            bands.Add(new PyramidBand(max is null ? $"{min}+" : $"{min}-{max}", min, max, pyramid[b, 0], pyramid[b, 1], pyramid[b, 2]));
        }

        long patients = _births.Count;
        double personYears = personDays / 365.25;
        long deathRows = rows[Tables.Deaths.Name];
        var summary = new DashboardSummary
        {
            Scenario = scenario,
            Seed = seed,
            EndDate = end,
            EndDateSource = endDateSource,
            Tables = Tables.All.Select(t => new CountItem(t.Name, rows[t.Name])).ToList(),
            Patients = patients,
            Living = living,
            Deceased = deceased,
            Pyramid = bands,
            AgeGroups = AgeGroupBounds.Select((g, i) => new CountItem(g.Label, ageGroups[i])).ToList(),
            Gender = demographics.Gender.Sorted(),
            Race = demographics.Race.Sorted(),
            Ethnicity = demographics.Ethnicity.Sorted(),
            IncomeBands = IncomeBandBounds.Select((b, i) => new CountItem(b.Label, demographics.Income[i]))
                .Concat(demographics.Income[^1] > 0 ? new[] { new CountItem("unknown", demographics.Income[^1]) } : Array.Empty<CountItem>())
                .ToList(),
            SmokingStatus = SmokingDistribution(),
            TopConditions = conditions.Top(TopCount),
            TopMedications = medications.Top(TopCount),
            TopObservations = observations.Top(TopCount),
            EncountersPerYear = encounters.Years.OrderBy(p => p.Key).Select(p => new YearCount(p.Key, p.Value)).ToList(),
            EncounterClasses = encounters.Classes.Sorted(),
            Mortality = new MortalitySummary
            {
                Deaths = deathRows,
                CrudeRatePer1000Patients = patients == 0 ? 0 : Round(deathRows * 1000.0 / patients, 2),
                PersonYears = Round(personYears, 1),
                CrudeRatePer1000PersonYears = personYears <= 0 ? 0 : Round(deathRows * 1000.0 / personYears, 2),
                MeanAgeAtDeath = deaths.Ages.Count == 0 ? null : Round(deaths.Ages.Average(), 1),
                TopCauses = deaths.Causes.Top(TopCount),
                Manner = deaths.Manner.Sorted(),
            },
        };
        return (summary, end);
    }

    internal static double Round(double value, int digits) => Math.Round(value, digits, MidpointRounding.AwayFromZero);

    internal static int AgeAt(DateOnly birth, DateOnly date)
    {
        int age = date.Year - birth.Year;
        if (date.Month < birth.Month || (date.Month == birth.Month && date.Day < birth.Day)) age--;
        return age;
    }

    private void Later(DateOnly? date)
    {
        if (date is { } d && (_latestRecorded is null || d > _latestRecorded)) _latestRecorded = d;
    }

    private sealed class Demographics
    {
        public readonly Counter Gender = new();
        public readonly Counter Race = new();
        public readonly Counter Ethnicity = new();
        public readonly long[] Income = new long[IncomeBandBounds.Length + 1]; // the last: unknown
    }

    private Demographics ReadPatients(Dictionary<string, long> rows)
    {
        var result = new Demographics();
        using var table = CsvTable.Open(PathOf(Tables.Patients));
        int id = table.Column("Id"), birth = table.Column("BIRTHDATE"), death = table.Column("DEATHDATE"), race = table.Column("RACE"),
            ethnicity = table.Column("ETHNICITY"), gender = table.Column("GENDER"), income = table.Column("INCOME");
        var ids = _patientIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        while (table.Read())
        {
            var key = table.Span(id);
            if (key.IsEmpty) throw table.Error("empty Id");
            if (!ids.TryAdd(key, _births.Count)) throw table.Error($"patient {key.ToString()} appears twice");
            _births.Add(table.Date(birth) ?? throw table.Error("empty BIRTHDATE"));
            _deaths.Add(table.Date(death));
            var sex = table.Span(gender);
            _sexes.Add(sex is "M" ? (byte)0 : sex is "F" ? (byte)1 : (byte)2);
            result.Gender.Add(sex);
            result.Race.Add(table.Span(race));
            result.Ethnicity.Add(table.Span(ethnicity));
            var money = table.Integer(income);
            if (money is null)
            {
                result.Income[^1]++;
            }
            else
            {
                if (money < 0) throw table.Error($"negative INCOME {money}");
                int band = 0;
                while (money > IncomeBandBounds[band].Max) band++;
                result.Income[band]++;
            }
        }
        rows[Tables.Patients.Name] = table.Record;
        _smokingTime = new string?[_births.Count];
        _smokingValue = new string?[_births.Count];
        return result;
    }

    private sealed class EncounterTally
    {
        public readonly Dictionary<int, long> Years = new();
        public readonly Counter Classes = new();
    }

    private EncounterTally ReadEncounters(Dictionary<string, long> rows)
    {
        var result = new EncounterTally();
        using var table = CsvTable.Open(PathOf(Tables.Encounters));
        int start = table.Column("START"), type = table.Column("ENCOUNTERCLASS");
        while (table.Read())
        {
            var date = table.Date(start) ?? throw table.Error("empty START");
            Later(date);
            result.Years[date.Year] = result.Years.GetValueOrDefault(date.Year) + 1;
            result.Classes.Add(table.Span(type));
        }
        rows[Tables.Encounters.Name] = table.Record;
        return result;
    }

    private CodeTallies ReadCodes(TableDefinition definition, string? systemColumn, Dictionary<string, long> rows, bool smoking = false)
    {
        var tallies = new CodeTallies(_patientIndex);
        using var table = CsvTable.Open(PathOf(definition));
        int patient = table.Column("PATIENT"), code = table.Column("CODE"), description = table.Column("DESCRIPTION");
        int system = systemColumn is null ? -1 : table.Column(systemColumn);
        int date = smoking ? table.Column("DATE") : -1, value = smoking ? table.Column("VALUE") : -1;
        var values = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        while (table.Read())
        {
            int p = tallies.Add(table, patient, system, code, description);
            if (smoking && table.Span(code).SequenceEqual(SmokingStatusCode))
            {
                var time = table.Span(date);
                var previous = _smokingTime[p];
                if (previous is null || time.CompareTo(previous, StringComparison.Ordinal) >= 0)
                {
                    _smokingTime[p] = time.ToString();
                    var text = table.Span(value);
                    if (!values.TryGetValue(text, out var interned))
                    {
                        interned = text.ToString();
                        values.Dictionary[interned] = interned;
                    }
                    _smokingValue[p] = interned;
                }
            }
        }
        rows[definition.Name] = table.Record;
        return tallies;
    }

    private IReadOnlyList<CountItem> SmokingDistribution()
    {
        var counter = new Counter();
        long none = 0;
        foreach (var value in _smokingValue)
        {
            if (value is null) none++;
            else counter.Add(value);
        }
        var list = counter.Sorted().ToList();
        if (none > 0) list.Add(new CountItem("not recorded", none));
        return list;
    }

    private sealed class DeathTally
    {
        public readonly CodeTallies Causes;
        public readonly Counter Manner = new();
        public readonly List<long> Ages = new();

        public DeathTally(Dictionary<string, int> patients) => Causes = new CodeTallies(patients);
    }

    private DeathTally ReadDeaths(Dictionary<string, long> rows)
    {
        var result = new DeathTally(_patientIndex);
        using var table = CsvTable.Open(PathOf(Tables.Deaths));
        int patient = table.Column("PATIENT"), date = table.Column("DATE"), age = table.Column("AGE"), system = table.Column("SYSTEM"),
            code = table.Column("CODE"), description = table.Column("DESCRIPTION"), manner = table.Column("MANNER");
        while (table.Read())
        {
            result.Causes.Add(table, patient, system, code, description);
            Later(table.Date(date));
            if (table.Integer(age) is { } years) result.Ages.Add(years);
            result.Manner.Add(table.Span(manner));
        }
        rows[Tables.Deaths.Name] = table.Record;
        return result;
    }

    private long CountRecords(TableDefinition definition)
    {
        using var table = CsvTable.Open(PathOf(definition));
        while (table.Read())
        {
        }
        return table.Record;
    }
}

/// <summary>Counts of text values, looked up without allocating; an empty value counts as "unknown".</summary>
internal sealed class Counter
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Add(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) value = "unknown";
        var lookup = _counts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(value, out var count)) lookup[value] = count + 1;
        else _counts[value.ToString()] = 1;
    }

    /// <summary>Most frequent first; ties by value (ordinal).</summary>
    public IReadOnlyList<CountItem> Sorted() =>
        _counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => new CountItem(p.Key, p.Value)).ToList();
}

/// <summary>
/// Rows and distinct patients per code of one table. A table's rows are grouped by patient (the generator writes
/// them in patient order), so a code's patients are counted by remembering the last patient that had it; a table
/// whose rows of one patient are not together is rejected rather than miscounted.
/// </summary>
internal sealed class CodeTallies
{
    private sealed class Tally(string system, string code, string description)
    {
        public readonly string System = system;
        public readonly string Code = code;
        public readonly string Description = description;
        public long Rows;
        public long Patients;
        public int LastPatient = -1;
    }

    private readonly Dictionary<string, int> _patients;
    private readonly Dictionary<string, Tally> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Tally> _byDescription = new(StringComparer.Ordinal); // rows without a code
    private readonly bool[] _done;
    private int _current = -1;

    public CodeTallies(Dictionary<string, int> patients)
    {
        _patients = patients;
        _done = new bool[patients.Count];
    }

    /// <summary>Counts the current record; returns its patient's index.</summary>
    public int Add(CsvTable table, int patientColumn, int systemColumn, int codeColumn, int descriptionColumn)
    {
        var id = table.Span(patientColumn);
        if (!_patients.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out int patient))
        {
            throw table.Error($"PATIENT '{id.ToString()}' is not in patients.csv");
        }
        if (patient != _current)
        {
            if (_current >= 0) _done[_current] = true;
            if (_done[patient])
            {
                throw table.Error($"the rows of patient {id.ToString()} are not together (the table must be in patient order, as the generator writes it)");
            }
            _current = patient;
        }

        var code = table.Span(codeColumn);
        var description = table.Span(descriptionColumn);
        var map = code.IsEmpty ? _byDescription : _byCode;
        var key = code.IsEmpty ? description : code;
        if (!map.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var tally))
        {
            var system = systemColumn >= 0 ? table.Text(systemColumn) : ""; // tables without SYSTEM: docs/outputs.md says which
            tally = new Tally(system, code.ToString(), description.IsEmpty ? "unknown" : description.ToString());
            map[key.ToString()] = tally;
        }
        tally.Rows++;
        if (tally.LastPatient != patient)
        {
            tally.LastPatient = patient;
            tally.Patients++;
        }
        return patient;
    }

    /// <summary>The codes with the most patients (then the most rows, then by code and description, ordinal).</summary>
    public IReadOnlyList<CodeCount> Top(int count) =>
        _byCode.Values.Concat(_byDescription.Values)
            .OrderByDescending(t => t.Patients).ThenByDescending(t => t.Rows)
            .ThenBy(t => t.Code, StringComparer.Ordinal).ThenBy(t => t.Description, StringComparer.Ordinal)
            .Take(count)
            .Select(t => new CodeCount(t.System, t.Code, t.Description, t.Patients, t.Rows))
            .ToList();
}
