using SyntheticPatients.Runtime.Modules;

namespace SyntheticPatients.Runtime.Records;

/// <summary>
/// Everything generated for one patient, as the exporters consume it. The pipeline fills it step by step
/// (demographics, modules, conditions, encounters, ...); one instance per worker is reused via <see cref="Clear"/>.
/// Every date lies in [birth, death or end of simulation].
/// </summary>
public sealed class PatientRecord
{
    /// <summary>Position of the patient in the run (0-based): with the seed, it determines everything below.</summary>
    public long Index { get; set; }

    public Demographics Demographics { get; set; } = new();

    /// <summary>Last moment the patient's record covers: death, or the end of the simulation.</summary>
    public DateTime End => Death?.Date ?? Demographics.SimulationEnd;

    public List<EncounterRecord> Encounters { get; } = new();

    public List<ConditionRecord> Conditions { get; } = new();

    public List<MedicationRecord> Medications { get; } = new();

    public List<ObservationRecord> Observations { get; } = new();

    public List<ProcedureRecord> Procedures { get; } = new();

    public List<ImmunizationRecord> Immunizations { get; } = new();

    public List<AllergyRecord> Allergies { get; } = new();

    public List<CarePlanRecord> CarePlans { get; } = new();

    public List<FamilyHistoryRecord> FamilyHistory { get; } = new();

    public List<ModuleAttributeRecord> ModuleAttributes { get; } = new();

    public DeathRecord? Death { get; set; }

    private Lifecycle.PatientBody? _body;

    /// <summary>The patient's one body (vital signs and tracked labs over the life), made from the demographics on first use.</summary>
    public Lifecycle.PatientBody Body => _body ??= new Lifecycle.PatientBody(Demographics);

    /// <summary>Categories some module replaced for this patient: the baseline generator of each is skipped.</summary>
    public ModuleCategories Replaced { get; set; }

    /// <summary>Names of the modules that ran for this patient (for enrichment and the manifest).</summary>
    public List<string> ModulesRun { get; } = new();

    public void Clear()
    {
        Index = 0;
        Demographics = new Demographics();
        Encounters.Clear();
        Conditions.Clear();
        Medications.Clear();
        Observations.Clear();
        Procedures.Clear();
        Immunizations.Clear();
        Allergies.Clear();
        CarePlans.Clear();
        FamilyHistory.Clear();
        ModuleAttributes.Clear();
        Death = null;
        _body = null;
        Replaced = ModuleCategories.None;
        ModulesRun.Clear();
    }

    /// <summary>Whether a baseline generator of <paramref name="category"/> should run (no module replaced it).</summary>
    public bool RunsBaseline(ModuleCategories category) => (Replaced & category) == 0;
}
