using System;
using System.Collections.Generic;
using System.Globalization;
using SyntheticPatients.Language.Lowering;

namespace SyntheticPatients.Generators.Emit;

/// <summary>What the per-state emitters share while emitting one module: state identifiers, field names, temporaries.</summary>
internal sealed class ModuleEmitContext
{
    /// <summary>A <c>State : byte</c> enum and the runtime's 256-bit visited set hold at most this many states.</summary>
    public const int MaxStates = 256;

    private static readonly HashSet<string> ReservedStateNames = new() { "State", "value__" };

    private readonly string[] _stateIdentifiers;
    private int _temporaries;

    public ModuleEmitContext(ModuleProgram program)
    {
        Program = program;
        ClassName = Identifiers.ClassName(program.Name);
        _stateIdentifiers = new string[program.States.Count];
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < program.States.Count; i++)
        {
            var name = program.States[i].Name;
            var identifier = Identifiers.Sanitize(name);
            if (ReservedStateNames.Contains(identifier)) identifier += "_";
            // Distinct YAML names can sanitise alike ("Asthma Onset", "Asthma_Onset"): number the later ones.
            var unique = identifier;
            for (int n = 2; !taken.Add(unique); n++) unique = identifier + "_" + n.ToString(CultureInfo.InvariantCulture);
            _stateIdentifiers[i] = Identifiers.Escape(unique);
        }
    }

    public ModuleProgram Program { get; }

    public string ClassName { get; }

    /// <summary>The file as authors see it ("modules/asthma.yaml"), never a machine-specific absolute path.</summary>
    public string DisplayPath => Program.DisplayPath;

    /// <summary>The enum member of a state (possibly '@'-escaped).</summary>
    public string StateIdentifier(int index) => _stateIdentifiers[index];

    /// <summary><c>State.x</c> of a state index.</summary>
    public string StateReference(int index) => "State." + _stateIdentifiers[index];

    /// <summary>The static field holding an encounter state's definition.</summary>
    public string EncounterField(int state) => "s_" + Identifiers.Bare(_stateIdentifiers[state]) + "_encounter";

    /// <summary>The static field holding the definition of item <paramref name="item"/> of a state.</summary>
    public string ItemField(int state, int item) => "s_" + Identifiers.Bare(_stateIdentifiers[state]) + "_" + item.ToString(CultureInfo.InvariantCulture);

    /// <summary>A fresh local name (out variables of conditions share the Step method's scope).</summary>
    public string Temporary(string prefix) => prefix + (++_temporaries).ToString(CultureInfo.InvariantCulture);

    /// <summary>The registry's AttributeSlots constant of one of the program's attributes.</summary>
    public string Slot(int attribute) => RuntimeNames.AttributeSlots + "." + Identifiers.AttributeSlot(Program.Attributes[attribute]);

    public string SlotValue(int attribute) => "patient.Attributes[" + Slot(attribute) + "]";
}
