using Parquet;
using Parquet.Schema;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters;

/// <summary>
/// Writes <c>&lt;directory&gt;/parquet/&lt;table&gt;.parquet</c> for every table in <see cref="Tables.All"/>, with the
/// same columns and values as the CSV files, typed (see <see cref="ColumnType"/>); every column is OPTIONAL (nullable).
/// </summary>
/// <remarks>
/// Rows are buffered per table, by column, and written as a row group whenever a table has
/// <see cref="MaxRowsPerRowGroup"/> rows, and at <see cref="Complete"/>; so memory stays bounded by that many rows
/// per table whatever the number of patients, and does not depend on how the caller batches patients.
/// Files are Snappy-compressed.
/// </remarks>
public sealed class ParquetExporter : IRecordExporter
{
    /// <summary>The sub-directory the files go in.</summary>
    public const string SubDirectory = "parquet";

    /// <summary>Default rows per row group: about 10-20 MB of uncompressed observations.</summary>
    public const int DefaultMaxRowsPerRowGroup = 100_000;

    private readonly ParquetTableSink[] _sinks;
    private readonly IRowSink[] _rowSinks;
    private readonly RowEmitter _emitter = new();
    private readonly RowCountView _counts;
    private bool _completed;
    private bool _disposed;

    /// <summary>Creates <c>&lt;directory&gt;/parquet/</c> and opens every table's file (overwriting).</summary>
    /// <param name="directory">The output directory.</param>
    /// <param name="maxRowsPerRowGroup">Rows buffered per table before a row group is written.</param>
    public ParquetExporter(string directory, int maxRowsPerRowGroup = DefaultMaxRowsPerRowGroup)
        : this(OutputTarget.Folder(directory), maxRowsPerRowGroup)
    {
    }

