using SyntheticPatients.Language.Diagnostics;

namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>
/// What <see cref="RuntimeModuleLoader"/> loaded: the interpreted modules (none when there are errors), every
/// diagnostic, the run's attribute slots and the compiled modules the run-time ones replace.
/// </summary>
public sealed class RuntimeModuleSet
{
    private readonly Dictionary<string, InterpretedModule> _byName;
    private readonly Dictionary<string, CompiledModule> _compiled;

    internal RuntimeModuleSet(IReadOnlyList<InterpretedModule> modules, IReadOnlyList<DiagnosticInfo> diagnostics,
        IReadOnlyList<CompiledModule> compiledModules, IReadOnlyList<string> attributeNames)
    {
        Modules = modules;
        Diagnostics = diagnostics;
        AttributeNames = attributeNames;
        _byName = modules.ToDictionary(m => m.Name, StringComparer.Ordinal);
        _compiled = new Dictionary<string, CompiledModule>(StringComparer.Ordinal);
        foreach (var module in compiledModules) _compiled.TryAdd(module.Name, module);

        var called = new HashSet<string>(modules.SelectMany(m => m.Calls), StringComparer.Ordinal);
        TopLevel = modules.Where(m => !called.Contains(m.Name)).ToList();
        Replaced = modules.Where(m => _compiled.ContainsKey(m.Name)).ToList();
        Replacements = Replaced.ToDictionary(m => m.Name, m => (CompiledModule)m, StringComparer.Ordinal);
    }

    /// <summary>Every module loaded, ordinal by name.</summary>
    public IReadOnlyList<InterpretedModule> Modules { get; }

    /// <summary>The modules no run-time module calls: the ones a run adds.</summary>
    public IReadOnlyList<InterpretedModule> TopLevel { get; }

    /// <summary>The run-time modules that have the name of a compiled module (and replace it).</summary>
    public IReadOnlyList<InterpretedModule> Replaced { get; }

    /// <summary><see cref="Replaced"/> by name, for <see cref="Pipeline.GenerationSettings.ModuleReplacements"/>.</summary>
    public IReadOnlyDictionary<string, CompiledModule> Replacements { get; }

    /// <summary>Errors and warnings, as the build reports them (<c>path(line,col): error SPM0006: ...</c>).</summary>
    public IReadOnlyList<DiagnosticInfo> Diagnostics { get; }

    public bool HasErrors => DiagnosticInfo.AnyError(Diagnostics);

    /// <summary>Attribute names by slot: the compiled modules' slots, then the new names of the run-time modules.</summary>
    public IReadOnlyList<string> AttributeNames { get; }

    public int AttributeCount => AttributeNames.Count;

    /// <summary>A module by name: the run-time one first, else the compiled one; null when neither exists.</summary>
    public CompiledModule? Find(string name)
        => _byName.TryGetValue(name, out var module) ? module : _compiled.GetValueOrDefault(name);

    /// <summary>
    /// The modules of a run: <paramref name="scheduled"/> (the compiled modules the scenario and options ask for) with
    /// replaced ones swapped for their run-time module, followed by the run-time top-level modules not already
    /// among them. With <paramref name="runtimeOnly"/>, only the run-time top-level modules.
    /// </summary>
    public IReadOnlyList<CompiledModule> ModulesForRun(IEnumerable<CompiledModule> scheduled, bool runtimeOnly)
    {
        var result = new List<CompiledModule>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (!runtimeOnly)
        {
            foreach (var module in scheduled)
            {
                var chosen = Find(module.Name) ?? module;
                if (names.Add(chosen.Name)) result.Add(chosen);
            }
        }
        foreach (var module in TopLevel)
        {
            if (names.Add(module.Name)) result.Add(module);
        }
        return result;
    }
}
