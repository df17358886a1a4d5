using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// What diagnoses and drugs do to the body, for those a module did not already express with a vital_sign change:
/// a condition's onset puts its measure in the diagnostic range when the body is not there yet (hypertension at
/// least 140/90, JNC 7; type 2 diabetes HbA1c at least 6.5 %, prediabetes 5.7-6.4 %, ADA 2023; hyperlipidemia LDL at
/// least 160 mg/dL, NCEP ATP III; CKD stage 3 eGFR 30-59, KDIGO 2012), and a drug's start lowers it by its average
/// effect (antihypertensives about 12/6 mmHg, Law et al. BMJ 2009; metformin and other agents about 1 HbA1c point,
/// Sherifali et al. Diabetes Care 2010, not below 6.5 %; moderate-intensity statins about 38 % of LDL, ACC/AHA 2018). Run once per patient,
/// after conditions and medications are known and before any baseline observation is recorded.
/// </summary>
public static class DiseaseEffects
{
    public static void Apply(PatientRecord record, ClinicalTimeline timeline, PatientRandom random)
    {
        var body = record.Body;
        var events = new List<(DateTime Date, Action Effect)>();
        foreach (var condition in record.Conditions)
        {
            var spec = Catalogs.ChronicConditionCatalog.Find(condition.Definition);
            // Four draws per condition whatever it is, so the stream does not depend on which conditions matter.
            double a = random.NextDouble(), b = random.NextDouble(), c = random.NextDouble(), e = random.NextDouble();
            var at = condition.Start;
            switch (spec?.Key)
            {
                case "hypertension":
                    events.Add((at, () => Raise(body, at, VitalSign.SystolicBloodPressure, 140, 140 + 25 * a, VitalSign.DiastolicBloodPressure, 90, 85 + 12 * b)));
                    break;
                case "diabetes2":
                    // About 7.6 % on average at diagnosis (most diagnoses are 6.5-8.5 %).
                    events.Add((at, () => AtLeast(body, at, VitalSign.HbA1c, 6.5, 6.6 + 3.0 * a * a)));
                    break;
                case "prediabetes":
                    events.Add((at, () => AtLeast(body, at, VitalSign.HbA1c, 5.7, 5.7 + 0.7 * a)));
                    break;
                case "hyperlipidemia":
                    events.Add((at, () => AtLeast(body, at, VitalSign.LdlCholesterol, 160, 160 + 40 * c)));
                    break;
                case "ckd":
                    events.Add((at, () => AtMost(body, at, VitalSign.Egfr, 59, 30 + 29 * e)));
                    break;
            }
        }
        foreach (var medication in record.Medications)
        {
            var at = medication.Start;
            switch (Treatments.Of(medication.Definition))
            {
                case Treatment.BloodPressure:
                    events.Add((at, () => Lower(body, at, VitalSign.SystolicBloodPressure, 12, VitalSign.DiastolicBloodPressure, 6)));
                    break;
                case Treatment.Glucose:
                    // Treated to target, not below the diagnostic line: a simplification (some treated patients do reach < 6.5 %).
                    events.Add((at, () => Scale(body, at, VitalSign.HbA1c, v => Math.Min(v, Math.Max(6.5, v - 1.0)))));
                    break;
                case Treatment.Ldl:
                    events.Add((at, () => Scale(body, at, VitalSign.LdlCholesterol, v => v * 0.62)));
                    break;
            }
        }
        // In date order: a drug lowers what the diagnosis raised.
        events.Sort((x, y) => x.Date.CompareTo(y.Date));
        foreach (var (_, effect) in events) effect();
    }

    private static void AtLeast(PatientBody body, DateTime at, VitalSign sign, double threshold, double value)
    {
        if (body.Read(sign, at.Ticks) < threshold) body.Set(sign, value, at.Ticks);
    }

    private static void AtMost(PatientBody body, DateTime at, VitalSign sign, double threshold, double value)
    {
        if (body.Read(sign, at.Ticks) > threshold) body.Set(sign, value, at.Ticks);
    }

    private static void Raise(PatientBody body, DateTime at, VitalSign systolic, double systolicThreshold, double systolicValue, VitalSign diastolic, double diastolicThreshold, double diastolicValue)
    {
        // Hypertension is either number over its threshold: raise the systolic only when neither is.
        if (body.Read(systolic, at.Ticks) >= systolicThreshold || body.Read(diastolic, at.Ticks) >= diastolicThreshold) return;
        body.Set(systolic, systolicValue, at.Ticks);
        AtLeast(body, at, diastolic, diastolicValue, diastolicValue);
    }

    private static void Lower(PatientBody body, DateTime at, VitalSign systolic, double systolicDrop, VitalSign diastolic, double diastolicDrop)
    {
        body.Set(systolic, body.Read(systolic, at.Ticks) - systolicDrop, at.Ticks);
        body.Set(diastolic, body.Read(diastolic, at.Ticks) - diastolicDrop, at.Ticks);
    }

    private static void Scale(PatientBody body, DateTime at, VitalSign sign, Func<double, double> change)
        => body.Set(sign, change(body.Read(sign, at.Ticks)), at.Ticks);
}

/// <summary>The body measure a drug is given to lower.</summary>
public enum Treatment
{
    None,
    BloodPressure,
    Glucose,
    Ldl,
}

/// <summary>Which measure a drug lowers, from its therapeutic class or, for module drugs without one, its name.</summary>
public static class Treatments
{
    private static readonly string[] BloodPressureDrugs =
        { "ACE inhibitor", "angiotensin II receptor blocker", "thiazide", "calcium channel blocker", "lisinopril", "losartan", "amlodipine", "hydrochlorothiazide", "chlorthalidone", "valsartan", "olmesartan" };

    private static readonly string[] GlucoseDrugs =
        { "biguanide", "metformin", "insulin", "glipizide", "glimepiride", "sitagliptin", "empagliflozin", "dapagliflozin", "semaglutide", "liraglutide", "dulaglutide", "pioglitazone" };

    private static readonly string[] LdlDrugs = { "HMG-CoA reductase inhibitor", "vastatin" };

    public static Treatment Of(MedicationDefinition drug)
    {
        if (Matches(drug, LdlDrugs)) return Treatment.Ldl;
        if (Matches(drug, GlucoseDrugs)) return Treatment.Glucose;
        return Matches(drug, BloodPressureDrugs) ? Treatment.BloodPressure : Treatment.None;
    }

    private static bool Matches(MedicationDefinition drug, string[] words)
    {
        foreach (var word in words)
        {
            if ((drug.TherapeuticClass?.Contains(word, StringComparison.OrdinalIgnoreCase) ?? false)
                || drug.Name.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
