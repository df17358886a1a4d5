using SyntheticPatients.Runtime.Scenarios;

namespace SyntheticPatients.Runtime.Modules;

/// <summary>
/// What one build compiled: its modules, scenarios and attribute slots. The source generator emits one per
/// compilation (<c>SyntheticPatients.Generated.GeneratedCatalog.Instance</c>), so the CLI can run the built-in
/// library or a tailored generator's own modules without knowing which.
/// </summary>
public sealed class ModuleCatalog
{
    private readonly Dictionary<string, CompiledModule> _modules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ScenarioDefinition> _scenarios = new(StringComparer.Ordinal);

    /// <param name="modules">Every module, ordinal by name.</param>
    /// <param name="scenarios">Every scenario, ordinal by name (may be empty).</param>
    /// <param name="defaultScenario">The scenario run when none is chosen; null when there are no scenarios.</param>
    /// <param name="attributeNames">The attribute name of each slot, in slot order.</param>
    public ModuleCatalog(IReadOnlyList<CompiledModule> modules, IReadOnlyList<ScenarioDefinition> scenarios, ScenarioDefinition? defaultScenario, IReadOnlyList<string> attributeNames)
    {
        Modules = modules;
        Scenarios = scenarios;
        DefaultScenario = defaultScenario;
        AttributeNames = attributeNames;
        // A repeated name keeps its first entry, as the generated registries do (the build reports duplicates).
        foreach (var module in modules) _modules.TryAdd(module.Name, module);
        foreach (var scenario in scenarios) _scenarios.TryAdd(scenario.Name, scenario);
    }

    public IReadOnlyList<CompiledModule> Modules { get; }

    public IReadOnlyList<ScenarioDefinition> Scenarios { get; }

    public ScenarioDefinition? DefaultScenario { get; }

    public IReadOnlyList<string> AttributeNames { get; }

    /// <summary>How many attribute slots a patient context needs.</summary>
    public int AttributeCount => AttributeNames.Count;

    /// <summary>The module with this name, or null.</summary>
    public CompiledModule? Find(string name) => _modules.GetValueOrDefault(name);

    /// <summary>The scenario with this name, or null.</summary>
    public ScenarioDefinition? FindScenario(string name) => _scenarios.GetValueOrDefault(name);
}
