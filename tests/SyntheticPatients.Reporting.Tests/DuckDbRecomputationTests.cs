using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Xunit;

namespace SyntheticPatients.Reporting.Tests;

/// <summary>
/// The numbers in summary.json equal DuckDB's recomputation from the CSV files. DuckDB reads every table strictly:
/// explicit column names and types, no sniffing, strict mode (a wrong field count, a bad UUID, date or number fails
/// the read instead of being let through).
/// </summary>
[Collection(GeneratedRunCollection.Name)]
public sealed class DuckDbRecomputationTests : IDisposable
{
    private const string Uuid = "UUID", Text = "VARCHAR", Date = "DATE", Timestamp = "TIMESTAMP", Money = "DECIMAL(18,2)",
        Number = "DOUBLE", Integer = "INTEGER";

    /// <summary>The columns of the tables the checks query, spelled out here (not taken from the exporter's code).</summary>
    private static readonly Dictionary<string, (string Name, string Type)[]> Schemas = new()
    {
        ["patients"] = new[]
        {
            ("Id", Uuid), ("BIRTHDATE", Date), ("DEATHDATE", Date), ("SSN", Text), ("DRIVERS", Text), ("PASSPORT", Text), ("PREFIX", Text),
            ("FIRST", Text), ("MIDDLE", Text), ("LAST", Text), ("SUFFIX", Text), ("MAIDEN", Text), ("MARITAL", Text), ("RACE", Text),
            ("ETHNICITY", Text), ("GENDER", Text), ("BIRTHPLACE", Text), ("ADDRESS", Text), ("CITY", Text), ("STATE", Text), ("COUNTY", Text),
            ("FIPS", Text), ("ZIP", Text), ("LAT", Number), ("LON", Number), ("HEALTHCARE_EXPENSES", Money), ("HEALTHCARE_COVERAGE", Money),
            ("INCOME", Integer),
        },
        ["encounters"] = new[]
        {
            ("Id", Uuid), ("START", Timestamp), ("STOP", Timestamp), ("PATIENT", Uuid), ("ORGANIZATION", Uuid), ("PROVIDER", Uuid),
            ("PAYER", Uuid), ("ENCOUNTERCLASS", Text), ("CODE", Text), ("DESCRIPTION", Text), ("BASE_ENCOUNTER_COST", Money),
            ("TOTAL_CLAIM_COST", Money), ("PAYER_COVERAGE", Money), ("REASONCODE", Text), ("REASONDESCRIPTION", Text),
        },
        ["conditions"] = new[]
        {
            ("START", Date), ("STOP", Date), ("PATIENT", Uuid), ("ENCOUNTER", Uuid), ("SYSTEM", Text), ("CODE", Text), ("DESCRIPTION", Text),
        },
        ["medications"] = new[]
        {
            ("START", Timestamp), ("STOP", Timestamp), ("PATIENT", Uuid), ("PAYER", Uuid), ("ENCOUNTER", Uuid), ("CODE", Text),
            ("DESCRIPTION", Text), ("BASE_COST", Money), ("PAYER_COVERAGE", Money), ("DISPENSES", Integer), ("TOTALCOST", Money),
            ("REASONCODE", Text), ("REASONDESCRIPTION", Text),
        },
        ["observations"] = new[]
        {
            ("DATE", Timestamp), ("PATIENT", Uuid), ("ENCOUNTER", Uuid), ("CATEGORY", Text), ("CODE", Text), ("DESCRIPTION", Text),
            ("VALUE", Text), ("UNITS", Text), ("TYPE", Text),
        },
        ["procedures"] = new[]
        {
            ("START", Timestamp), ("STOP", Timestamp), ("PATIENT", Uuid), ("ENCOUNTER", Uuid), ("SYSTEM", Text), ("CODE", Text),
            ("DESCRIPTION", Text), ("BASE_COST", Money), ("REASONCODE", Text), ("REASONDESCRIPTION", Text),
        },
        ["immunizations"] = new[]
        {
            ("DATE", Timestamp), ("PATIENT", Uuid), ("ENCOUNTER", Uuid), ("CODE", Text), ("DESCRIPTION", Text), ("BASE_COST", Money),
        },
        ["allergies"] = new[]
        {
            ("START", Date), ("STOP", Date), ("PATIENT", Uuid), ("ENCOUNTER", Uuid), ("CODE", Text), ("SYSTEM", Text), ("DESCRIPTION", Text),
            ("TYPE", Text), ("CATEGORY", Text), ("REACTION1", Text), ("DESCRIPTION1", Text), ("SEVERITY1", Text), ("REACTION2", Text),
            ("DESCRIPTION2", Text), ("SEVERITY2", Text),
        },
        ["careplans"] = new[]
        {
            ("Id", Uuid), ("START", Date), ("STOP", Date), ("PATIENT", Uuid), ("ENCOUNTER", Uuid), ("CODE", Text), ("DESCRIPTION", Text),
            ("REASONCODE", Text), ("REASONDESCRIPTION", Text),
        },
        ["family_history"] = new[]
        {
            ("Id", Uuid), ("PATIENT", Uuid), ("DATE", Date), ("RELATION_CODE", Text), ("RELATION", Text), ("SYSTEM", Text), ("CODE", Text),
            ("DESCRIPTION", Text), ("ONSET_AGE", Integer), ("DECEASED", "BOOLEAN"),
        },
        ["deaths"] = new[]
        {
            ("PATIENT", Uuid), ("DATE", Timestamp), ("AGE", Integer), ("ENCOUNTER", Uuid), ("SYSTEM", Text), ("CODE", Text),
            ("DESCRIPTION", Text), ("MANNER", Text),
        },
        ["module_attributes"] = new[] { ("PATIENT", Uuid), ("MODULE", Text), ("ATTRIBUTE", Text), ("VALUE", Text) },
    };

