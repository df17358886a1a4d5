using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Scenarios;

namespace SyntheticPatients.Runtime.Pipeline;

/// <summary>Everything that determines a run's output, besides the code: same settings, same bytes.</summary>
public sealed class GenerationSettings
{
    public required ScenarioDefinition Scenario { get; init; }

    public ulong Seed { get; init; } = 42;

    /// <summary>
    /// The simulated "today": records end here (or at death). A fixed default rather than the clock, so output
    /// does not depend on the day it is generated.
    /// </summary>
    public DateTime EndDate { get; init; } = new(2026, 1, 1);

    /// <summary>Modules to run for every patient (scenario modules plus those asked for on the command line).</summary>
    public IReadOnlyList<CompiledModule> Modules
    {
        get => _modules;
        init
        {
            _modules = value;
            var owned = new HashSet<string>(StringComparer.Ordinal);
            foreach (var module in value) owned.UnionWith(module.ConditionCodes);
            ModuleOwnedConditionCodes = owned;
        }
    }

    private readonly IReadOnlyList<CompiledModule> _modules = Array.Empty<CompiledModule>();

    /// <summary>Condition codes some module of the run records: the baseline does not assign those conditions.</summary>
    public IReadOnlySet<string> ModuleOwnedConditionCodes { get; private init; } = new HashSet<string>();

    /// <summary>Number of attribute slots the compiled modules use (the registry's AttributeSlots.Count).</summary>
    public int AttributeCount { get; init; }

    /// <summary>Attribute names by slot, for the module_attributes table.</summary>
    public IReadOnlyList<string> AttributeNames { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Run-time modules that replace compiled modules of the same name, by name: submodule calls of every module
    /// (compiled callers included) reach the replacement. Null when nothing is replaced.
    /// </summary>
    public IReadOnlyDictionary<string, CompiledModule>? ModuleReplacements { get; init; }
}
