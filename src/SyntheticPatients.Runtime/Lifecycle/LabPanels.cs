using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Records;
using static SyntheticPatients.Runtime.Lifecycle.Catalogs.ObservationCatalog;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Laboratory results tied to screening schedules and conditions. HbA1c, glucose, the lipid panel, creatinine and
/// eGFR are read from the patient's body (<see cref="PatientBody"/>; <see cref="DiseaseEffects"/> put diabetes,
/// hyperlipidemia, CKD and their drugs into it), so they agree with every other record; the rest are drawn for the
/// visit: urea, electrolytes, TSH, INR on warfarin, NT-proBNP in heart failure, hemoglobin in anemia.
/// </summary>
public sealed class LabPanels
{
    private readonly PatientRecord _record;
    private readonly ClinicalTimeline _timeline;
    private readonly PatientRandom _random;
    private DateTime _lastLipids = DateTime.MinValue;
    private DateTime _lastA1c = DateTime.MinValue;
    private DateTime _lastMetabolic = DateTime.MinValue;
    private DateTime _lastPsa = DateTime.MinValue;
    private DateTime _lastTsh = DateTime.MinValue;
    private DateTime _lastMicroalbumin = DateTime.MinValue;
    private DateTime _lastBnp = DateTime.MinValue;

    public LabPanels(PatientRecord record, ClinicalTimeline timeline, PatientRandom random)
    {
        _record = record;
        _timeline = timeline;
        _random = random;
    }

    private Demographics D => _record.Demographics;

    /// <summary>Records the labs due at <paramref name="encounter"/> (encounters must come in date order).</summary>
    public void Record(EncounterRecord encounter)
    {
        var date = EncounterFactory.Inside(encounter, 10 + _random.NextInt(20));
        double age = LifeDates.AgeAt(D.BirthDate, date);
        double u = _random.NextDouble();
        string? reason = ChronicConditionCatalog.Find(ConditionFor(encounter.Reason))?.Key;
        bool wellness = EncounterFactory.IsWellness(encounter);
        bool diabetes = _timeline.Has("diabetes2", date);

        bool lipidRisk = _timeline.Has("hyperlipidemia", date) || diabetes || _timeline.Has("cad", date);
        if (age >= 20 && (wellness || reason == "hyperlipidemia")
            && ((lipidRisk && Since(_lastLipids, date) >= 330) || (Since(_lastLipids, date) >= 5 * 365 && u < 0.6)))
        {
            Lipids(encounter.Id, date);
        }
        if ((reason == "diabetes2" && Since(_lastA1c, date) >= 150)
            || (wellness && age >= 35 && Since(_lastA1c, date) >= 3 * 365 && u < 0.5)
            || (wellness && _timeline.Has("prediabetes", date) && Since(_lastA1c, date) >= 330))
        {
            Glycemia(encounter.Id, date);
        }
        if (reason == "diabetes2" && Since(_lastMicroalbumin, date) >= 330)
        {
            _lastMicroalbumin = date;
            double ratio = _timeline.Has("ckd", date) ? _random.NextDouble(30, 250) : _random.NextDouble(3, 28);
            Add(encounter.Id, date, MicroalbuminCreatinineRatio, Math.Round(ratio, 1));
        }
        if (reason is "hypertension" or "ckd" or "heartfailure" or "diabetes2" && Since(_lastMetabolic, date) >= 300)
        {
            Metabolic(encounter.Id, date);
        }
        if (reason == "hypothyroidism" && Since(_lastTsh, date) >= 330)
        {
            _lastTsh = date;
            bool untreated = !_timeline.OnMedication(date, "thyroid hormone");
            double tsh = untreated ? _random.NextDouble(6, 15) : Math.Clamp(_random.NextGaussian(2.2, 0.9), 0.4, 4.5);
            Add(encounter.Id, date, Tsh, Math.Round(tsh, 2));
        }
        if (reason == "afib" && _timeline.OnMedication(date, drug: MedicationCatalog.Warfarin5))
        {
            Add(encounter.Id, date, Inr, Math.Round(Math.Clamp(_random.NextGaussian(2.5, 0.35), 1.6, 3.6), 1));
        }
        if (reason == "heartfailure" && Since(_lastBnp, date) >= 330)
        {
            _lastBnp = date;
            Add(encounter.Id, date, NtProBnp, Math.Round(Math.Exp(_random.NextGaussian(7.0, 0.6))));
        }
        if (reason == "anemia")
        {
            bool female = D.Gender == Gender.Female;
            Add(encounter.Id, date, Hemoglobin, Math.Round(female ? _random.NextDouble(8.8, 11.5) : _random.NextDouble(9.8, 12.8), 1));
        }
        if (wellness && D.Gender == Gender.Male && age is >= 55 and < 70 && date.Year >= 1995 && Since(_lastPsa, date) >= 2 * 365 && u > 0.6)
        {
            _lastPsa = date;
            Add(encounter.Id, date, Psa, Math.Round(Math.Clamp(_random.NextGaussian(1.4, 0.8), 0.1, 3.9), 2));
        }
        if (encounter.Reason is { } code && ConditionMatch.HasCode(ConditionCodes.Covid19, code))
        {
            _record.Observations.Add(new ObservationRecord(date, encounter.Id, SarsCov2Rna, double.NaN, "Detected (qualifier value)", "baseline"));
        }
    }

