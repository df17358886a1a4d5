using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Modules.Interpretation;
using SyntheticPatients.Runtime.Tests.Emitter;
using Xunit;
using Xunit.Abstractions;

namespace SyntheticPatients.Runtime.Tests.Interpretation;

/// <summary>
/// The edge-case modules (<see cref="EdgeCaseModules"/>) emitted and compiled in memory by the real emitter, against
/// the same YAML interpreted: identical events for 1,000 patients.
/// </summary>
public sealed class EdgeCaseDifferentialTests(ITestOutputHelper output)
{
    private static readonly (string Path, string Text)[] Files =
    {
        ("edge/modules/edge_main.yaml", EdgeCaseModules.Main),
        ("edge/modules/edge_sub.yaml", EdgeCaseModules.Sub),
    };

    [Fact]
    public void Edge_case_modules_record_the_same_events_emitted_and_interpreted()
    {
        // First pass: the models, to emit and compile them; second: interpreted on the compiled attribute slots.
        var first = Load(Array.Empty<string>());
        Assert.False(first.HasErrors, string.Join("\n", first.Diagnostics));
        var compiled = InMemoryCompiler.Compile(first.Modules.Select(m => m.Spec).ToArray());
        var slotNames = Enumerable.Range(0, compiled.SlotCount).Select(compiled.SlotName).ToArray();
        var set = Load(slotNames);
        Assert.Equal(slotNames, set.AttributeNames);

        var pairs = new[] { (compiled.Module("edge_main"), set.Find("edge_main")!), (compiled.Module("edge_sub"), set.Find("edge_sub")!) };
        var comparer = new ExecutionComparer(set.AttributeCount);
        var difference = comparer.Compare(pairs, ModuleDifferentialTests.Patients, ModuleDifferentialTests.Seed);
        output.WriteLine($"{comparer.Steps:N0} steps, {comparer.Events:N0} event comparisons");

        Assert.True(difference is null, difference);
        Assert.True(comparer.Steps > 50_000, $"only {comparer.Steps} steps");
        Assert.Empty(Unvisited(set.Find("edge_main")!));
    }

    /// <summary>States of <paramref name="module"/> no patient of the comparison entered (so the test really reaches them all).</summary>
    private static List<string> Unvisited(CompiledModule module)
    {
        var visited = new bool[module.StateCount];
        var patient = new PatientContext(64);
        for (int index = 0; index < ModuleDifferentialTests.Patients; index++)
        {
            ExecutionComparer.Reset(patient, index, ModuleDifferentialTests.Seed);
            var run = ModuleRun.Begin(module, patient.BirthTicks);
            ModuleExecutor.Resume(module, ref run, patient);
            for (int state = 0; state < visited.Length; state++) visited[state] |= run.Visited.Contains(state);
        }
        return Enumerable.Range(0, visited.Length).Where(s => !visited[s]).Select(module.StateName).ToList();
    }

    private static RuntimeModuleSet Load(IReadOnlyList<string> attributeNames)
        => RuntimeModuleLoader.Load(Files, Array.Empty<(string, string)>(), Array.Empty<(string, string)>(), Array.Empty<CompiledModule>(), attributeNames);
}
