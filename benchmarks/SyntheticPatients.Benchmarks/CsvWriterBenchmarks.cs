using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CsvHelper;
using Sylvan.Data.Csv;

namespace SyntheticPatients.Benchmarks;

/// <summary>
/// CsvHelper 34 against Sylvan.Data.Csv writing the two largest tables of a run (observations, encounters) with
/// realistic values: UUIDs, ISO 8601 timestamps, codes, descriptions (some with commas and quotes), decimals.
/// Both write the same bytes (checked in <see cref="Setup"/>) as UTF-8 into <see cref="Stream.Null"/>, so the
/// figures are formatting and encoding cost, not disk speed.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CsvWriterBenchmarks
{
    internal const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    [Params(100_000)]
    public int Rows { get; set; }

    private ObservationRow[] _observations = Array.Empty<ObservationRow>();
    private EncounterRow[] _encounters = Array.Empty<EncounterRow>();

    [GlobalSetup]
    public void Setup()
    {
        _observations = SampleRows.Observations(Rows);
        _encounters = SampleRows.Encounters(Rows);
        Same("observations", s => WriteObservationsCsvHelper(s), s => WriteObservationsSylvan(s));
        Same("encounters", s => WriteEncountersCsvHelper(s), s => WriteEncountersSylvan(s));
    }

    private static void Same(string table, Action<Stream> a, Action<Stream> b)
    {
        var x = new MemoryStream();
        var y = new MemoryStream();
        a(x);
        b(y);
        if (!x.ToArray().AsSpan().SequenceEqual(y.ToArray()))
        {
            var sx = Encoding.UTF8.GetString(x.ToArray());
            var sy = Encoding.UTF8.GetString(y.ToArray());
            int i = 0;
            while (i < Math.Min(sx.Length, sy.Length) && sx[i] == sy[i]) i++;
            throw new InvalidOperationException(
                $"{table}: outputs differ at char {i}: CsvHelper '{Snip(sx, i)}' vs Sylvan '{Snip(sy, i)}'");
        }
    }

    private static string Snip(string s, int i) => s.Substring(Math.Max(0, i - 40), Math.Min(80, s.Length - Math.Max(0, i - 40)));

    [BenchmarkCategory("observations"), Benchmark(Baseline = true, Description = "CsvHelper")]
    public long ObservationsCsvHelper() => WriteObservationsCsvHelper(Stream.Null);

    [BenchmarkCategory("observations"), Benchmark(Description = "Sylvan")]
    public long ObservationsSylvan() => WriteObservationsSylvan(Stream.Null);

    [BenchmarkCategory("encounters"), Benchmark(Baseline = true, Description = "CsvHelper")]
    public long EncountersCsvHelper() => WriteEncountersCsvHelper(Stream.Null);

    [BenchmarkCategory("encounters"), Benchmark(Description = "Sylvan")]
    public long EncountersSylvan() => WriteEncountersSylvan(Stream.Null);

    private static readonly CsvWriterOptions HelperOptions = new() { FormatProvider = CultureInfo.InvariantCulture, NewLine = "\r\n" };

    private static CsvDataWriterOptions SylvanOptions() => new()
    {
        Culture = CultureInfo.InvariantCulture,
        NewLine = "\r\n",
        DateTimeFormat = TimestampFormat,
        WriteHeaders = true,
    };

    private long WriteObservationsCsvHelper(Stream stream)
    {
        using var w = CsvWriter.Create(stream, HelperOptions, leaveOpen: true);
        w.WriteHeader(ObservationReader.Names);
        foreach (ref readonly var r in _observations.AsSpan())
        {
            w.WriteField(r.Date, TimestampFormat);
            w.WriteField(r.Patient, default);
            w.WriteField(r.Encounter, default);
            w.WriteField(r.Category);
            w.WriteField(r.Code);
            w.WriteField(r.Description);
            w.WriteField(r.Value, default);
            w.WriteField(r.Units);
            w.WriteField(r.Type);
            w.EndRecord();
        }
        return w.RecordCount;
    }

    private long WriteObservationsSylvan(Stream stream)
    {
        using var text = new StreamWriter(stream, new UTF8Encoding(false), 65536, leaveOpen: true);
        using var w = CsvDataWriter.Create(text, SylvanOptions());
        return w.Write(new ObservationReader(_observations));
    }

    private long WriteEncountersCsvHelper(Stream stream)
    {
        using var w = CsvWriter.Create(stream, HelperOptions, leaveOpen: true);
        w.WriteHeader(EncounterReader.Names);
        foreach (ref readonly var r in _encounters.AsSpan())
        {
            w.WriteField(r.Id, default);
            w.WriteField(r.Start, TimestampFormat);
            w.WriteField(r.Stop, TimestampFormat);
            w.WriteField(r.Patient, default);
            w.WriteField(r.Organization, default);
            w.WriteField(r.Provider, default);
            w.WriteField(r.Payer, default);
            w.WriteField(r.EncounterClass);
            w.WriteField(r.Code);
            w.WriteField(r.Description);
            w.WriteField(r.BaseCost, "F2");
            w.WriteField(r.TotalCost, "F2");
            w.WriteField(r.PayerCoverage, "F2");
            w.WriteField(r.ReasonCode);
            w.WriteField(r.ReasonDescription);
            w.EndRecord();
        }
        return w.RecordCount;
    }

    private long WriteEncountersSylvan(Stream stream)
    {
        using var text = new StreamWriter(stream, new UTF8Encoding(false), 65536, leaveOpen: true);
        using var w = CsvDataWriter.Create(text, SylvanOptions());
        return w.Write(new EncounterReader(_encounters));
    }
}

