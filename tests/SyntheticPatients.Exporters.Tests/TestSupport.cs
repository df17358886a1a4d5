using System.Globalization;
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
