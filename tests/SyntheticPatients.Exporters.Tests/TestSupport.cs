using System.Globalization;
using Parquet;
using Parquet.Schema;
using Sylvan.Data.Csv;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Tests;

/// <summary>A fresh directory under the temp folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sp-exporters-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A CSV file as an independent reader (Sylvan.Data.Csv, not the CsvHelper writer) parses it.</summary>
public sealed record CsvTable(string[] Header, List<string[]> Rows)
{
    public static CsvTable Read(string path)
    {
        var options = new CsvDataReaderOptions
        {
            HasHeaders = true,
            Delimiter = ',',
            Quote = '"',
            Culture = CultureInfo.InvariantCulture,
        };
        using var reader = CsvDataReader.Create(path, options);
        var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            Assert.Equal(header.Length, reader.RowFieldCount);
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }
        return new CsvTable(header, rows);
    }

    public string Cell(int row, string column) => Rows[row][Array.IndexOf(Header, column)];

    public Dictionary<string, string> Row(int row) =>
        Header.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => Rows[row][p.i]);
}

/// <summary>A Parquet file read back with Parquet.Net's reader: typed cells, row by row.</summary>
public sealed record ParquetTable(DataField[] Fields, List<object?[]> Rows, List<long> RowGroupSizes)
{
    public static ParquetTable Read(string path) => ReadAsync(path).GetAwaiter().GetResult();

    private static async Task<ParquetTable> ReadAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path, new ParquetOptions { UseDateOnlyTypeForDates = true });
        var fields = reader.Schema.GetDataFields();
        var rows = new List<object?[]>();
        var sizes = new List<long>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            sizes.Add(n);
            var columns = new object?[fields.Length][];
            for (int f = 0; f < fields.Length; f++) columns[f] = await ReadColumn(group, fields[f], n);
            for (int r = 0; r < n; r++) rows.Add(columns.Select(c => c[r]).ToArray());
        }
        return new ParquetTable(fields, rows, sizes);
    }

    private static async Task<object?[]> ReadColumn(ParquetRowGroupReader group, DataField field, int n)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[n];
            await group.ReadAsync(field, values.AsMemory());
            return values.Cast<object?>().ToArray();
        }
        if (type == typeof(DateTime)) return await Read<DateTime>(group, field, n);
        if (type == typeof(DateOnly)) return await Read<DateOnly>(group, field, n);
        if (type == typeof(decimal)) return await Read<decimal>(group, field, n);
        if (type == typeof(double)) return await Read<double>(group, field, n);
        if (type == typeof(int)) return await Read<int>(group, field, n);
        if (type == typeof(bool)) return await Read<bool>(group, field, n);
        throw new NotSupportedException(field.ToString());
    }

    private static async Task<object?[]> Read<T>(ParquetRowGroupReader group, DataField field, int n) where T : struct
    {
        var values = new T?[n];
        await group.ReadAsync<T>(field, values.AsMemory());
        return values.Select(v => v.HasValue ? (object)v.Value : null).ToArray();
    }

    public string[] Names => Fields.Select(f => f.Name).ToArray();
}

public static class Export
{
    /// <summary>Writes <paramref name="patients"/> with a new exporter and completes it.</summary>
    public static T Run<T>(T exporter, IEnumerable<PatientRecord> patients) where T : IRecordExporter
    {
        using (exporter)
        {
            foreach (var p in patients) exporter.Write(p);
            exporter.Complete();
        }
        return exporter;
    }

    public static PatientRecord[] Sample() => new[]
    {
        PatientBuilder.Full(0),
        PatientBuilder.Minimal(1),
        PatientBuilder.Full(2),
    };

    /// <summary>Runs <paramref name="action"/> with the current culture (and UI culture) set to <paramref name="name"/>.</summary>
    public static void UnderCulture(string name, Action action)
    {
        var culture = CultureInfo.CurrentCulture;
        var ui = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = ui;
        }
    }
}