public readonly record struct ObservationRow(
    DateTime Date, Guid Patient, Guid? Encounter, string Category, string Code, string Description, double Value,
    string? Units, string Type);

public readonly record struct EncounterRow(
    Guid Id, DateTime Start, DateTime Stop, Guid Patient, Guid Organization, Guid Provider, Guid? Payer,
    string EncounterClass, string Code, string Description, decimal BaseCost, decimal TotalCost, decimal? PayerCoverage,
    string? ReasonCode, string? ReasonDescription);

/// <summary>Deterministic sample rows shaped like a run's output.</summary>
public static class SampleRows
{
    private static readonly (string Category, string Code, string Description, string? Units, double Min, double Max)[] Tests =
    {
        ("vital-signs", "8302-2", "Body Height", "cm", 45, 200),
        ("vital-signs", "29463-7", "Body Weight", "kg", 3, 140),
        ("vital-signs", "39156-5", "Body mass index (BMI) [Ratio]", "kg/m2", 14, 45),
        ("vital-signs", "8480-6", "Systolic Blood Pressure", "mm[Hg]", 90, 190),
        ("vital-signs", "8462-4", "Diastolic Blood Pressure", "mm[Hg]", 50, 120),
        ("vital-signs", "8867-4", "Heart rate", "/min", 50, 120),
        ("laboratory", "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%", 4, 12),
        ("laboratory", "2093-3", "Cholesterol [Mass/volume] in Serum or Plasma", "mg/dL", 120, 300),
        ("laboratory", "2339-0", "Glucose [Mass/volume] in Blood", "mg/dL", 60, 300),
        ("laboratory", "33914-3", "Glomerular filtration rate/1.73 sq M.predicted, \"MDRD\"", "mL/min/{1.73_m2}", 15, 120),
        ("survey", "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported", "{score}", 0, 10),
        ("survey", "55758-7", "Patient Health Questionnaire 2 item (PHQ-2) total score [Reported]", "{score}", 0, 6),
    };

    private static readonly (string Class, string Code, string Description)[] EncounterTypes =
    {
        ("wellness", "410620009", "Well child visit (procedure)"),
        ("ambulatory", "185345009", "Encounter for symptom"),
        ("outpatient", "390906007", "Follow-up encounter"),
        ("emergency", "50849002", "Emergency room admission, ambulance transport"),
        ("inpatient", "32485007", "Hospital admission"),
        ("ambulatory", "162673000", "General examination of patient (procedure)"),
    };

    private static readonly (string? Code, string? Description)[] Reasons =
    {
        (null, null), (null, null), (null, null),
        ("195662009", "Acute viral pharyngitis (disorder)"),
        ("10509002", "Acute bronchitis (disorder)"),
        ("38341003", "Hypertension, essential"),
    };

    public static ObservationRow[] Observations(int n)
    {
        var rng = new Random(42);
        var rows = new ObservationRow[n];
        var patient = NewGuid(rng);
        var encounter = NewGuid(rng);
        var date = new DateTime(2010, 1, 1, 8, 30, 0, DateTimeKind.Utc);
        for (int i = 0; i < n; i++)
        {
            if (i % 56 == 0) { patient = NewGuid(rng); date = new DateTime(2010, 1, 1, 8, 30, 0, DateTimeKind.Utc).AddMinutes(rng.Next(0, 60 * 24 * 365)); }
            if (i % 8 == 0) { encounter = NewGuid(rng); date = date.AddMinutes(rng.Next(60, 60 * 24 * 90)); }
            var t = Tests[rng.Next(Tests.Length)];
            double value = Math.Round(t.Min + rng.NextDouble() * (t.Max - t.Min), 1);
            rows[i] = new ObservationRow(date, patient, i % 50 == 0 ? null : encounter, t.Category, t.Code, t.Description, value, t.Units, "numeric");
        }
        return rows;
    }