    /// <summary>Opens every table's file in <paramref name="target"/> (a folder, or nowhere for a dry run).</summary>
    public ParquetExporter(OutputTarget target, int maxRowsPerRowGroup = DefaultMaxRowsPerRowGroup)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRowsPerRowGroup, 1);
        Directory = target.Directory ?? "";
        MaxRowsPerRowGroup = maxRowsPerRowGroup;
        var tables = Tables.All;
        _sinks = new ParquetTableSink[tables.Count];
        var files = new string[tables.Count];
        try
        {
            for (int i = 0; i < tables.Count; i++)
            {
                files[i] = SubDirectory + "/" + tables[i].Name + ".parquet";
                _sinks[i] = new ParquetTableSink(tables[i], target.Create(files[i], bufferSize: 1 << 16, readable: true));
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

    /// <summary>The directory given to the constructor (the files are in its parquet/ sub-directory).</summary>
    public string Directory { get; }

    /// <summary>Rows per row group (the last one of each file may have fewer).</summary>
    public int MaxRowsPerRowGroup { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, long> RowCounts => _counts;

    /// <inheritdoc />
    public IReadOnlyList<string> Files { get; }

    /// <inheritdoc />
    public void Write(PatientRecord patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed) throw new InvalidOperationException("The exporter has completed.");
        _emitter.Emit(patient, _rowSinks);
        foreach (var s in _sinks)
        {
            if (s.Buffered >= MaxRowsPerRowGroup) s.WriteRowGroup();
        }
    }

    /// <inheritdoc />
    public void Complete()
    {
        if (_completed) return;
        ObjectDisposedException.ThrowIf(_disposed, this);
        _completed = true;
        foreach (var s in _sinks)
        {
            if (s.Buffered > 0) s.WriteRowGroup();
        }
        foreach (var s in _sinks) s.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var s in _sinks) s.Dispose();
    }

    /// <summary>The Parquet field of a column.</summary>
    public static DataField Field(ColumnDefinition column) => column.Type switch
    {
        ColumnType.Text or ColumnType.Id => new DataField<string>(column.Name, nullable: true),
        ColumnType.Timestamp => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true,
            unit: DateTimeTimeUnit.Millis, isNullable: true),
        ColumnType.Date => new DataField<DateOnly?>(column.Name, nullable: true),
        ColumnType.Money => new DecimalDataField(column.Name, precision: 18, scale: 2, isNullable: true),
        ColumnType.Number => new DataField<double?>(column.Name, nullable: true),
        ColumnType.Integer => new DataField<int?>(column.Name, nullable: true),
        ColumnType.Boolean => new DataField<bool?>(column.Name, nullable: true),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, null),
    };

    /// <summary>The Parquet schema of a table.</summary>
    public static ParquetSchema Schema(TableDefinition table) => new(table.Columns.Select(Field).ToArray());

    /// <summary>Buffers one table's rows by column and writes them as row groups.</summary>
    private sealed class ParquetTableSink : RowSinkBase, IRowSink, IDisposable, IRowCount
    {
        private readonly Stream _stream;
        private readonly ParquetWriter _writer;
        private readonly DataField[] _fields;
        private readonly ColumnBuffer[] _columns;
        private bool _closed;

        public ParquetTableSink(TableDefinition table, Stream stream)
            : base(table)
        {
            var schema = Schema(table);
            _fields = schema.GetDataFields();
            _columns = table.Columns.Select(c => ColumnBuffer.For(c.Type)).ToArray();
            _stream = stream;
            try
            {
                var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
                _writer = Sync.Run(() => ParquetWriter.CreateAsync(schema, _stream, options, append: false));
            }
            catch
            {
                _stream.Dispose();
                throw;
            }
        }

        /// <summary>Rows waiting for the next row group.</summary>
        public int Buffered { get; private set; }

        public void Id(Guid value) => Strings(Next(ColumnType.Id)).Add(value.ToString(ValueFormat.IdFormat, ValueFormat.Culture));

        public void Id(Guid? value) =>
            Strings(Next(ColumnType.Id)).Add(value?.ToString(ValueFormat.IdFormat, ValueFormat.Culture));

        public void Text(string? value) => Strings(Next(ColumnType.Text)).Add(value);

        public void TextNumber(double value) => Strings(Next(ColumnType.Text)).Add(ValueFormat.Number(value));

        public void Timestamp(DateTime value) => Values<DateTime>(Next(ColumnType.Timestamp)).Add(ValueFormat.Timestamp(value));

        public void Timestamp(DateTime? value) =>
            Values<DateTime>(Next(ColumnType.Timestamp)).Add(value is { } v ? ValueFormat.Timestamp(v) : null);

        public void Date(DateTime value) => Values<DateOnly>(Next(ColumnType.Date)).Add(ValueFormat.Date(value));

        public void Date(DateTime? value) =>
            Values<DateOnly>(Next(ColumnType.Date)).Add(value is { } v ? ValueFormat.Date(v) : null);

        public void Money(decimal? value) =>
            Values<decimal>(Next(ColumnType.Money)).Add(value is { } v ? ValueFormat.Money(v) : null);

        public void Number(double? value) =>
            Values<double>(Next(ColumnType.Number)).Add(value is { } v && !double.IsNaN(v) ? v : null);

        public void Integer(int? value) => Values<int>(Next(ColumnType.Integer)).Add(value);

        public void Boolean(bool? value) => Values<bool>(Next(ColumnType.Boolean)).Add(value);

        public void EndRow()
        {
            CompleteRow();
            Buffered++;
        }

        private StringBuffer Strings(int column) => (StringBuffer)_columns[column];

        private ValueBuffer<T> Values<T>(int column) where T : struct => (ValueBuffer<T>)_columns[column];

        public void WriteRowGroup()
        {
            Sync.Run(async () =>
            {
                using var group = _writer.CreateRowGroup();
                for (int i = 0; i < _columns.Length; i++)
                {
                    await _columns[i].WriteAsync(group, _fields[i]).ConfigureAwait(false);
                }
                group.CompleteValidate();
            });
            foreach (var c in _columns) c.Clear();
            Buffered = 0;
        }

        public void Dispose()
        {
            if (_closed) return;
            _closed = true;
            try
            {
                Sync.Run(() => _writer.DisposeAsync().AsTask());
            }
            finally
            {
                _stream.Dispose();
            }
        }
    }

    /// <summary>One column's values waiting for the next row group.</summary>
    private abstract class ColumnBuffer
    {
        public static ColumnBuffer For(ColumnType type) => type switch
        {
            ColumnType.Text or ColumnType.Id => new StringBuffer(),
            ColumnType.Timestamp => new ValueBuffer<DateTime>(),
            ColumnType.Date => new ValueBuffer<DateOnly>(),
            ColumnType.Money => new ValueBuffer<decimal>(),
            ColumnType.Number => new ValueBuffer<double>(),
            ColumnType.Integer => new ValueBuffer<int>(),
            ColumnType.Boolean => new ValueBuffer<bool>(),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };

        public abstract Task WriteAsync(ParquetRowGroupWriter group, DataField field);

        public abstract void Clear();
    }

    private sealed class StringBuffer : ColumnBuffer
    {
        private readonly List<string?> _values = new();

        public void Add(string? value) => _values.Add(value);

        public override Task WriteAsync(ParquetRowGroupWriter group, DataField field) => group.WriteAsync(field, _values);

        public override void Clear() => _values.Clear();
    }

    private sealed class ValueBuffer<T> : ColumnBuffer where T : struct
    {
        private T?[] _values = new T?[256];
        private int _count;

        public void Add(T? value)
        {
            if (_count == _values.Length) Array.Resize(ref _values, _values.Length * 2);
            _values[_count++] = value;
        }

        public override Task WriteAsync(ParquetRowGroupWriter group, DataField field) =>
            group.WriteAsync(field, new ReadOnlyMemory<T?>(_values, 0, _count));

        public override void Clear()
        {
            Array.Clear(_values, 0, _count);
            _count = 0;
        }
    }
}

/// <summary>Runs an asynchronous library call to completion on the calling thread's behalf.</summary>
internal static class Sync
{
    /// <summary>
    /// Waits for <paramref name="start"/>'s task with no synchronization context, so its continuations run on the
    /// thread pool and cannot deadlock on a single-threaded context (a UI or a test runner's).
    /// </summary>
    public static T Run<T>(Func<Task<T>> start)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return start().GetAwaiter().GetResult();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    public static void Run(Func<Task> start) => Run(async () =>
    {
        await start().ConfigureAwait(false);
        return true;
    });
}
