using CsvHelper;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters;

/// <summary>
/// Writes <c>&lt;directory&gt;/csv/&lt;table&gt;.csv</c> for every table in <see cref="Tables.All"/>: UTF-8 without a
/// byte order mark, RFC 4180 (comma separated, CRLF line endings, fields quoted only when they contain a comma, a
/// quote, CR or LF, quotes doubled), a header row first, invariant culture.
/// </summary>
/// <remarks>
/// Streaming: the files stay open for the whole run and each patient's rows go straight into the writers' buffers
/// (64 KiB per file). Written with CsvHelper 34, which benchmarked faster than Sylvan.Data.Csv on this data
/// (benchmarks/README.md).
/// </remarks>
public sealed class CsvExporter : IRecordExporter
{
    /// <summary>The sub-directory the files go in.</summary>
    public const string SubDirectory = "csv";

    private static readonly CsvWriterOptions Options = new()
    {
        FormatProvider = ValueFormat.Culture,
        NewLine = "\r\n",
        Quoting = CsvQuoting.WhenNeeded,
        WriteByteOrderMark = false,
        NullValue = null,
    };

    private readonly CsvTableSink[] _sinks;
    private readonly IRowSink[] _rowSinks;
    private readonly RowEmitter _emitter = new();
    private readonly RowCountView _counts;
    private bool _completed;
    private bool _disposed;

    /// <summary>Creates <c>&lt;directory&gt;/csv/</c> and opens every table's file (overwriting), writing the headers.</summary>
    public CsvExporter(string directory)
        : this(OutputTarget.Folder(directory))
    {
    }

    /// <summary>Opens every table's file in <paramref name="target"/> (a folder, or nowhere for a dry run).</summary>
    public CsvExporter(OutputTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        Directory = target.Directory ?? "";
        var tables = Tables.All;
        _sinks = new CsvTableSink[tables.Count];
        var files = new string[tables.Count];
        try
        {
            for (int i = 0; i < tables.Count; i++)
            {
                files[i] = SubDirectory + "/" + tables[i].Name + ".csv";
                var stream = target.Create(files[i], bufferSize: 0);
                _sinks[i] = new CsvTableSink(tables[i], CsvWriter.Create(stream, Options, leaveOpen: false));
            }
        }
        catch
        {
            foreach (var s in _sinks) s?.Dispose();
            throw;
        }
        _rowSinks = _sinks;
        Files = files;
        _counts = new RowCountView(_sinks);
    }

    /// <summary>The directory given to the constructor (the files are in its csv/ sub-directory); empty for a dry run.</summary>
    public string Directory { get; }

    public IReadOnlyDictionary<string, long> RowCounts => _counts;

    public IReadOnlyList<string> Files { get; }

    public void Write(PatientRecord patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed) throw new InvalidOperationException("The exporter has completed.");
        _emitter.Emit(patient, _rowSinks);
    }

    public void Complete()
    {
        if (_completed) return;
        ObjectDisposedException.ThrowIf(_disposed, this);
        _completed = true;
        foreach (var s in _sinks) s.Dispose();
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var s in _sinks) s.Dispose();
    }

    /// <summary>Formats one table's fields straight into its CsvHelper writer (UTF-8, no intermediate strings).</summary>
    private sealed class CsvTableSink : RowSinkBase, IRowSink, IDisposable, IRowCount
    {
        private readonly CsvWriter _writer;
        private bool _closed;

        public CsvTableSink(TableDefinition table, CsvWriter writer)
            : base(table)
        {
            _writer = writer;
            _writer.WriteHeader(table.Header);
        }

        public void Id(Guid value)
        {
            Next(ColumnType.Id);
            _writer.WriteField(value, ValueFormat.IdFormat);
        }

        public void Id(Guid? value)
        {
            Next(ColumnType.Id);
            if (value is { } v) _writer.WriteField(v, ValueFormat.IdFormat);
            else _writer.WriteField(ReadOnlySpan<char>.Empty);
        }

        public void Text(string? value)
        {
            Next(ColumnType.Text);
            _writer.WriteField(value);
        }

        public void TextNumber(double value)
        {
            Next(ColumnType.Text);
            if (double.IsNaN(value)) _writer.WriteField(ReadOnlySpan<char>.Empty);
            else _writer.WriteField(value, "R");
        }

        public void Timestamp(DateTime value)
        {
            Next(ColumnType.Timestamp);
            _writer.WriteField(ValueFormat.Timestamp(value), ValueFormat.TimestampFormat);
        }

        public void Timestamp(DateTime? value)
        {
            Next(ColumnType.Timestamp);
            if (value is { } v) _writer.WriteField(ValueFormat.Timestamp(v), ValueFormat.TimestampFormat);
            else _writer.WriteField(ReadOnlySpan<char>.Empty);
        }

        public void Date(DateTime value)
        {
            Next(ColumnType.Date);
            _writer.WriteField(ValueFormat.Date(value), ValueFormat.DateFormat);
        }

        public void Date(DateTime? value)
        {
            Next(ColumnType.Date);
            if (value is { } v) _writer.WriteField(ValueFormat.Date(v), ValueFormat.DateFormat);
            else _writer.WriteField(ReadOnlySpan<char>.Empty);
        }

        public void Money(decimal? value)
        {
            Next(ColumnType.Money);
            if (value is { } v) _writer.WriteField(ValueFormat.Money(v), ValueFormat.MoneyFormat);
            else _writer.WriteField(ReadOnlySpan<char>.Empty);
        }

        public void Number(double? value)
        {
            Next(ColumnType.Number);
            if (value is { } v && !double.IsNaN(v)) _writer.WriteField(v, "R");
            else _writer.WriteField(ReadOnlySpan<char>.Empty);
        }

        public void Integer(int? value)
        {
            Next(ColumnType.Integer);
            if (value is { } v) _writer.WriteField(v, default);
            else _writer.WriteField(ReadOnlySpan<char>.Empty);
        }

        public void Boolean(bool? value)
        {
            Next(ColumnType.Boolean);
            _writer.WriteField(value switch { true => "true", false => "false", null => null });
        }

        public void EndRow()
        {
            CompleteRow();
            _writer.EndRecord();
        }

        public void Dispose()
        {
            if (_closed) return;
            _closed = true;
            _writer.Dispose();
        }
    }
}
