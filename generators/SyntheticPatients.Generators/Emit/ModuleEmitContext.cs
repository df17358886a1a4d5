using System;
using System.Collections.Generic;
using System.Globalization;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Generators.Emit;

/// <summary>What the per-state emitters share while emitting one module: state identifiers, field names, temporaries.</summary>
internal sealed class ModuleEmitContext
{
    /// <summary>A <c>State : byte</c> enum and the runtime's 256-bit visited set hold at most this many states.</summary>
    public const int MaxStates = 256;

    private static readonly HashSet<string> ReservedStateNames = new() { "State", "value__" };

    private readonly Dictionary<string, int> _stateIndex = new(StringComparer.Ordinal);
    private readonly string[] _stateIdentifiers;
    private int _temporaries;

    public ModuleEmitContext(ModuleSpec spec)
    {
        Spec = spec;
        ClassName = Identifiers.ClassName(spec.Name);
        DisplayPath = FileKinds.Display(spec.FilePath);
        _stateIdentifiers = new string[spec.States.Count];
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < spec.States.Count; i++)
        {
            var name = spec.States[i].Name;
            if (!_stateIndex.ContainsKey(name)) _stateIndex.Add(name, i);
            var identifier = Identifiers.Sanitize(name);
            if (ReservedStateNames.Contains(identifier)) identifier += "_";
            // Distinct YAML names can sanitise alike ("Asthma Onset", "Asthma_Onset"): number the later ones.
            var unique = identifier;
            for (int n = 2; !taken.Add(unique); n++) unique = identifier + "_" + n.ToString(CultureInfo.InvariantCulture);
            _stateIdentifiers[i] = Identifiers.Escape(unique);
        }
    }

    public ModuleSpec Spec { get; }

    public string ClassName { get; }

    /// <summary>The file as authors see it ("modules/asthma.yaml"), never a machine-specific absolute path.</summary>
    public string DisplayPath { get; }

    public int StateIndex(string name) => _stateIndex.TryGetValue(name, out var index) ? index : -1;

    /// <summary>The enum member of a state (possibly '@'-escaped).</summary>
    public string StateIdentifier(int index) => _stateIdentifiers[index];

    /// <summary><c>State.x</c> for a state name, or null when the module has no such state.</summary>
    public string? StateReference(string name)
    {
        int index = StateIndex(name);
        return index < 0 ? null : "State." + _stateIdentifiers[index];
    }

    public int InitialState => global::SyntheticPatients.Language.Execution.ExecutionFacts.InitialState(Spec);

    /// <summary>The static field holding an encounter state's definition.</summary>
    public string EncounterField(int state) => "s_" + Identifiers.Bare(_stateIdentifiers[state]) + "_encounter";

    /// <summary>The static field holding the definition of item <paramref name="item"/> of a state.</summary>
    public string ItemField(int state, int item) => "s_" + Identifiers.Bare(_stateIdentifiers[state]) + "_" + item.ToString(CultureInfo.InvariantCulture);

    /// <summary>A fresh local name (out variables of conditions share the Step method's scope).</summary>
    public string Temporary(string prefix) => prefix + (++_temporaries).ToString(CultureInfo.InvariantCulture);

    public static string Slot(string attribute) => RuntimeNames.AttributeSlots + "." + Identifiers.AttributeSlot(attribute);

    public static string SlotValue(string attribute) => "patient.Attributes[" + Slot(attribute) + "]";
}
