namespace SyntheticPatients.Exporters;

/// <summary>
/// Receives the fields of one table's rows, in column order, one call per field and then <see cref="EndRow"/>.
/// <see cref="RowEmitter"/> produces rows once; a CSV sink formats them and a Parquet sink buffers them by column,
/// so every format holds the same values. Null means an empty field.
/// </summary>
internal interface IRowSink
{
    void Id(Guid value);
    void Id(Guid? value);
    void Text(string? value);
    /// <summary>A Text column holding a number (observation values); NaN is empty.</summary>
    void TextNumber(double value);
    void Timestamp(DateTime value);
    void Timestamp(DateTime? value);
    void Date(DateTime value);
    void Date(DateTime? value);
    void Money(decimal? value);
    void Number(double? value);
    void Integer(int? value);
    void Boolean(bool? value);
    void EndRow();
}

/// <summary>Checks that the fields a sink receives match the table's column types, in order.</summary>
internal abstract class RowSinkBase
{
    private readonly ColumnType[] _types;
    private int _column;

    protected RowSinkBase(TableDefinition table)
    {
        Table = table;
        _types = table.Types;
    }

    public TableDefinition Table { get; }

    /// <summary>Rows completed.</summary>
    public long Rows { get; private set; }

    /// <summary>Claims the next column, which must be of <paramref name="type"/>; returns its index.</summary>
    protected int Next(ColumnType type)
    {
        int column = _column;
        if (column >= _types.Length || _types[column] != type)
        {
            throw new InvalidOperationException(
                $"Table {Table.Name}: field {column} written as {type}, but the table has " +
                (column >= _types.Length ? $"only {_types.Length} columns." : $"{Table.Columns[column].Name} of type {_types[column]}."));
        }
        _column = column + 1;
        return column;
    }

    /// <summary>Ends the row: every column must have been written.</summary>
    protected void CompleteRow()
    {
        if (_column != _types.Length)
        {
            throw new InvalidOperationException($"Table {Table.Name}: row ended after {_column} of {_types.Length} columns.");
        }
        _column = 0;
        Rows++;
    }
}
