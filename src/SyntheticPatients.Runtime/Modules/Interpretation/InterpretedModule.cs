using SyntheticPatients.Language.Execution;
using SyntheticPatients.Language.Graphs;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>
/// A module loaded at run time: the bound model lowered into arrays (<see cref="ModuleProgram"/>) and walked by
/// <see cref="Step"/>, with the same draws, arithmetic and recording calls as the class the source generator emits
/// for the same YAML, so both give identical records. The partial files hold the state actions, the transitions and
/// the conditions.
/// </summary>
public sealed partial class InterpretedModule : CompiledModule
{
    private readonly ModuleProgram _program;
    private readonly LoweredState[] _states;
    private readonly string[] _stateNames;
    private readonly string[] _conditionCodes;
    private readonly string[] _sources;
    private readonly Lazy<string> _graph;

    private InterpretedModule(ModuleSpec spec, ModuleProgram program)
        : base(spec.Name, FileKinds.Display(spec.FilePath), spec.States.Count, ExecutionFacts.InitialState(spec),
            Categories(spec, CategoryMode.Replace), Categories(spec, CategoryMode.Augment))
    {
        Spec = spec;
        _program = program;
        _states = program.States;
        _stateNames = spec.States.Select(s => s.Name).ToArray();
        _conditionCodes = ExecutionFacts.ConditionCodes(spec).ToArray();
        _sources = spec.Sources.ToArray();
        _graph = new Lazy<string>(() => MermaidGraph.Build(spec).TrimEnd('\n'));
        Description = spec.Description;
    }

    /// <summary>The model this module was lowered from.</summary>
    public ModuleSpec Spec { get; }

    /// <summary>The YAML file as given to the loader.</summary>
    public string FilePath => Spec.FilePath;

    public override string Description { get; }

    public override IReadOnlyList<string> ConditionCodes => _conditionCodes;

    public override IReadOnlyList<string> Sources => _sources;

    public override string Graph => _graph.Value;

    /// <summary>The names this module's call_submodule states call, in state order.</summary>
    public IReadOnlyList<string> Calls => _program.CallNames;

    /// <summary>
    /// Lowers <paramref name="spec"/> (a module the front-end bound without errors). Attribute names resolve through
    /// <paramref name="slots"/>; call targets are resolved later by <see cref="Link"/>.
    /// </summary>
    public static InterpretedModule Create(ModuleSpec spec, AttributeSlotTable slots)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(slots);
        if (spec.States.Count > StateSet.Capacity)
        {
            // The compiled form refuses these too (#error): prior_state tracks at most 256 states.
            throw new ArgumentException($"Module '{spec.Name}' has {spec.States.Count} states; a module can have at most {StateSet.Capacity}.", nameof(spec));
        }
        return new InterpretedModule(spec, ModuleLowering.Lower(spec, slots));
    }

    /// <summary>
    /// Resolves every call_submodule target by name (run-time modules first, then compiled ones, as the caller
    /// decides). Returns the names that did not resolve; their states then call nothing.
    /// </summary>
    public IReadOnlyList<string> Link(Func<string, CompiledModule?> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        var missing = new List<string>();
        for (int i = 0; i < _program.CallNames.Length; i++)
        {
            var target = resolve(_program.CallNames[i]);
            if (target is null) missing.Add(_program.CallNames[i]);
            _program.CallTargets[i] = target!;
        }
        return missing;
    }

    /// <inheritdoc/>
    public override string StateName(int state) => (uint)state < (uint)_stateNames.Length ? _stateNames[state] : "(unknown state)";

    private static ModuleCategories Categories(ModuleSpec spec, CategoryMode mode)
    {
        var flags = ModuleCategories.None;
        foreach (var flag in ExecutionFacts.CategoryFlags(spec, mode)) flags |= Enum.Parse<ModuleCategories>(flag);
        return flags;
    }
}
