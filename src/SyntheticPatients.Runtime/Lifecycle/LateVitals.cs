using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Vital signs for encounters created after the observation step (allergy and vaccination visits), so every
/// encounter has them; the body model and timeline are built on first use.
/// </summary>
public sealed class LateVitals
{
    private readonly PatientRecord _record;
    private readonly PatientRandom _random;
    private BodyModel? _body;
    private ClinicalTimeline? _timeline;

    public LateVitals(PatientRecord record, PatientRandom random)
    {
        _record = record;
        _random = random;
    }

    public void For(EncounterRecord? encounter)
    {
        if (encounter is null || !_record.RunsBaseline(ModuleCategories.Observations)) return;
        _body ??= new BodyModel(_record);
        _timeline ??= new ClinicalTimeline(_record);
        VitalSigns.Record(_record, encounter, _body, _timeline, _random);
    }
}
