using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Observations: vital signs at every encounter (unless a module already took them), condition- and
/// screening-driven labs (<see cref="LabPanels"/>), tobacco smoking status at wellness visits from age 12, and a
/// PHQ-2 score with each depression screening. No random extra panels.
/// </summary>
public sealed class ObservationStep : IPatientStep
{
    public string Name => "observations";

    public void Run(PatientRecord record, StepContext context)
    {
        if (!record.RunsBaseline(ModuleCategories.Observations)) return;
        var random = context.Random;
        var d = record.Demographics;
        var timeline = new ClinicalTimeline(record);
        DiseaseEffects.Apply(record, timeline, random);
        var labs = new LabPanels(record, timeline, random);

        var measured = new HashSet<Guid>();
        foreach (var observation in record.Observations)
        {
            if (observation.EncounterId is { } id && observation.Definition.Category == ObservationCatalog.VitalSigns) measured.Add(id);
        }
        var screened = new HashSet<Guid>();
        foreach (var procedure in record.Procedures)
        {
            if (procedure.EncounterId is { } id && procedure.Definition == ProcedureCatalog.DepressionScreening.Definition) screened.Add(id);
        }

        var encounters = record.Encounters.ToArray();
        Array.Sort(encounters, (a, b) => a.Start.CompareTo(b.Start));
        foreach (var encounter in encounters)
        {
            if (encounter.Start >= record.End) continue;
            if (!measured.Contains(encounter.Id)) VitalSignRecorder.Record(record, encounter, timeline, random);
            labs.Record(encounter);
            var date = EncounterFactory.Inside(encounter, 1);
            if (EncounterFactory.IsWellness(encounter) && LifeDates.AgeAt(d.BirthDate, date) >= 12)
            {
                string status = SmokingHistory.At(d, date) switch
                {
                    SmokingHistory.Status.Current => ObservationCatalog.CurrentSmoker,
                    SmokingHistory.Status.Former => ObservationCatalog.FormerSmoker,
                    _ => ObservationCatalog.NeverSmoker,
                };
                record.Observations.Add(new ObservationRecord(date, encounter.Id, ObservationCatalog.TobaccoSmokingStatus, double.NaN, status, "baseline"));
            }
            if (screened.Contains(encounter.Id))
            {
                int score = timeline.Has("depression", date) ? 3 + random.NextInt(4) : random.NextInt(3);
                record.Observations.Add(new ObservationRecord(EncounterFactory.Inside(encounter, 8), encounter.Id, ObservationCatalog.Phq2Score, score, null, "baseline"));
            }
        }
    }
}
