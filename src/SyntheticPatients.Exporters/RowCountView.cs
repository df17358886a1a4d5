using System.Diagnostics.CodeAnalysis;

namespace SyntheticPatients.Exporters;

internal interface IRowCount
{
    TableDefinition Table { get; }
    long Rows { get; }
}

/// <summary>A live, read-only view of the row counts of a set of table sinks, in table order.</summary>
internal sealed class RowCountView : IReadOnlyDictionary<string, long>
{
    private readonly IRowCount[] _tables;

    public RowCountView(IRowCount[] tables) => _tables = tables;

    public long this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => _tables.Select(t => t.Table.Name);

    public IEnumerable<long> Values => _tables.Select(t => t.Rows);

    public int Count => _tables.Length;

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out long value)
    {
        foreach (var t in _tables)
        {
            if (string.Equals(t.Table.Name, key, StringComparison.Ordinal))
            {
                value = t.Rows;
                return true;
            }
        }
        value = 0;
        return false;
    }

    public IEnumerator<KeyValuePair<string, long>> GetEnumerator()
    {
        foreach (var t in _tables) yield return new(t.Table.Name, t.Rows);
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
