namespace SyntheticPatients.Runtime.Events;

/// <summary>
/// A growable array of event structs that keeps its capacity across <see cref="Clear"/>, so a patient context
/// reused for the next patient records into memory it already owns. Readers get read-only views;
/// only <see cref="PatientContext"/> mutates (through the internal members).
/// </summary>
public sealed class EventBuffer<T>
    where T : struct
{
    private T[] _items;

    public EventBuffer(int initialCapacity = 16) => _items = new T[Math.Max(1, initialCapacity)];

    public int Count { get; private set; }

    public int Capacity => _items.Length;

    public ref readonly T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) ThrowIndex(index);
            return ref _items[index];
        }
    }

    public ReadOnlySpan<T> AsSpan() => new(_items, 0, Count);

    /// <summary>Span enumeration: <c>foreach (ref readonly var e in buffer)</c> without allocation.</summary>
    public ReadOnlySpan<T>.Enumerator GetEnumerator() => AsSpan().GetEnumerator();

    internal int Add(in T item)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count] = item;
        return Count++;
    }

    internal ref T At(int index)
    {
        if ((uint)index >= (uint)Count) ThrowIndex(index);
        return ref _items[index];
    }

    /// <summary>Forgets the events but keeps the array (references are cleared so definitions are not pinned by stale slots).</summary>
    internal void Clear()
    {
        Array.Clear(_items, 0, Count);
        Count = 0;
    }

    private void ThrowIndex(int index) => throw new ArgumentOutOfRangeException(nameof(index), index, $"Event index must be in [0, {Count}).");
}
