using SyntheticPatients.Generated;
using SyntheticPatients.Runtime.Generation;
using SyntheticPatients.Runtime.Lifecycle;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Tests.Records;

/// <summary>
/// Patients of the general scenario through the whole pipeline (baseline and library modules), built as the KPI
/// test builds them, so record-level rules are checked on the rows the exporters actually receive.
/// </summary>
internal static class GeneralScenarioRun
{
    /// <summary>Runs <paramref name="count"/> patients and hands each finished record to <paramref name="visit"/> (in index order, one at a time).</summary>
    public static void Run(int count, Action<PatientRecord> visit, ulong seed = 20261125)
    {
        var scenario = ScenarioRegistry.Default;
        var modules = scenario.Modules.Select(name => ModuleRegistry.Find(name) ?? throw new InvalidOperationException("unknown module " + name)).ToList<CompiledModule>();
        var settings = new GenerationSettings
        {
            Scenario = scenario,
            Seed = seed,
            Modules = modules,
            AttributeCount = AttributeSlots.Count,
            AttributeNames = AttributeSlots.Names,
        };
        new PopulationGenerator(settings, s => BaselineSteps.Create(new ModuleExecutionStep(s)), Environment.ProcessorCount)
            .Run(count, visit);
    }
}