    private readonly GeneratedRun _run;
    private readonly DuckDBConnection _db;
    private readonly JsonElement _summary;
    private readonly JsonDocument _document;

    public DuckDbRecomputationTests(GeneratedRun run)
    {
        _run = run;
        _db = new DuckDBConnection("DataSource=:memory:");
        _db.Open();
        foreach (var (table, columns) in Schemas)
        {
            var path = run.Csv(table);
            // The explicit columns are positional: check the header names them in the same order.
            Assert.Equal(string.Join(",", columns.Select(c => c.Name)), File.ReadLines(path).First());
            Execute($"CREATE TABLE {table} AS SELECT * FROM {ReadCsv(path, columns)}");
        }
        _document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.Directory, "dashboard", "summary.json")));
        _summary = _document.RootElement;
    }

    /// <summary>
    /// A strict read_csv: explicit columns and types, nothing sniffed. (Leave new_line to DuckDB: it finds the CRLF
    /// itself, while new_line = '\r\n' given explicitly reads no rows at all in DuckDB 1.5.)
    /// </summary>
    private static string ReadCsv(string path, (string Name, string Type)[] columns)
    {
        var spec = string.Join(", ", columns.Select(c => $"'{c.Name}': '{c.Type}'"));
        return $"""
            read_csv('{path.Replace("'", "''")}', header = true, auto_detect = false, strict_mode = true, delim = ',', quote = '"',
                escape = '"', dateformat = '%Y-%m-%d', timestampformat = '%Y-%m-%dT%H:%M:%SZ', columns = {"{" + spec + "}"})
            """;
    }

    public void Dispose()
    {
        _document.Dispose();
        _db.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = _db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private List<object?[]> Query(string sql)
    {
        using var command = _db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    private long Scalar(string sql) => Convert.ToInt64(Query(sql).Single()[0], CultureInfo.InvariantCulture);

    private Dictionary<string, long> Counts(string sql) =>
        Query(sql).ToDictionary(r => Convert.ToString(r[0], CultureInfo.InvariantCulture)!, r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture));

    private static Dictionary<string, long> Distribution(JsonElement array, string key, string count) =>
        array.EnumerateArray().ToDictionary(e => e.GetProperty(key).GetString()!, e => e.GetProperty(count).GetInt64());

    private const string End = "DATE '2026-01-01'";

    [Fact]
    public void The_strict_read_rejects_a_ragged_row_and_a_bad_value()
    {
        var folder = GeneratedRun.TempDirectory();
        var lines = File.ReadAllLines(_run.Csv("deaths"));
        Assert.True(lines.Length > 1);
        var ragged = Path.Combine(folder, "ragged.csv");
        File.WriteAllText(ragged, string.Join("\r\n", lines.Append(lines[1] + ",extra")) + "\r\n");
        Assert.ThrowsAny<Exception>(() => Execute($"CREATE TABLE ragged AS SELECT * FROM {ReadCsv(ragged, Schemas["deaths"])}"));
        var badAge = Path.Combine(folder, "bad-age.csv");
        var fields = lines[1].Split(',');
        fields[2] = "twelve";
        File.WriteAllText(badAge, string.Join("\r\n", lines.Append(string.Join(",", fields))) + "\r\n");
        // Every column is materialized (as the tables above are): a bare count(*) would not parse AGE and let it through.
        Assert.ThrowsAny<Exception>(() => Execute($"CREATE TABLE bad_age AS SELECT * FROM {ReadCsv(badAge, Schemas["deaths"])}"));
        Assert.Equal(lines.Length - 1, Scalar($"SELECT count(*) FROM {ReadCsv(_run.Csv("deaths"), Schemas["deaths"])}"));
    }

    [Fact]
    public void Rows_per_table_equal_DuckDB_counts()
    {
        var tables = _summary.GetProperty("tables");
        Assert.Equal(Schemas.Keys.Order(), tables.EnumerateObject().Select(p => p.Name).Order());
        foreach (var table in Schemas.Keys)
        {
            Assert.Equal(Scalar($"SELECT count(*) FROM {table}"), tables.GetProperty(table).GetInt64());
        }
        Assert.Equal(GeneratedRun.Patients, tables.GetProperty("patients").GetInt64());
    }

    [Fact]
    public void Patients_by_gender_race_and_ethnicity_equal_DuckDB()
    {
        Assert.Equal(GeneratedRun.Patients, _summary.GetProperty("patients").GetProperty("total").GetInt64());
        var gender = Counts("SELECT coalesce(GENDER, 'unknown'), count(*) FROM patients GROUP BY ALL");
        Assert.Equal(gender, Distribution(_summary.GetProperty("gender"), "value", "patients"));
        Assert.True(gender.ContainsKey("M") && gender.ContainsKey("F"), "both sexes are generated");
        Assert.Equal(Counts("SELECT coalesce(RACE, 'unknown'), count(*) FROM patients GROUP BY ALL"),
            Distribution(_summary.GetProperty("race"), "value", "patients"));
        Assert.Equal(Counts("SELECT coalesce(ETHNICITY, 'unknown'), count(*) FROM patients GROUP BY ALL"),
            Distribution(_summary.GetProperty("ethnicity"), "value", "patients"));
    }

    [Fact]
    public void Population_pyramid_and_living_count_equal_DuckDB()
    {
        const string age = $"year({End}) - year(BIRTHDATE) - CASE WHEN strftime(BIRTHDATE, '%m%d') > strftime({End}, '%m%d') THEN 1 ELSE 0 END";
        const string living = $"BIRTHDATE <= {End} AND (DEATHDATE IS NULL OR DEATHDATE > {End})";
        var patients = _summary.GetProperty("patients");
        Assert.Equal(Scalar($"SELECT count(*) FROM patients WHERE {living}"), patients.GetProperty("living").GetInt64());
        Assert.Equal(Scalar($"SELECT count(*) FROM patients WHERE DEATHDATE <= {End}"), patients.GetProperty("deceased").GetInt64());

        var expected = Counts($"SELECT least(({age}) // 5, 18) || ':' || GENDER, count(*) FROM patients WHERE {living} GROUP BY ALL");
        var actual = new Dictionary<string, long>();
        int band = 0;
        foreach (var entry in _summary.GetProperty("populationPyramid").EnumerateArray())
        {
            Assert.Equal(band * 5, entry.GetProperty("minAge").GetInt32());
            if (entry.GetProperty("male").GetInt64() > 0) actual[$"{band}:M"] = entry.GetProperty("male").GetInt64();
            if (entry.GetProperty("female").GetInt64() > 0) actual[$"{band}:F"] = entry.GetProperty("female").GetInt64();
            band++;
        }
        Assert.Equal(19, band); // 0-4 ... 85-89, 90+
        Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
    }

    [Fact]
    public void Deaths_and_causes_equal_DuckDB()
    {
        var mortality = _summary.GetProperty("mortality");
        long deaths = Scalar("SELECT count(*) FROM deaths");
        Assert.True(deaths > 0, "300 patients over a lifetime include deaths");
        Assert.Equal(deaths, mortality.GetProperty("deaths").GetInt64());
        Assert.Equal(Scalar("SELECT count(*) FROM patients WHERE DEATHDATE IS NOT NULL"), deaths);
        Assert.Equal(Math.Round(deaths * 1000.0 / GeneratedRun.Patients, 2, MidpointRounding.AwayFromZero),
            mortality.GetProperty("crudeRatePer1000Patients").GetDouble());

        var causes = Counts("SELECT coalesce(CODE, ''), count(*) FROM deaths GROUP BY ALL");
        var top = mortality.GetProperty("topCauses").EnumerateArray().ToList();
        Assert.Equal(Math.Min(10, causes.Count), top.Count);
        foreach (var cause in top) Assert.Equal(causes[cause.GetProperty("code").GetString()!], cause.GetProperty("deaths").GetInt64());
        var listed = top.Select(c => c.GetProperty("code").GetString()).ToHashSet();
        long last = top[^1].GetProperty("deaths").GetInt64();
        Assert.All(causes.Where(c => !listed.Contains(c.Key)), c => Assert.True(c.Value <= last, $"cause {c.Key} ({c.Value}) belongs in the top 10"));
        Assert.Equal(Counts("SELECT MANNER, count(*) FROM deaths GROUP BY ALL"), Distribution(mortality.GetProperty("manner"), "value", "deaths"));
    }

    [Theory]
    [InlineData("conditions", "topConditions")]
    [InlineData("medications", "topMedications")]
    [InlineData("observations", "topObservations")]
    public void Top_codes_by_patient_count_equal_DuckDB(string table, string property)
    {
        var all = Query($"""
            SELECT coalesce(CODE, '#' || DESCRIPTION) AS k, count(DISTINCT PATIENT), count(*)
            FROM {table} GROUP BY k
            """).ToDictionary(r => (string)r[0]!, r => (Patients: Convert.ToInt64(r[1], CultureInfo.InvariantCulture), Rows: Convert.ToInt64(r[2], CultureInfo.InvariantCulture)));
        var top = _summary.GetProperty(property).EnumerateArray().ToList();
        Assert.Equal(Math.Min(10, all.Count), top.Count);
        var previous = (Patients: long.MaxValue, Rows: long.MaxValue);
        var listed = new HashSet<string>();
        foreach (var entry in top)
        {
            var code = entry.GetProperty("code").GetString()!;
            var key = code.Length > 0 ? code : "#" + entry.GetProperty("description").GetString();
            Assert.True(all.TryGetValue(key, out var expected), $"{table}: {key} is not in the table");
            Assert.Equal(expected, (entry.GetProperty("patients").GetInt64(), entry.GetProperty("rows").GetInt64()));
            Assert.True(expected.CompareTo(previous) <= 0, $"{table}: {key} is out of order");
            previous = expected;
            listed.Add(key);
        }
        // Nothing left out ranks above the last entry (ties with it may go either way).
        Assert.All(all.Where(p => !listed.Contains(p.Key)), p => Assert.True(p.Value.CompareTo(previous) <= 0, $"{table}: {p.Key} {p.Value} belongs in the top 10"));
    }

    [Fact]
    public void Encounters_per_year_equal_DuckDB()
    {
        var expected = Query("SELECT year(START), count(*) FROM encounters GROUP BY ALL ORDER BY 1")
            .Select(r => (Convert.ToInt32(r[0], CultureInfo.InvariantCulture), Convert.ToInt64(r[1], CultureInfo.InvariantCulture))).ToList();
        var actual = _summary.GetProperty("encountersPerYear").EnumerateArray()
            .Select(e => (e.GetProperty("year").GetInt32(), e.GetProperty("encounters").GetInt64())).ToList();
        Assert.True(expected.Count > 10);
        Assert.Equal(expected, actual);
        Assert.Equal(Counts("SELECT ENCOUNTERCLASS, count(*) FROM encounters GROUP BY ALL"),
            Distribution(_summary.GetProperty("encounterClasses"), "value", "encounters"));
    }

    [Fact]
    public void Income_bands_and_smoking_status_equal_DuckDB()
    {
        var income = Counts("""
            SELECT CASE WHEN INCOME IS NULL THEN 'unknown' WHEN INCOME = 0 THEN '$0' WHEN INCOME < 25000 THEN '$1-$24,999'
                WHEN INCOME < 50000 THEN '$25,000-$49,999' WHEN INCOME < 75000 THEN '$50,000-$74,999'
                WHEN INCOME < 100000 THEN '$75,000-$99,999' WHEN INCOME < 150000 THEN '$100,000-$149,999' ELSE '$150,000+' END,
                count(*)
            FROM patients GROUP BY ALL
            """);
        var bands = Distribution(_summary.GetProperty("sdoh").GetProperty("income"), "band", "patients");
        Assert.Equal(income, bands.Where(b => b.Value > 0).ToDictionary());

        // The latest tobacco smoking status (LOINC 72166-2) per patient; a later row wins a tie, as in the file.
        var smoking = Counts($"""
            WITH o AS (SELECT *, row_number() OVER () AS rn FROM observations WHERE CODE = '72166-2'),
                 latest AS (SELECT PATIENT, VALUE FROM o QUALIFY row_number() OVER (PARTITION BY PATIENT ORDER BY DATE DESC, rn DESC) = 1)
            SELECT VALUE, count(*) FROM latest GROUP BY ALL
            UNION ALL
            SELECT 'not recorded', count(*) FROM patients WHERE Id NOT IN (SELECT PATIENT FROM latest)
            """);
        smoking = smoking.Where(p => p.Value > 0).ToDictionary();
        Assert.NotEmpty(smoking);
        Assert.Equal(smoking, Distribution(_summary.GetProperty("sdoh").GetProperty("smokingStatus"), "value", "patients"));
    }
}
