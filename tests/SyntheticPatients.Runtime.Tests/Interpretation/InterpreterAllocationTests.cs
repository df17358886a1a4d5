using SyntheticPatients.Generated;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Tests.Generated;
using Xunit;
using Xunit.Abstractions;

namespace SyntheticPatients.Runtime.Tests.Interpretation;

/// <summary>The interpreter's hot path allocates nothing either: lowering happens at load, stepping only reads arrays.</summary>
public sealed class InterpreterAllocationTests(ITestOutputHelper output)
{
    [Fact]
    public void Interpreted_library_modules_allocate_nothing_per_step_after_warm_up()
    {
        var modules = ModuleRegistry.All.Select(m => LibraryModules.Interpreted.Find(m.Name)!).ToArray();
        var patient = new PatientContext(LibraryModules.Interpreted.AttributeCount);
        const int Patients = 200;

        Simulate(patient, modules, Patients); // warm-up: buffers grow, methods are jitted
        long before = GC.GetAllocatedBytesForCurrentThread();
        long steps = Simulate(patient, modules, Patients);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        output.WriteLine($"{steps:N0} steps over {Patients} patients and {modules.Length} modules: {allocated:N0} bytes allocated");
        Assert.True(steps > 500_000, $"only {steps} steps");
        Assert.Equal(0, allocated);
    }

    private static long Simulate(PatientContext patient, CompiledModule[] modules, int patients)
    {
        long steps = 0;
        for (int i = 0; i < patients; i++)
        {
            SamplePopulation.ResetPatient(patient, i);
            foreach (var module in modules) steps += ModuleExecutor.Run(module, patient, patient.BirthTicks).Steps;
        }
        return steps;
    }
}
