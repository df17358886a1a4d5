using SyntheticPatients.Generated;
using SyntheticPatients.Runtime.Modules;

namespace SyntheticPatients.Runtime.Tests.Generated;

/// <summary>
/// Runs the sample modules (compiled from modules/*.yaml by the source generator) over a small population:
/// birth years spread over 1940-1999, alternating gender, simulation until 2025-01-01, modules started at birth.
/// </summary>
internal static class SamplePopulation
{
    public const ulong Seed = 20261123;

    public static readonly long EndTicks = new DateTime(2025, 1, 1).Ticks;

    public static readonly CompiledModule[] TopLevel = { SampleHypertensionModule.Instance, SampleAsthmaModule.Instance };

    public static void ResetPatient(PatientContext patient, long index, ulong seed = Seed)
    {
        long birth = new DateTime(1940 + (int)(index % 60), 1 + (int)(index % 12), 1 + (int)(index % 28)).Ticks;
        patient.Reset(seed, index, birth, index % 2 == 0 ? Gender.Female : Gender.Male, EndTicks);
    }

    /// <summary>Simulates one patient with every top-level sample module; returns the steps taken.</summary>
    public static int Simulate(PatientContext patient, long index, ulong seed = Seed)
    {
        ResetPatient(patient, index, seed);
        int steps = 0;
        foreach (var module in TopLevel)
        {
            if (!patient.IsAliveAt(patient.BirthTicks)) break;
            steps += ModuleExecutor.Run(module, patient, patient.BirthTicks).Steps;
        }
        return steps;
    }
}
