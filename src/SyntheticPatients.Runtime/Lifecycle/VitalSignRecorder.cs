using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Records;
using static SyntheticPatients.Runtime.Lifecycle.Catalogs.ObservationCatalog;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Vital signs taken at an encounter, with LOINC codes and UCUM units, read from the patient's body
/// (<see cref="PatientBody"/>). What the visit itself shows is first made a change of the body, so it is what
/// any later read of that moment sees: a fever at an infection visit, a fast pulse in atrial fibrillation, faster
/// breathing and lower saturation in COPD (acute changes, fading within a week).
/// </summary>
public static class VitalSignRecorder
{
    public static void Record(PatientRecord record, EncounterRecord encounter, ClinicalTimeline timeline, PatientRandom random)
    {
        // Nobody is weighed or has their pressure taken over the telephone.
        if (encounter.Definition.Class == EncounterClass.Virtual) return;
        var d = record.Demographics;
        var body = record.Body;
        var date = EncounterFactory.Inside(encounter, 2 + random.NextInt(6));
        double age = LifeDates.AgeAt(d.BirthDate, date);
        var id = encounter.Id;
        bool copd = timeline.Has("copd", date);
        bool infection = IsInfection(encounter.Reason);
        double fever = random.NextGaussian(38.2, 0.5);
        double afibPulse = random.NextGaussian(10, 10);
        double copdSaturation = random.NextGaussian(93, 2);
        if (infection) body.Set(VitalSign.BodyTemperature, Math.Clamp(fever, 37.6, 40.5), date.Ticks);
        if (timeline.Has("afib", date)) body.Set(VitalSign.HeartRate, body.Read(VitalSign.HeartRate, date.Ticks) + afibPulse, date.Ticks);
        if (copd)
        {
            body.Set(VitalSign.RespiratoryRate, body.Read(VitalSign.RespiratoryRate, date.Ticks) + 4, date.Ticks);
            body.Set(VitalSign.OxygenSaturation, Math.Clamp(copdSaturation, 85, 96), date.Ticks);
        }

        Add(record, date, id, BodyHeight, VitalSign.Height);
        Add(record, date, id, BodyWeight, VitalSign.Weight);
        if (age >= 2) Add(record, date, id, Bmi, VitalSign.Bmi);
        if (age < 3) record.Observations.Add(new ObservationRecord(date, id, HeadCircumference, Math.Round(HeadCircumferenceCm(d, date, body), 1), null, "baseline"));
        if (age >= 3)
        {
            Add(record, date, id, SystolicBloodPressure, VitalSign.SystolicBloodPressure);
            Add(record, date, id, DiastolicBloodPressure, VitalSign.DiastolicBloodPressure);
        }
        Add(record, date, id, HeartRate, VitalSign.HeartRate);
        Add(record, date, id, RespiratoryRate, VitalSign.RespiratoryRate);
        Add(record, date, id, BodyTemperature, VitalSign.BodyTemperature);
        if (copd || infection || encounter.Definition.Class is EncounterClass.Emergency or EncounterClass.Urgentcare)
        {
            Add(record, date, id, OxygenSaturation, VitalSign.OxygenSaturation);
        }
    }

    /// <summary>Head circumference on the WHO chart at the patient's height percentile (measured to age 3).</summary>
    private static double HeadCircumferenceCm(Demographics d, DateTime date, PatientBody body)
    {
        double age = LifeDates.AgeAt(d.BirthDate, date);
        var height = (d.Gender == Gender.Female ? GrowthCharts.HeightGirls : GrowthCharts.HeightBoys).At(age);
        double ratio = body.Read(VitalSign.Height, date.Ticks) / height;
        return (d.Gender == Gender.Female ? GrowthCharts.HeadGirls : GrowthCharts.HeadBoys).At(age) * (1 + 0.75 * (ratio - 1));
    }

    private static bool IsInfection(Code? reason)
    {
        if (reason is null) return false;
        foreach (var spec in AcuteConditionCatalog.All)
        {
            if (spec.Definition.Category == "infectious" && ConditionMatch.HasCode(spec.Definition, reason)) return true;
        }
        return false;
    }

    /// <summary>Records the body's value of <paramref name="sign"/> at <paramref name="date"/>, rounded as reported.</summary>
    internal static void Add(PatientRecord record, DateTime date, Guid encounterId, ObservationDefinition definition, VitalSign sign)
    {
        double value = Math.Round(record.Body.Read(sign, date.Ticks), VitalSigns.Decimals(sign));
        record.Observations.Add(new ObservationRecord(date, encounterId, definition, value, null, "baseline"));
    }
}
