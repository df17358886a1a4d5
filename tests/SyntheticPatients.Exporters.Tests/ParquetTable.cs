using Parquet;
using Parquet.Schema;

namespace SyntheticPatients.Exporters.Tests;

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
