namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>
/// Attribute name to slot, for run-time modules: a name the compiled modules know keeps its compiled slot (their
/// <c>AttributeSlots</c>, in order), and a new name gets the next slot after them. The patient contexts of a run
/// need <see cref="Count"/> slots.
/// </summary>
public sealed class AttributeSlotTable
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<string> _names = new();

    /// <param name="compiledNames">The compiled modules' attribute names by slot (<c>AttributeSlots.Names</c>).</param>
    public AttributeSlotTable(IReadOnlyList<string> compiledNames)
    {
        ArgumentNullException.ThrowIfNull(compiledNames);
        foreach (var name in compiledNames) SlotOf(name);
        CompiledCount = _names.Count;
    }

    /// <summary>How many slots the compiled modules use.</summary>
    public int CompiledCount { get; }

    /// <summary>Slots in all.</summary>
    public int Count => _names.Count;

    /// <summary>The attribute name of each slot.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The slot of <paramref name="name"/>, adding it after the others when it is new.</summary>
    public int SlotOf(string name)
    {
        if (_slots.TryGetValue(name, out int slot)) return slot;
        _slots.Add(name, _names.Count);
        _names.Add(name);
        return _names.Count - 1;
    }
}
