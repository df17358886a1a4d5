using System.Text;
using SyntheticPatients.Runtime.Lifecycle;
using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Tests.Records;

/// <summary>
/// Counts, over finished records of the general scenario, what makes a patient's body contradict itself: a BMI that
/// is not the weight over the height squared taken with it, an adult BMI that moves more than 5 within 60 days with no
/// change made to the body in between (a diagnosis, drug or operation a module or the baseline applied), obesity
/// diagnosed on a BMI that is not obese (a child under the CDC 95th percentile, an adult under 30) or before 2; and the
/// population figures the body is calibrated to (obesity and underweight shares by age).
/// </summary>
public sealed class BodySurvey
{
    private const string Height = "8302-2", Weight = "29463-7", Bmi = "39156-5";

    public int Patients { get; private set; }

    public int BmiReadings { get; private set; }

    /// <summary>BMI readings taken with a height and weight at the same moment.</summary>
    public int BmiWithWeightAndHeight { get; private set; }

    public int BmiNotWeightOverHeightSquared { get; private set; }

    public int AdultJumps { get; private set; }

    public int AdultJumpsWithoutCause { get; private set; }

    public int ObesityDiagnoses { get; private set; }

    public int ObesityDiagnosesOnNonObeseBmi { get; private set; }

    public int ObesityDiagnosesUnderTwo { get; private set; }

    /// <summary>Living patients at the end date by age band: (count, obese, underweight), from the body.</summary>
    public SortedDictionary<string, (int Count, int Obese, int Underweight)> AtEnd { get; } = new(StringComparer.Ordinal);

    /// <summary>Living adults whose BMI was changed (by a module or a treatment), and the sum of their last offsets.</summary>
    public (int Count, double OffsetSum) ChangedAdults { get; private set; }

    public List<string> Examples { get; } = new();

    public static BodySurvey Of(int patients)
    {
        var survey = new BodySurvey();
        GeneralScenarioRun.Run(patients, survey.Observe, seed: 20261206);
        return survey;
    }

    public double ObeseShare(string band) => AtEnd.TryGetValue(band, out var x) && x.Count > 0 ? (double)x.Obese / x.Count : double.NaN;

    public double UnderweightShare(string band) => AtEnd.TryGetValue(band, out var x) && x.Count > 0 ? (double)x.Underweight / x.Count : double.NaN;

    public void Observe(PatientRecord record)
    {
        Patients++;
        var d = record.Demographics;
        var sets = new Dictionary<(Guid?, DateTime), (double H, double W, double B)>();
        var bmis = new List<(DateTime Date, double Value)>();
        foreach (var o in record.Observations)
        {
            string? code = o.Definition.Codes.Count > 0 ? o.Definition.Codes[0].Value : null;
            if (code is not (Height or Weight or Bmi) || double.IsNaN(o.Value)) continue;
            var key = (o.EncounterId, o.Date);
            (double H, double W, double B) set = sets.TryGetValue(key, out var s) ? s : (double.NaN, double.NaN, double.NaN);
            if (code == Height) set.H = o.Value;
            else if (code == Weight) set.W = o.Value;
            else
            {
                set.B = o.Value;
                bmis.Add((o.Date, o.Value));
                BmiReadings++;
            }
            sets[key] = set;
        }
        foreach (var ((_, date), (h, w, b)) in sets)
        {
            if (double.IsNaN(h) || double.IsNaN(w) || double.IsNaN(b)) continue;
            BmiWithWeightAndHeight++;
            double m = h / 100;
            // Each value is rounded to 0.1 (height in cm): the largest difference rounding alone can make.
            double bound = 0.05 + 0.05 / (m * m) + 2 * b * 0.0005 / m + 1e-9;
            if (Math.Abs(b - w / (m * m)) > bound)
            {
                BmiNotWeightOverHeightSquared++;
                Example($"patient {record.Index} {date:yyyy-MM-dd}: BMI {b} but weight {w} kg, height {h} cm");
            }
        }
        bmis.Sort((x, y) => x.Date.CompareTo(y.Date));
        var changes = record.Body.ChangesOf(VitalSign.Bmi);
        for (int i = 1; i < bmis.Count; i++)
        {
            var (t0, b0) = bmis[i - 1];
            var (t1, b1) = bmis[i];
            if (LifeDates.AgeAt(d.BirthDate, t0) < 20 || (t1 - t0).TotalDays > 60 || Math.Abs(b1 - b0) <= 5) continue;
            AdultJumps++;
            bool caused = changes.Any(c => c.Ticks > t0.Ticks && c.Ticks <= t1.Ticks);
            if (caused) continue;
            AdultJumpsWithoutCause++;
            Example($"patient {record.Index}: BMI {b0} on {t0:yyyy-MM-dd} then {b1} on {t1:yyyy-MM-dd}, no change made between");
        }
        foreach (var condition in record.Conditions)
        {
            if (!ConditionMatch.SameConcept(condition.Definition, ConditionCodes.Obesity)) continue;
            ObesityDiagnoses++;
            double age = LifeDates.AgeAt(d.BirthDate, condition.Start);
            if (age < 2) ObesityDiagnosesUnderTwo++;
            // The BMI the diagnosis rests on: the latest reading up to the day of the diagnosis, within a year.
            var basis = bmis.LastOrDefault(x => x.Date <= condition.Start.AddDays(1) && x.Date >= condition.Start.AddYears(-1));
            if (basis.Date == default) continue;
            double basisAge = LifeDates.AgeAt(d.BirthDate, basis.Date);
            bool obese = basisAge < 20 ? GrowthCharts.BmiPercentile(basis.Value + 0.05, basisAge, d.Gender) >= 95 : basis.Value >= 29.95;
            if (obese) continue;
            ObesityDiagnosesOnNonObeseBmi++;
            Example($"patient {record.Index}: obesity diagnosed {condition.Start:yyyy-MM-dd} at age {age:0.0} on BMI {basis.Value} ({basis.Date:yyyy-MM-dd})");
        }
        if (record.Death is null) CountAtEnd(record);
    }

