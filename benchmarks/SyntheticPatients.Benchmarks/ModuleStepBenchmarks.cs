using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SyntheticPatients.Generated;
using SyntheticPatients.Runtime;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Modules.Interpretation;

namespace SyntheticPatients.Benchmarks;

/// <summary>
/// Module stepping, compiled (the generated classes) against interpreted (<see cref="InterpretedModule"/>, the same
/// YAML loaded at run time), on the same patients and seed: the general scenario's 54 modules run to completion from
/// birth for 200 patients (per population), and a budget of 1,000,000 steps over the same patients (per step; the
/// budget stops the last run mid-way, identically for both). The setup checks that both take the same steps and
/// record the same number of events, so the two sides do the same work.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ModuleStepBenchmarks
{
    private const int Patients = 200;
    private const int StepBudget = 1_000_000;
    private const ulong Seed = 20261125;
    private static readonly long EndTicks = new DateTime(2026, 1, 1).Ticks;

    private CompiledModule[] _compiled = Array.Empty<CompiledModule>();
    private CompiledModule[] _interpreted = Array.Empty<CompiledModule>();
    private PatientContext _patient = null!;

    [GlobalSetup]
    public void Setup()
    {
        var set = RuntimeModuleLoader.Load(RepositoryRoot(), ModuleRegistry.All, AttributeSlots.Names);
        if (set.HasErrors) throw new InvalidOperationException(string.Join(Environment.NewLine, set.Diagnostics));
        _compiled = ScenarioRegistry.Default.Modules.Select(name => ModuleRegistry.Find(name)!).ToArray();
        _interpreted = _compiled.Select(m => set.Find(m.Name)!).ToArray();
        _patient = new PatientContext(set.AttributeCount);

        var compiled = (Steps: Population(_compiled), Events: Events());
        var interpreted = (Steps: Population(_interpreted), Events: Events());
        if (compiled != interpreted) throw new InvalidOperationException($"compiled {compiled} and interpreted {interpreted} differ");
        Console.WriteLine($"// {_compiled.Length} modules x {Patients} patients: {compiled.Steps:N0} steps per population; both sides take the same steps.");
    }

    [Benchmark(Baseline = true, Description = "compiled")]
    [BenchmarkCategory("population")]
    public long CompiledPopulation() => Population(_compiled);

    [Benchmark(Description = "interpreted")]
    [BenchmarkCategory("population")]
    public long InterpretedPopulation() => Population(_interpreted);

    [Benchmark(Baseline = true, Description = "compiled", OperationsPerInvoke = StepBudget)]
    [BenchmarkCategory("per step")]
    public long CompiledStep() => Budget(_compiled);

    [Benchmark(Description = "interpreted", OperationsPerInvoke = StepBudget)]
    [BenchmarkCategory("per step")]
    public long InterpretedStep() => Budget(_interpreted);

    /// <summary>Every module to completion for every patient; returns the steps taken.</summary>
    private long Population(CompiledModule[] modules)
    {
        long steps = 0;
        for (int index = 0; index < Patients; index++)
        {
            Reset(index);
            foreach (var module in modules) steps += ModuleExecutor.Run(module, _patient, _patient.BirthTicks).Steps;
        }
        return steps;
    }

    /// <summary>Exactly <see cref="StepBudget"/> steps: patients in turn, the last run cut by the executor's step limit.</summary>
    private long Budget(CompiledModule[] modules)
    {
        int remaining = StepBudget;
        for (int index = 0; remaining > 0; index++)
        {
            Reset(index % Patients);
            foreach (var module in modules)
            {
                remaining -= ModuleExecutor.Run(module, _patient, _patient.BirthTicks, remaining).Steps;
                if (remaining == 0) break;
            }
        }
        return StepBudget;
    }

    private void Reset(int index)
    {
        long birth = new DateTime(1925 + index * 7 % 100, 1 + index % 12, 1 + index % 28).Ticks;
        _patient.Reset(Seed, index, birth, index % 2 == 0 ? Gender.Female : Gender.Male, EndTicks);
        _patient.Smoking = (index % 3) switch { 0 => "never", 1 => "former", _ => "current" };
        _patient.Income = 10_000 + index * 997 % 190_000;
    }

    private long Events()
        => _patient.Encounters.Count + _patient.Conditions.Count + _patient.Medications.Count + _patient.Observations.Count
        + _patient.Procedures.Count + _patient.Immunizations.Count + _patient.CarePlans.Count + _patient.Allergies.Count;

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SyntheticPatients.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new DirectoryNotFoundException("SyntheticPatients.sln not found above " + AppContext.BaseDirectory);
    }
}
