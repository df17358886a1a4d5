using System.Diagnostics;
using SyntheticPatients.Generated;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Modules.Interpretation;
using Xunit;
using Xunit.Abstractions;

namespace SyntheticPatients.Runtime.Tests.Interpretation;

/// <summary>
/// The interpreter against the generated code, module by module, on the whole library (modules/): loaded at run time
/// from the same YAML, every module must record exactly what its compiled class records, for the same patients and seed.
/// </summary>
public sealed class ModuleDifferentialTests(ITestOutputHelper output)
{
    internal const int Patients = 1_000;
    internal const ulong Seed = 20261125;

    [Fact]
    public void The_library_loads_at_run_time_without_diagnostics_with_the_compiled_attribute_slots()
    {
        var set = LibraryModules.Interpreted;
        Assert.Empty(set.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(ModuleRegistry.All.Select(m => m.Name), set.Modules.Select(m => m.Name));
        Assert.Equal(AttributeSlots.Names, set.AttributeNames);
        foreach (var compiled in ModuleRegistry.All)
        {
            var interpreted = set.Find(compiled.Name)!;
            Assert.IsType<InterpretedModule>(interpreted);
            Assert.Equal(
                (compiled.SourcePath, compiled.StateCount, compiled.InitialState, compiled.Replaces, compiled.Augments, compiled.Description, compiled.Graph),
                (interpreted.SourcePath, interpreted.StateCount, interpreted.InitialState, interpreted.Replaces, interpreted.Augments, interpreted.Description, interpreted.Graph));
            Assert.Equal(compiled.ConditionCodes, interpreted.ConditionCodes);
            Assert.Equal(compiled.Sources, interpreted.Sources);
            for (int state = 0; state <= compiled.StateCount; state++) Assert.Equal(compiled.StateName(state), interpreted.StateName(state));
        }
    }

    [Fact]
    public void Every_library_module_records_the_same_events_compiled_and_interpreted()
    {
        var set = LibraryModules.Interpreted;
        var pairs = ModuleRegistry.All.Select(m => (Expected: m, Actual: set.Find(m.Name)!)).ToList();
        Assert.Equal(64, pairs.Count); // 61 clinical modules and 3 samples, submodules included
        Assert.All(pairs, pair => Assert.IsType<InterpretedModule>(pair.Actual));

        var comparer = new ExecutionComparer(AttributeSlots.Count);
        var clock = Stopwatch.StartNew();
        var difference = comparer.Compare(pairs, Patients, Seed);
        output.WriteLine($"{Patients} patients x {pairs.Count} modules: {comparer.Steps:N0} steps, {comparer.Events:N0} event comparisons in {clock.Elapsed.TotalSeconds:F1} s; compiled {comparer.RunClock.Elapsed.TotalSeconds:F1} s, interpreted {comparer.InterpretedClock.Elapsed.TotalSeconds:F1} s");

        Assert.True(difference is null, difference);
        Assert.True(comparer.Steps > 1_000_000, $"only {comparer.Steps} steps");
        Assert.True(comparer.Events > 100_000, $"only {comparer.Events} events");
    }

    /// <summary>Proof the comparison can fail: a module that differs from its compiled class in one weight, or one dose text.</summary>
    [Theory]
    [InlineData("weights")]
    [InlineData("dose")]
    public void A_module_that_differs_from_its_compiled_class_is_caught_with_module_patient_and_event(string change)
    {
        var path = Path.Combine(LibraryModules.RepositoryRoot, "modules", "sample_hypertension.yaml");
        var text = File.ReadAllText(path);
        var changed = change == "weights"
            ? text.Replace("distribution: 0.7\n", "distribution: 0.69\n", StringComparison.Ordinal).Replace("distribution: 0.3\n", "distribution: 0.31\n", StringComparison.Ordinal)
            : text.Replace("dose: \"10 mg once daily\"", "dose: \"10 mg a day\"", StringComparison.Ordinal);
        Assert.NotEqual(text, changed);
        var set = RuntimeModuleLoader.Load(new[] { (path, changed) }, Array.Empty<(string, string)>(), Array.Empty<(string, string)>(), ModuleRegistry.All, AttributeSlots.Names);
        Assert.False(set.HasErrors, string.Join("\n", set.Diagnostics));

        var compiled = SampleHypertensionModule.Instance;
        var difference = new ExecutionComparer(set.AttributeCount).Compare(new[] { ((CompiledModule)compiled, set.Find(compiled.Name)!) }, Patients, Seed);

        output.WriteLine(difference ?? "(no difference)");
        Assert.NotNull(difference);
        Assert.StartsWith("module 'sample_hypertension', patient ", difference, StringComparison.Ordinal);
        Assert.Contains(change == "weights" ? "10 mg once daily" : "10 mg a day", difference, StringComparison.Ordinal);
    }
}
