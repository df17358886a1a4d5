using System.Diagnostics;
using SyntheticPatients.Generated;
using SyntheticPatients.Runtime.Lifecycle;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Modules.Interpretation;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;
using SyntheticPatients.Runtime.Tests.Lifecycle;
using Xunit;
using Xunit.Abstractions;

namespace SyntheticPatients.Runtime.Tests.Interpretation;

/// <summary>
/// The whole pipeline with the general scenario's modules interpreted against the same run with the compiled ones:
/// every field of every patient record must be equal (a separate class from the module-by-module test, so xunit runs
/// the two in parallel).
/// </summary>
public sealed class PipelineDifferentialTests(ITestOutputHelper output)
{
    private const int Patients = ModuleDifferentialTests.Patients;
    private const ulong Seed = ModuleDifferentialTests.Seed;

    [Fact]
    public void The_general_scenario_gives_identical_patient_records_compiled_and_interpreted()
    {
        var set = LibraryModules.Interpreted;
        var scenario = ScenarioRegistry.Default;
        var compiled = scenario.Modules.Select(name => ModuleRegistry.Find(name)!).ToList();
        var compiledSettings = Settings(scenario, compiled, AttributeSlots.Names);
        var interpretedSettings = Settings(scenario, compiled.Select(m => set.Find(m.Name)!).ToList(), set.AttributeNames);
        Assert.All(interpretedSettings.Modules, module => Assert.IsType<InterpretedModule>(module));
        Assert.Equal(compiled.Count, interpretedSettings.Modules.Count);

        var expected = new PatientPipeline(compiledSettings, BaselineSteps.Create(new ModuleExecutionStep(compiledSettings)));
        var actual = new PatientPipeline(interpretedSettings, BaselineSteps.Create(new ModuleExecutionStep(interpretedSettings)));
        PatientRecord left = new(), right = new();
        int moduleRecords = 0;
        var clock = Stopwatch.StartNew();
        for (int index = 0; index < Patients; index++)
        {
            expected.Generate(index, left);
            actual.Generate(index, right);
            var a = Fingerprint(left);
            var b = Fingerprint(right);
            if (a != b) Assert.Fail($"patient {index}: first difference\n{FirstDifferentLine(a, b)}");
            moduleRecords += left.ModulesRun.Count;
        }
        output.WriteLine($"{Patients} patients, {compiled.Count} modules, {moduleRecords} module runs that recorded something, {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(moduleRecords > Patients, $"modules recorded something in only {moduleRecords} runs");
    }

    private static GenerationSettings Settings(global::SyntheticPatients.Runtime.Scenarios.ScenarioDefinition scenario, IReadOnlyList<CompiledModule> modules, IReadOnlyList<string> attributes)
        => new() { Scenario = scenario, Seed = Seed, Modules = modules, AttributeCount = attributes.Count, AttributeNames = attributes };

    /// <summary>Every field of the record (the baseline fixture's fingerprint) plus what the modules step adds.</summary>
    private static string Fingerprint(PatientRecord record)
        => LifecycleFixtures.Fingerprint(record)
            + string.Join("\n", record.ModuleAttributes) + "\n"
            + string.Join(",", record.ModulesRun) + "\n" + record.Replaced;

    private static string FirstDifferentLine(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        for (int i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var a = i < left.Length ? left[i] : "(none)";
            var b = i < right.Length ? right[i] : "(none)";
            if (a != b) return $"  compiled:    {a}\n  interpreted: {b}";
        }
        return "(none)";
    }
}
