namespace SyntheticPatients.Runtime.Modules;

/// <summary>
/// The running modules ordered by (clock, position in the run): a binary min-heap of module indices, so finding the
/// next module to step costs O(log modules) instead of a scan. Reused across patients without allocating.
/// </summary>
internal sealed class ModuleClockHeap
{
    private int[] _modules = Array.Empty<int>();
    private long[] _clocks = Array.Empty<long>();

    public int Count { get; private set; }

    /// <summary>The module to step next.</summary>
    public int Top => _modules[0];

    public void Clear(int capacity)
    {
        Count = 0;
        if (_modules.Length < capacity)
        {
            _modules = new int[capacity];
            _clocks = new long[capacity];
        }
    }

    public void Add(int module, long clock)
    {
        int i = Count++;
        _modules[i] = module;
        _clocks[i] = clock;
        SiftUp(i);
    }

    /// <summary>The top module's clock moved on (never backwards).</summary>
    public void UpdateTop(long clock)
    {
        _clocks[0] = clock;
        SiftDown(0);
    }

    public void RemoveTop()
    {
        int last = --Count;
        if (last == 0) return;
        _modules[0] = _modules[last];
        _clocks[0] = _clocks[last];
        SiftDown(0);
    }

    private bool Before(int a, int b) => _clocks[a] < _clocks[b] || (_clocks[a] == _clocks[b] && _modules[a] < _modules[b]);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            int parent = (i - 1) / 2;
            if (!Before(i, parent)) return;
            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            int left = 2 * i + 1;
            if (left >= Count) return;
            int smallest = left + 1 < Count && Before(left + 1, left) ? left + 1 : left;
            if (!Before(smallest, i)) return;
            Swap(i, smallest);
            i = smallest;
        }
    }

    private void Swap(int a, int b)
    {
        (_modules[a], _modules[b]) = (_modules[b], _modules[a]);
        (_clocks[a], _clocks[b]) = (_clocks[b], _clocks[a]);
    }
}
