using BenchmarkDotNet.Attributes;
using SyntheticPatients.Generated;
using SyntheticPatients.Runtime;
using SyntheticPatients.Runtime.Modules;

namespace SyntheticPatients.Benchmarks;

/// <summary>
/// The cost of running the modules together on one clock: the general scenario's compiled modules for 200 patients,
/// one after the other from birth (the engine before lockstep, <see cref="ModuleExecutor"/>) against all together
/// (<see cref="LockstepExecutor"/>). The two do not take exactly the same steps (in lockstep nothing runs after a death
/// and modules see each other's state), so the setup prints both step counts next to the times.
/// </summary>
[MemoryDiagnoser]
public class LockstepBenchmarks
{
    private const int Patients = 200;
    private const ulong Seed = 20261125;
    private static readonly long EndTicks = new DateTime(2026, 1, 1).Ticks;

    private CompiledModule[] _modules = Array.Empty<CompiledModule>();
    private PatientContext _patient = null!;
    private readonly LockstepExecutor _lockstep = new();

    [GlobalSetup]
    public void Setup()
    {
        _modules = ScenarioRegistry.Default.Modules.Select(name => ModuleRegistry.Find(name)!).ToArray();
        _patient = new PatientContext(AttributeSlots.Count);
        Console.WriteLine($"// {_modules.Length} modules x {Patients} patients: {Sequential():N0} steps one after the other, {Lockstep():N0} in lockstep.");
    }

    [Benchmark(Baseline = true, Description = "one after the other")]
    public long Sequential()
    {
        long steps = 0;
        for (int index = 0; index < Patients; index++)
        {
            Reset(index);
            foreach (var module in _modules) steps += ModuleExecutor.Run(module, _patient, _patient.BirthTicks).Steps;
        }
        return steps;
    }

    [Benchmark(Description = "lockstep")]
    public long Lockstep()
    {
        long steps = 0;
        for (int index = 0; index < Patients; index++)
        {
            Reset(index);
            _lockstep.Run(_modules, _patient, _patient.BirthTicks);
            for (int m = 0; m < _modules.Length; m++) steps += _lockstep.Result(m).Steps;
        }
        return steps;
    }

    private void Reset(int index)
    {
        long birth = new DateTime(1925 + index * 7 % 100, 1 + index % 12, 1 + index % 28).Ticks;
        _patient.Reset(Seed, index, birth, index % 2 == 0 ? Gender.Female : Gender.Male, EndTicks);
        _patient.Smoking = (index % 3) switch { 0 => "never", 1 => "former", _ => "current" };
        _patient.Income = 10_000 + index * 997 % 190_000;
    }
}