    public static EncounterRow[] Encounters(int n)
    {
        var rng = new Random(7);
        var rows = new EncounterRow[n];
        var patient = NewGuid(rng);
        var orgs = Enumerable.Range(0, 20).Select(_ => NewGuid(rng)).ToArray();
        var payers = Enumerable.Range(0, 8).Select(_ => NewGuid(rng)).ToArray();
        var start = new DateTime(2000, 1, 1, 9, 0, 0, DateTimeKind.Utc);
        for (int i = 0; i < n; i++)
        {
            if (i % 20 == 0) { patient = NewGuid(rng); start = new DateTime(2000, 1, 1, 9, 0, 0, DateTimeKind.Utc).AddMinutes(rng.Next(0, 60 * 24 * 365)); }
            start = start.AddMinutes(rng.Next(60, 60 * 24 * 200));
            var t = EncounterTypes[rng.Next(EncounterTypes.Length)];
            var reason = Reasons[rng.Next(Reasons.Length)];
            int org = rng.Next(orgs.Length);
            var baseCost = new decimal(rng.Next(5000, 20000), 0, 0, false, 2);
            var total = baseCost + new decimal(rng.Next(0, 100000), 0, 0, false, 2);
            Guid? payer = rng.Next(10) == 0 ? null : payers[rng.Next(payers.Length)];
            rows[i] = new EncounterRow(NewGuid(rng), start, start.AddMinutes(15 * rng.Next(1, 8)), patient, orgs[org], orgs[(org + 1) % orgs.Length],
                payer, t.Class, t.Code, t.Description, baseCost, total, payer is null ? null : new decimal(rng.Next(0, 10000), 0, 0, false, 2),
                reason.Code, reason.Description);
        }
        return rows;
    }

    private static Guid NewGuid(Random rng)
    {
        Span<byte> b = stackalloc byte[16];
        rng.NextBytes(b);
        b[7] = (byte)((b[7] & 0x0F) | 0x40);
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        return new Guid(b);
    }
}

/// <summary>The minimal forward-only <see cref="DbDataReader"/> that Sylvan's writer consumes.</summary>
public abstract class ArrayReader<T> : DbDataReader, IDbColumnSchemaGenerator
{
    private readonly T[] _rows;
    private readonly string[] _names;
    private readonly Type[] _types;
    private int _index = -1;

    protected ArrayReader(T[] rows, string[] names, Type[] types)
    {
        _rows = rows;
        _names = names;
        _types = types;
    }

    protected ref readonly T Row => ref _rows[_index];

    public System.Collections.ObjectModel.ReadOnlyCollection<DbColumn> GetColumnSchema() =>
        _names.Select((n, i) => (DbColumn)new Column(n, i, _types[i])).ToList().AsReadOnly();

    private sealed class Column : DbColumn
    {
        public Column(string name, int ordinal, Type type)
        {
            ColumnName = name;
            ColumnOrdinal = ordinal;
            DataType = type;
            DataTypeName = type.Name;
            AllowDBNull = true;
        }
    }

    public override bool Read() => ++_index < _rows.Length;
    public override int FieldCount => _names.Length;
    public override string GetName(int ordinal) => _names[ordinal];
    public override Type GetFieldType(int ordinal) => _types[ordinal];
    public override string GetDataTypeName(int ordinal) => _types[ordinal].Name;
    public override int GetOrdinal(string name) => Array.IndexOf(_names, name);
    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));
    public override int Depth => 0;
    public override bool HasRows => _rows.Length > 0;
    public override bool IsClosed => false;
    public override int RecordsAffected => -1;
    public override bool NextResult() => false;
    public override IEnumerator GetEnumerator() => throw new NotSupportedException();
    public override int GetValues(object[] values)
    {
        for (int i = 0; i < FieldCount; i++) values[i] = GetValue(i);
        return FieldCount;
    }
    public override bool GetBoolean(int ordinal) => throw new NotSupportedException();
    public override byte GetByte(int ordinal) => throw new NotSupportedException();
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
    public override char GetChar(int ordinal) => throw new NotSupportedException();
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
    public override DateTime GetDateTime(int ordinal) => throw new NotSupportedException();
    public override decimal GetDecimal(int ordinal) => throw new NotSupportedException();
    public override double GetDouble(int ordinal) => throw new NotSupportedException();
    public override float GetFloat(int ordinal) => throw new NotSupportedException();
    public override Guid GetGuid(int ordinal) => throw new NotSupportedException();
    public override short GetInt16(int ordinal) => throw new NotSupportedException();
    public override int GetInt32(int ordinal) => throw new NotSupportedException();
    public override long GetInt64(int ordinal) => throw new NotSupportedException();
}

