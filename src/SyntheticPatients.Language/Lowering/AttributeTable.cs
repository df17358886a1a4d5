using System;
using System.Collections.Generic;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Lowering;

/// <summary>
/// The attribute names one module uses, numbered in the order the lowering meets them. The program refers to
/// attributes by these numbers; each engine maps them to its slots once (the emitter to AttributeSlots constants,
/// the interpreter to the run's slot table).
/// </summary>
internal sealed class AttributeTable
{
    private readonly Dictionary<string, int> _indices = new(StringComparer.Ordinal);
    private readonly List<string> _names = new();

    public int IndexOf(string name)
    {
        if (_indices.TryGetValue(name, out int index)) return index;
        _indices.Add(name, _names.Count);
        _names.Add(name);
        return _names.Count - 1;
    }

    public EquatableArray<string> Names => _names.ToEquatableArray();
}