    private void CountAtEnd(PatientRecord record)
    {
        var d = record.Demographics;
        var end = d.SimulationEnd;
        double age = LifeDates.AgeAt(d.BirthDate, end);
        if (age < 2) return;
        double bmi = record.Body.Read(VitalSign.Bmi, end.Ticks);
        string band = age switch { < 20 => "2-19", < 40 => "20-39", < 60 => "40-59", _ => "60+" };
        bool obese = age < 20 ? GrowthCharts.BmiPercentile(bmi, age, d.Gender) >= 95 : bmi >= 30;
        bool underweight = age < 20 ? GrowthCharts.BmiPercentile(bmi, age, d.Gender) < 5 : bmi < 18.5;
        var changes = record.Body.ChangesOf(VitalSign.Bmi);
        if (age >= 20 && changes.Count > 0) ChangedAdults = (ChangedAdults.Count + 1, ChangedAdults.OffsetSum + changes[^1].Offset);
        (int Count, int Obese, int Underweight) x = AtEnd.TryGetValue(band, out var v) ? v : (0, 0, 0);
        AtEnd[band] = (x.Count + 1, x.Obese + (obese ? 1 : 0), x.Underweight + (underweight ? 1 : 0));
    }

    private void Example(string text)
    {
        if (Examples.Count < 10) Examples.Add(text);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"{Patients} patients, {BmiReadings} BMI readings ({BmiWithWeightAndHeight} with weight and height)");
        text.AppendLine($"BMI != weight/height^2 beyond rounding: {BmiNotWeightOverHeightSquared}");
        text.AppendLine($"adult BMI changes > 5 within 60 days: {AdultJumps}, without a change made to the body: {AdultJumpsWithoutCause}");
        text.AppendLine($"obesity diagnoses: {ObesityDiagnoses}, on a non-obese BMI: {ObesityDiagnosesOnNonObeseBmi}, under 2: {ObesityDiagnosesUnderTwo}");
        if (ChangedAdults.Count > 0) text.AppendLine($"living adults whose BMI was changed: {ChangedAdults.Count}, mean last offset {ChangedAdults.OffsetSum / ChangedAdults.Count:0.00}");
        foreach (var (band, (count, obese, under)) in AtEnd)
        {
            text.AppendLine($"living {band}: {count}, obese {(double)obese / count:P1}, underweight {(double)under / count:P1}");
        }
        foreach (var example in Examples) text.AppendLine("  " + example);
        return text.ToString();
    }
}
