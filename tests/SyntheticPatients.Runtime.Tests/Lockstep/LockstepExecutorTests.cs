using SyntheticPatients.Generated;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Modules.Interpretation;
using SyntheticPatients.Runtime.Tests.Generated;
using SyntheticPatients.Runtime.Tests.Interpretation;
using Xunit;

namespace SyntheticPatients.Runtime.Tests.Lockstep;

/// <summary>Modules run together on one clock: each sees the others' records as of its own moment.</summary>
public sealed class LockstepExecutorTests
{
    private static readonly RuntimeModuleSet Modules = RuntimeModuleLoader.Load(
        new[]
        {
            ("lockstep/modules/setter.yaml", LockstepModules.Setter),
            ("lockstep/modules/reader.yaml", LockstepModules.Reader),
            ("lockstep/modules/fatal.yaml", LockstepModules.Fatal),
            ("lockstep/modules/yearly.yaml", LockstepModules.Yearly),
        },
        Array.Empty<(string, string)>(), Array.Empty<(string, string)>(), Array.Empty<CompiledModule>(), Array.Empty<string>());

    private static CompiledModule Module(string name)
    {
        Assert.False(Modules.HasErrors, string.Join("\n", Modules.Diagnostics));
        return Modules.Find(name)!;
    }

    [Theory]
    [InlineData("lockstep_setter", "lockstep_reader")]
    [InlineData("lockstep_reader", "lockstep_setter")]
    public void A_module_sees_an_attribute_only_while_another_module_has_it_set(string first, string second)
    {
        var patient = new PatientContext(Modules.AttributeCount);
        var birth = new DateTime(1950, 3, 1);
        patient.Reset(7, 0, birth.Ticks, Gender.Female, new DateTime(2026, 1, 1).Ticks);

        var executor = new LockstepExecutor();
        executor.Run(new[] { Module(first), Module(second) }, patient, patient.BirthTicks);

        var condition = Assert.Single(patient.Conditions.AsSpan().ToArray());
        // Both guards poll weekly: the setter acts within a week of the birthday, the reader within a week of that
        // (at the same instant when it comes second, at its next poll when it comes first).
        var twoWeeks = TimeSpan.FromDays(14);
        Assert.InRange(new DateTime(condition.Start), birth.AddYears(40), birth.AddYears(40) + twoWeeks);
        Assert.True(condition.HasEnded, "the reader never saw the attribute cleared");
        Assert.InRange(new DateTime(condition.End), birth.AddYears(50), birth.AddYears(50) + twoWeeks);
        Assert.All(executor.Outcomes.ToArray(), outcome => Assert.Equal(ModuleRunOutcome.Terminated, outcome));
    }

    [Theory]
    [InlineData("lockstep_fatal", "lockstep_yearly", 30)] // at the instant of death the fatal module goes first: no reading then
    [InlineData("lockstep_yearly", "lockstep_fatal", 31)] // the yearly module goes first: its reading at that instant is kept
    public void No_module_records_anything_after_the_death_another_module_recorded(string first, string second, int readings)
    {
        var patient = new PatientContext(Modules.AttributeCount);
        patient.Reset(7, 0, new DateTime(1950, 3, 1).Ticks, Gender.Male, new DateTime(2026, 1, 1).Ticks);

        new LockstepExecutor().Run(new[] { Module(first), Module(second) }, patient, patient.BirthTicks);

        Assert.True(patient.HasDied);
        var observations = patient.Observations.AsSpan().ToArray();
        Assert.Equal(readings, observations.Length); // one a year from birth: 30 years of 365 days end on a reading's instant
        Assert.All(observations, o => Assert.True(o.Start <= patient.DeathTicks));
    }

    [Fact]
    public void One_module_alone_runs_as_the_sequential_executor_runs_it()
    {
        var sequential = new PatientContext(AttributeSlots.Names.Count);
        var lockstep = new PatientContext(AttributeSlots.Names.Count);
        var executor = new LockstepExecutor();
        foreach (var module in ModuleRegistry.All)
        {
            for (int index = 0; index < 50; index++)
            {
                SamplePopulation.ResetPatient(sequential, index);
                SamplePopulation.ResetPatient(lockstep, index);
                var result = ModuleExecutor.Run(module, sequential, sequential.BirthTicks);
                executor.Run(new[] { module }, lockstep, lockstep.BirthTicks);
                Assert.Equal(result.Outcome, executor.Outcomes[0]);
                Assert.Equal(EventText.Of(sequential), EventText.Of(lockstep));
            }
        }
    }

    [Fact]
    public void Stepping_the_library_in_lockstep_allocates_nothing_after_warm_up()
    {
        var modules = ModuleRegistry.All.ToArray();
        var patient = new PatientContext(AttributeSlots.Names.Count);
        var executor = new LockstepExecutor();
        Simulate(executor, patient, modules, 100); // warm-up: buffers grow, methods are jitted
        long before = GC.GetAllocatedBytesForCurrentThread();
        Simulate(executor, patient, modules, 100);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void Simulate(LockstepExecutor executor, PatientContext patient, CompiledModule[] modules, int patients)
    {
        for (int i = 0; i < patients; i++)
        {
            SamplePopulation.ResetPatient(patient, i);
            executor.Run(modules, patient, patient.BirthTicks);
        }
    }
}