    private static ConditionDefinition ConditionFor(Code? reason)
    {
        if (reason is null) return NoCondition;
        foreach (var spec in ChronicConditionCatalog.All)
        {
            if (ConditionMatch.HasCode(spec.Definition, reason)) return spec.Definition;
        }
        return NoCondition;
    }

    private static readonly ConditionDefinition NoCondition = new("none", null);

    private static double Since(DateTime last, DateTime date) => last == DateTime.MinValue ? double.MaxValue : (date - last).TotalDays;

    private void Lipids(Guid encounterId, DateTime date)
    {
        _lastLipids = date;
        Body(encounterId, date, TotalCholesterol, VitalSign.TotalCholesterol);
        Body(encounterId, date, Triglycerides, VitalSign.Triglycerides);
        Body(encounterId, date, HdlCholesterol, VitalSign.HdlCholesterol);
        Body(encounterId, date, LdlCholesterol, VitalSign.LdlCholesterol);
    }

    private void Glycemia(Guid encounterId, DateTime date)
    {
        _lastA1c = date;
        Body(encounterId, date, HemoglobinA1c, VitalSign.HbA1c);
        Body(encounterId, date, Glucose, VitalSign.Glucose);
    }

    private void Metabolic(Guid encounterId, DateTime date)
    {
        _lastMetabolic = date;
        bool ckd = _timeline.Has("ckd", date);
        Body(encounterId, date, Glucose, VitalSign.Glucose);
        Add(encounterId, date, UreaNitrogen, Math.Round(Math.Clamp(ckd ? _random.NextGaussian(28, 6) : _random.NextGaussian(14, 3.5), 5, 60)));
        Body(encounterId, date, Creatinine, VitalSign.Creatinine);
        Body(encounterId, date, Egfr, VitalSign.Egfr);
        Add(encounterId, date, Sodium, Math.Round(Math.Clamp(_random.NextGaussian(140, 2), 135, 145)));
        Add(encounterId, date, Potassium, Math.Round(Math.Clamp(_random.NextGaussian(4.2, 0.3), 3.5, 5.1), 1));
    }

    private void Body(Guid encounterId, DateTime date, ObservationDefinition definition, VitalSign sign)
        => VitalSignRecorder.Add(_record, date, encounterId, definition, sign);

    private void Add(Guid encounterId, DateTime date, ObservationDefinition definition, double value)
        => _record.Observations.Add(new ObservationRecord(date, encounterId, definition, value, null, "baseline"));
}
