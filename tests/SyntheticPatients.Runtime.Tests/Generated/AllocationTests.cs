using SyntheticPatients.Generated;
using Xunit;
using Xunit.Abstractions;

namespace SyntheticPatients.Runtime.Tests.Generated;

/// <summary>
/// The hot path allocates nothing: once a worker's patient context has grown its buffers, simulating patients with
/// the generated modules (conditions, draws, submodule calls, event recording, Reset) allocates 0 bytes.
/// </summary>
public class AllocationTests
{
    private const int StepsToMeasure = 1_000_000;

    private readonly ITestOutputHelper _output;

    public AllocationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void A_million_steps_of_generated_modules_allocate_nothing_after_warm_up()
    {
        var patient = ModuleRegistry.CreatePatientContext();

        // Warm-up: the same patients as measured below (deterministic), so every buffer reaches the capacity the
        // measured pass needs and every method is jitted.
        int patients = RunUntil(patient, StepsToMeasure, out _);

        long before = GC.GetAllocatedBytesForCurrentThread();
        int measured = RunPatients(patient, patients);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        _output.WriteLine($"{measured:N0} steps over {patients:N0} patients: {allocated:N0} bytes allocated");
        Assert.True(measured >= StepsToMeasure, $"only {measured} steps");
        Assert.Equal(0, allocated);
    }

    private static int RunUntil(PatientContext patient, int steps, out int taken)
    {
        taken = 0;
        int index = 0;
        while (taken < steps) taken += SamplePopulation.Simulate(patient, index++);
        return index;
    }

    private static int RunPatients(PatientContext patient, int count)
    {
        int steps = 0;
        for (int i = 0; i < count; i++) steps += SamplePopulation.Simulate(patient, i);
        return steps;
    }
}
