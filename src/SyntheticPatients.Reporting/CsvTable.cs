using System.Globalization;
using Sylvan.Data.Csv;

namespace SyntheticPatients.Reporting;

/// <summary>
/// One CSV table read forward, record by record (RFC 4180, comma separated, header first). Columns are found by
/// header name; a record with another number of fields than the header, or a value that does not parse, is an error
/// naming the file and the record.
/// </summary>
internal sealed class CsvTable : IDisposable
{
    private readonly CsvDataReader _reader;
    private readonly int _fieldCount;

    private CsvTable(string path, CsvDataReader reader)
    {
        FileName = Path.GetFileName(path);
        _reader = reader;
        _fieldCount = reader.FieldCount;
    }

    /// <summary>The file's name, for messages.</summary>
    public string FileName { get; }

    /// <summary>Data records read so far (1 for the first record after the header).</summary>
    public long Record { get; private set; }

    public static CsvTable Open(string path)
    {
        if (!File.Exists(path)) throw new DashboardInputException($"{path}: file not found.");
        var options = new CsvDataReaderOptions { Delimiter = ',', HasHeaders = true, BufferSize = 1 << 16 };
        CsvDataReader reader;
        try
        {
            reader = CsvDataReader.Create(path, options);
        }
        catch (CsvFormatException e)
        {
            throw new DashboardInputException($"{Path.GetFileName(path)}: not a readable CSV file ({e.Message}).");
        }
        if (reader.FieldCount == 0)
        {
            reader.Dispose();
            throw new DashboardInputException($"{Path.GetFileName(path)}: empty file (not even a header).");
        }
        return new CsvTable(path, reader);
    }

    /// <summary>The position of a column, by header name.</summary>
    public int Column(string name)
    {
        for (int i = 0; i < _fieldCount; i++)
        {
            if (string.Equals(_reader.GetName(i), name, StringComparison.Ordinal)) return i;
        }
        throw new DashboardInputException($"{FileName}: no {name} column in the header.");
    }

    /// <summary>Moves to the next record; false at the end of the file.</summary>
    public bool Read()
    {
        bool more;
        try
        {
            more = _reader.Read();
        }
        catch (CsvFormatException e)
        {
            throw Error($"not valid CSV ({e.Message})");
        }
        if (!more) return false;
        Record++;
        if (_reader.RowFieldCount != _fieldCount)
        {
            throw Error($"{_reader.RowFieldCount} fields, the header has {_fieldCount}");
        }
        return true;
    }

    public ReadOnlySpan<char> Span(int column) => _reader.GetFieldSpan(column);

    public string Text(int column) => _reader.GetString(column);

    /// <summary>A <c>yyyy-MM-dd</c> date, or the date part of a <c>yyyy-MM-ddTHH:mm:ssZ</c> timestamp; null when empty.</summary>
    public DateOnly? Date(int column)
    {
        var span = Span(column);
        if (span.IsEmpty) return null;
        if (span.Length > 10 && span[10] == 'T') span = span[..10];
        if (!DateOnly.TryParseExact(span, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw Error($"{_reader.GetName(column)} '{span.ToString()}' is not a date");
        }
        return date;
    }

    /// <summary>A whole number; null when empty.</summary>
    public long? Integer(int column)
    {
        var span = Span(column);
        if (span.IsEmpty) return null;
        if (!long.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error($"{_reader.GetName(column)} '{span.ToString()}' is not a whole number");
        }
        return value;
    }

    public DashboardInputException Error(string message) => new($"{FileName}, record {Record}: {message}.");

    public void Dispose() => _reader.Dispose();
}

/// <summary>The output folder cannot be summarized: missing, incomplete or malformed. The message says why.</summary>
public sealed class DashboardInputException(string message) : Exception(message);