public sealed class ObservationReader : ArrayReader<ObservationRow>
{
    public static readonly string[] Names = { "DATE", "PATIENT", "ENCOUNTER", "CATEGORY", "CODE", "DESCRIPTION", "VALUE", "UNITS", "TYPE" };
    private static readonly Type[] Types = { typeof(DateTime), typeof(Guid), typeof(Guid), typeof(string), typeof(string), typeof(string), typeof(double), typeof(string), typeof(string) };

    public ObservationReader(ObservationRow[] rows) : base(rows, Names, Types) { }

    public override DateTime GetDateTime(int ordinal) => Row.Date;
    public override Guid GetGuid(int ordinal) => ordinal == 1 ? Row.Patient : Row.Encounter!.Value;
    public override double GetDouble(int ordinal) => Row.Value;
    public override string GetString(int ordinal) => ordinal switch
    {
        3 => Row.Category,
        4 => Row.Code,
        5 => Row.Description,
        7 => Row.Units ?? "",
        8 => Row.Type,
        _ => throw new InvalidCastException(),
    };
    public override bool IsDBNull(int ordinal) => ordinal switch
    {
        2 => Row.Encounter is null,
        7 => Row.Units is null,
        _ => false,
    };
    public override object GetValue(int ordinal) => ordinal switch
    {
        0 => Row.Date,
        1 => Row.Patient,
        2 => (object?)Row.Encounter ?? DBNull.Value,
        6 => Row.Value,
        _ => IsDBNull(ordinal) ? DBNull.Value : GetString(ordinal),
    };
}

public sealed class EncounterReader : ArrayReader<EncounterRow>
{
    public static readonly string[] Names =
    {
        "Id", "START", "STOP", "PATIENT", "ORGANIZATION", "PROVIDER", "PAYER", "ENCOUNTERCLASS", "CODE", "DESCRIPTION",
        "BASE_ENCOUNTER_COST", "TOTAL_CLAIM_COST", "PAYER_COVERAGE", "REASONCODE", "REASONDESCRIPTION",
    };
    private static readonly Type[] Types =
    {
        typeof(Guid), typeof(DateTime), typeof(DateTime), typeof(Guid), typeof(Guid), typeof(Guid), typeof(Guid), typeof(string),
        typeof(string), typeof(string), typeof(decimal), typeof(decimal), typeof(decimal), typeof(string), typeof(string),
    };

    public EncounterReader(EncounterRow[] rows) : base(rows, Names, Types) { }

    public override DateTime GetDateTime(int ordinal) => ordinal == 1 ? Row.Start : Row.Stop;
    public override Guid GetGuid(int ordinal) => ordinal switch
    {
        0 => Row.Id,
        3 => Row.Patient,
        4 => Row.Organization,
        5 => Row.Provider,
        6 => Row.Payer!.Value,
        _ => throw new InvalidCastException(),
    };
    public override decimal GetDecimal(int ordinal) => ordinal switch
    {
        10 => Row.BaseCost,
        11 => Row.TotalCost,
        12 => Row.PayerCoverage!.Value,
        _ => throw new InvalidCastException(),
    };
    public override string GetString(int ordinal) => ordinal switch
    {
        7 => Row.EncounterClass,
        8 => Row.Code,
        9 => Row.Description,
        13 => Row.ReasonCode!,
        14 => Row.ReasonDescription!,
        _ => throw new InvalidCastException(),
    };
    public override bool IsDBNull(int ordinal) => ordinal switch
    {
        6 => Row.Payer is null,
        12 => Row.PayerCoverage is null,
        13 => Row.ReasonCode is null,
        14 => Row.ReasonDescription is null,
        _ => false,
    };
    public override object GetValue(int ordinal) => IsDBNull(ordinal) ? DBNull.Value : Types[ordinal] switch
    {
        var t when t == typeof(Guid) => GetGuid(ordinal),
        var t when t == typeof(DateTime) => GetDateTime(ordinal),
        var t when t == typeof(decimal) => GetDecimal(ordinal),
        _ => GetString(ordinal),
    };
}
