using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Pipeline;

/// <summary>
/// The "modules" step: runs every module of the run on the patient's timeline, from birth to the end date (or
/// death), then turns what they recorded into the patient's records. A module's <c>replace</c> categories apply to
/// a patient only when that module recorded something for them: a module that never fires for a patient (say, an
/// asthma pathway for someone without asthma) must not wipe out that patient's baseline data.
/// One instance per worker: it owns a reusable <see cref="PatientContext"/>.
/// </summary>
public sealed class ModuleExecutionStep : IPatientStep
{
    private readonly PatientContext _patient;
    private readonly ModuleEventConverter _converter = new();
    private readonly StepLimitLog? _stepLimits;

    /// <param name="settings">The run's settings.</param>
    /// <param name="stepLimits">Where runs stopped by the step limit are noted (shared by the workers), or null.</param>
    public ModuleExecutionStep(GenerationSettings settings, StepLimitLog? stepLimits = null)
    {
        _patient = new PatientContext(settings.AttributeCount);
        _stepLimits = stepLimits;
    }

    public string Name => "modules";

    public void Run(PatientRecord record, StepContext context)
    {
        var settings = context.Settings;
        if (settings.Modules.Count == 0) return;
        var demographics = record.Demographics;
        // The modules' own random source is seeded from this step's stream: (seed, index) still decide everything.
        _patient.Reset(context.Random.NextUInt64(), record.Index, demographics.BirthDate.Ticks, demographics.Gender, demographics.SimulationEnd.Ticks);
        _patient.Race = demographics.Race;
        _patient.Ethnicity = demographics.Ethnicity;
        _patient.Smoking = demographics.Smoking;
        _patient.Alcohol = demographics.Alcohol;
        _patient.Education = demographics.Education;
        _patient.Employment = demographics.Employment;
        _patient.Housing = demographics.Housing;
        _patient.Insurance = demographics.Insurance;
        _patient.Income = demographics.Income;

        _converter.Begin(record, _patient, context.Random);
        foreach (var module in settings.Modules)
        {
            var before = _converter.Mark();
            var result = ModuleExecutor.Run(module, _patient, _patient.BirthTicks, ModuleExecutor.DefaultMaxSteps, settings.ModuleReplacements);
            if (result.Outcome == ModuleRunOutcome.StepLimit) _stepLimits?.Record(module, result, record.Index);
            if (_converter.Collect(before, module.Name) > 0)
            {
                record.ModulesRun.Add(module.Name);
                record.Replaced |= module.Replaces;
            }
        }
        _converter.CollectDeath();
        _converter.CollectAttributes(settings.AttributeNames);
    }
}
