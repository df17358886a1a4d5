using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Pipeline;

/// <summary>
/// The "modules" step: runs every module of the run on the patient's timeline, from birth to the end date (or
/// death), all together on one clock (<see cref="LockstepExecutor"/>: the earliest module steps first, ties in the
/// run's module order), then turns what they recorded into the patient's records. A module's <c>replace</c> categories apply to
/// a patient only when that module recorded something for them: a module that never fires for a patient (say, an
/// asthma pathway for someone without asthma) must not wipe out that patient's baseline data.
/// One instance per worker: it owns a reusable <see cref="PatientContext"/>.
/// </summary>
public sealed class ModuleExecutionStep : IPatientStep
{
    private readonly PatientContext _patient;
    private readonly ModuleEventConverter _converter = new();
    private readonly LockstepExecutor _executor = new();
    private readonly Stretches _stretches;
    private int[] _recorded = Array.Empty<int>();
    private readonly StepLimitLog? _stepLimits;

    /// <param name="settings">The run's settings.</param>
    /// <param name="stepLimits">Where runs stopped by the step limit are noted (shared by the workers), or null.</param>
    public ModuleExecutionStep(GenerationSettings settings, StepLimitLog? stepLimits = null)
    {
        _patient = new PatientContext(settings.AttributeCount);
        _stretches = new Stretches(_converter, _patient);
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
        _patient.Body = record.Body;

        _converter.Begin(record, _patient, context.Random);
        var modules = settings.Modules;
        _stretches.Clear();
        _executor.Run(modules, _patient, _patient.BirthTicks, ModuleExecutor.DefaultMaxSteps, settings.ModuleReplacements, _stretches);
        if (_stepLimits is not null)
        {
            for (int m = 0; m < modules.Count; m++)
            {
                if (_executor.Outcomes[m] == ModuleRunOutcome.StepLimit) _stepLimits.Record(modules[m], _executor.Result(m), record.Index);
            }
        }

        // Each stretch of events belongs to the module that ran then; a module "ran" for the patient when it recorded anything.
        if (_recorded.Length < modules.Count) _recorded = new int[modules.Count];
        Array.Clear(_recorded, 0, modules.Count);
        var end = _converter.Mark();
        var stretches = _stretches.Items;
        for (int k = 0; k < stretches.Count; k++)
        {
            var (module, from) = stretches[k];
            var to = k + 1 < stretches.Count ? stretches[k + 1].From : end;
            _recorded[module] += _converter.Collect(from, to, modules[module].Name);
        }
        for (int m = 0; m < modules.Count; m++)
        {
            if (_recorded[m] == 0) continue;
            record.ModulesRun.Add(modules[m].Name);
            record.Replaced |= modules[m].Replaces;
        }
        _converter.CollectDeath();
        // The death names the module whose death state was reached, so the death step can thin the life-table
        // hazard by what each module of the run models (ModuleMortality).
        if (record.Death is { Source: "modules" } death && _stretches.DeathBy() is int dying) record.Death = death with { Source = modules[dying].Name };
        _converter.CollectAttributes(settings.AttributeNames);
    }

    /// <summary>
    /// Marks where the running module changes: (module, events recorded before it ran), and which module recorded
    /// the death (the one running when the patient was first seen dead: modules after it only stop).
    /// </summary>
    private sealed class Stretches(ModuleEventConverter converter, PatientContext patient) : IModuleSwitchObserver
    {
        private int _deathBy = -1;

        public List<(int Module, EventMark From)> Items { get; } = new();

        public void Clear()
        {
            Items.Clear();
            _deathBy = -1;
        }

        public void Switching(int module)
        {
            if (_deathBy < 0 && patient.HasDied && Items.Count > 0) _deathBy = Items[^1].Module;
            Items.Add((module, converter.Mark()));
        }

        /// <summary>The module that recorded the death, or null when the patient did not die.</summary>
        public int? DeathBy()
        {
            if (!patient.HasDied || Items.Count == 0) return null;
            return _deathBy >= 0 ? _deathBy : Items[^1].Module;
        }
    }
}
