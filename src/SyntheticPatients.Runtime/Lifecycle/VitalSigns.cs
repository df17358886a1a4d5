using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Records;
using static SyntheticPatients.Runtime.Lifecycle.Catalogs.ObservationCatalog;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Vital signs taken at an encounter, with LOINC codes and UCUM units, plausible for age and sex (growth charts,
/// AHA blood pressure categories, pediatric heart and breathing rates) and for the patient's conditions
/// (hypertension raises blood pressure, fever with infections, lower saturation with COPD).
/// </summary>
public static class VitalSigns
{
    public static void Record(PatientRecord record, EncounterRecord encounter, BodyModel body, ClinicalTimeline timeline, PatientRandom random)
    {
        var d = record.Demographics;
        var date = EncounterFactory.Inside(encounter, 2 + random.NextInt(6));
        double age = LifeDates.AgeAt(d.BirthDate, date);
        var id = encounter.Id;

        Add(record, date, id, BodyHeight, Math.Round(body.HeightCm(date), 1));
        Add(record, date, id, BodyWeight, Math.Round(body.WeightKg(date, random.NextGaussian(0, 0.012)), 1));
        if (age >= 2) Add(record, date, id, Bmi, Math.Round(body.Bmi(date), 1));
        if (age < 3) Add(record, date, id, HeadCircumference, Math.Round(body.HeadCircumferenceCm(date), 1));
        if (age >= 3)
        {
            var (systolic, diastolic) = BloodPressure(age, timeline.Has("hypertension", date), random);
            Add(record, date, id, SystolicBloodPressure, systolic);
            Add(record, date, id, DiastolicBloodPressure, diastolic);
        }
        double heartRate = age switch
        {
            < 1 => random.NextGaussian(130, 10),
            < 6 => random.NextGaussian(105, 10),
            < 13 => random.NextGaussian(88, 9),
            _ => random.NextGaussian(74, 9),
        };
        if (timeline.Has("afib", date)) heartRate += random.NextGaussian(10, 10);
        Add(record, date, id, HeartRate, Math.Round(Math.Clamp(heartRate, 45, 190)));
        double respiratory = age switch
        {
            < 1 => random.NextGaussian(36, 4),
            < 6 => random.NextGaussian(26, 3),
            < 13 => random.NextGaussian(20, 2),
            _ => random.NextGaussian(15, 1.8),
        };
        bool copd = timeline.Has("copd", date);
        if (copd) respiratory += 4;
        Add(record, date, id, RespiratoryRate, Math.Round(Math.Clamp(respiratory, 10, 60)));
        bool infection = IsInfection(encounter.Reason);
        double temperature = infection ? random.NextGaussian(38.2, 0.5) : random.NextGaussian(36.8, 0.25);
        Add(record, date, id, BodyTemperature, Math.Round(Math.Clamp(temperature, 35.5, 40.5), 1));
        if (copd || infection || encounter.Definition.Class is EncounterClass.Emergency or EncounterClass.Urgentcare)
        {
            double saturation = copd ? random.NextGaussian(93, 2) : random.NextGaussian(97.5, 1);
            Add(record, date, id, OxygenSaturation, Math.Round(Math.Clamp(saturation, 85, 100)));
        }
    }

    private static (double Systolic, double Diastolic) BloodPressure(double age, bool hypertension, PatientRandom random)
    {
        if (age < 13) return (Math.Round(random.NextGaussian(92 + 1.5 * age, 7)), Math.Round(random.NextGaussian(55 + age, 6)));
        double drift = Math.Max(0, age - 40) * 0.25;
        if (hypertension) return (Math.Round(Math.Clamp(random.NextGaussian(136 + drift / 2, 11), 112, 190)), Math.Round(Math.Clamp(random.NextGaussian(85, 8), 62, 115)));
        return (Math.Round(Math.Clamp(random.NextGaussian(114 + drift, 8), 90, 134)), Math.Round(Math.Clamp(random.NextGaussian(74, 7), 55, 86)));
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

    internal static void Add(PatientRecord record, DateTime date, Guid encounterId, ObservationDefinition definition, double value)
        => record.Observations.Add(new ObservationRecord(date, encounterId, definition, value, null, "baseline"));
}
