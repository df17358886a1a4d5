using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Vital signs for encounters created after the observation step (allergy and vaccination visits), so every
/// encounter has them; the timeline is built on first use.
/// </summary>
public sealed class LateVitals
{
    private readonly PatientRecord _record;
    private readonly PatientRandom _random;
    private ClinicalTimeline? _timeline;

    public LateVitals(PatientRecord record, PatientRandom random)
    {
        _record = record;
        _random = random;
    }

    public void For(EncounterRecord? encounter)
    {
        if (encounter is null || !_record.RunsBaseline(ModuleCategories.Observations)) return;
        _timeline ??= new ClinicalTimeline(_record);
        VitalSignRecorder.Record(_record, encounter, _timeline, _random);
    }
}
