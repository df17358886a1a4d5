using SyntheticPatients.Language.Lowering;
using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>
/// A module loaded at run time: the <see cref="ModuleProgram"/> the front-end lowered from its YAML, executed state
/// by state. The source generator prints the same program as C#, so both engines make the same draws, arithmetic and
/// recording calls and give identical records. The partial files hold the actions, the transitions and the conditions.
/// </summary>
public sealed partial class InterpretedModule : CompiledModule
{
    private readonly ModuleProgram _program;
    private readonly LoadedState[] _states;
    private readonly ConditionNode[] _conditions;
    private readonly int[] _children;

    /// <summary>The run's attribute slot of each of the program's attributes.</summary>
    private readonly int[] _slots;

    /// <summary>The modules the program's calls resolve to, filled in by <see cref="Link"/>.</summary>
    private readonly CompiledModule[] _callTargets;

    private readonly string[] _conditionCodes;
    private readonly string[] _sources;

    private InterpretedModule(ModuleSpec spec, ModuleProgram program, AttributeSlotTable slots)
        : base(program.Name, program.DisplayPath, program.States.Count, program.InitialState, Categories(program.Replaces), Categories(program.Augments))
    {
        Spec = spec;
        _program = program;
        _states = ProgramLoader.Load(program);
        _conditions = program.Conditions.ToArray();
        _children = program.Children.ToArray();
        _slots = program.Attributes.Select(slots.SlotOf).ToArray();
        _callTargets = new CompiledModule[program.Calls.Count];
        _conditionCodes = program.ConditionCodes.ToArray();
        _sources = program.Sources.ToArray();
        Description = program.Description;
    }

    /// <summary>The model the program was lowered from.</summary>
    public ModuleSpec Spec { get; }

    /// <summary>The program this module runs.</summary>
    public ModuleProgram Program => _program;

    /// <summary>The YAML file as given to the loader.</summary>
    public string FilePath => Spec.FilePath;

    public override string Description { get; }

    public override IReadOnlyList<string> ConditionCodes => _conditionCodes;

    public override IReadOnlyList<string> Sources => _sources;

    public override string Graph => _program.Graph;

    /// <summary>The names this module's call_submodule states call, in state order.</summary>
    public IReadOnlyList<string> Calls => _program.Calls;

    /// <summary>
    /// A module for <paramref name="program"/>, lowered from <paramref name="spec"/> (a module the front-end bound
    /// without errors). Attribute names resolve through <paramref name="slots"/>; call targets later, by <see cref="Link"/>.
    /// </summary>
    public static InterpretedModule Create(ModuleSpec spec, ModuleProgram program, AttributeSlotTable slots)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(slots);
        if (program.States.Count > StateSet.Capacity)
        {
            // The compiled form refuses these too (#error): prior_state tracks at most 256 states.
            throw new ArgumentException($"Module '{program.Name}' has {program.States.Count} states; a module can have at most {StateSet.Capacity}.", nameof(program));
        }
        return new InterpretedModule(spec, program, slots);
    }

    /// <summary>Lowers <paramref name="spec"/> and creates its module.</summary>
    public static InterpretedModule Create(ModuleSpec spec, AttributeSlotTable slots) => Create(spec, ModuleLowering.Lower(spec), slots);

    /// <summary>
    /// Resolves every call_submodule target by name (run-time modules first, then compiled ones, as the caller
    /// decides). Returns the names that did not resolve; their states then call nothing.
    /// </summary>
    public IReadOnlyList<string> Link(Func<string, CompiledModule?> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        var missing = new List<string>();
        for (int i = 0; i < _callTargets.Length; i++)
        {
            var target = resolve(_program.Calls[i]);
            if (target is null) missing.Add(_program.Calls[i]);
            _callTargets[i] = target!;
        }
        return missing;
    }

    /// <inheritdoc/>
    public override string StateName(int state) => (uint)state < (uint)_states.Length ? _program.States[state].Name : "(unknown state)";

    private static ModuleCategories Categories(IEnumerable<string> flags)
    {
        var categories = ModuleCategories.None;
        foreach (var flag in flags) categories |= Enum.Parse<ModuleCategories>(flag);
        return categories;
    }
}
