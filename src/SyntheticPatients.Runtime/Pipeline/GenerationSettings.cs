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
    public IReadOnlyList<CompiledModule> Modules { get; init; } = Array.Empty<CompiledModule>();

    /// <summary>Number of attribute slots the compiled modules use (the registry's AttributeSlots.Count).</summary>
    public int AttributeCount { get; init; }

    /// <summary>Attribute names by slot, for the module_attributes table.</summary>
    public IReadOnlyList<string> AttributeNames { get; init; } = Array.Empty<string>();
}
