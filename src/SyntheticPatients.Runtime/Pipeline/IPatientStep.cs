using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Pipeline;

/// <summary>
/// One named step of the patient pipeline (demographics, modules, conditions, encounters, ...). Steps run in a
/// fixed order on one patient at a time; each gets its own random stream derived from (seed, patient index, step
/// name), so adding or changing one step does not shift the draws of the others.
/// </summary>
public interface IPatientStep
{
    /// <summary>Stable name: part of the random stream's derivation, and shown in progress and errors.</summary>
    string Name { get; }

    void Run(PatientRecord record, StepContext context);
}

/// <summary>What a step may use: run settings, the scenario, and its own random stream.</summary>
public sealed class StepContext
{
    public StepContext(GenerationSettings settings, PatientRandom random)
    {
        Settings = settings;
        Random = random;
    }

    public GenerationSettings Settings { get; }

    public Scenarios.ScenarioDefinition Scenario => Settings.Scenario;

    /// <summary>This step's random stream for this patient.</summary>
    public PatientRandom Random { get; }
}
