using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// A patient's body over time: a stable height percentile (growth chart, then adult height), and a BMI that follows
/// the growth chart in childhood, drifts to the adult target by 40, and is in the obese range while an obesity
/// condition is active, so BMI observations and the obesity diagnosis agree.
/// </summary>
public sealed class BodyModel
{
    private readonly Demographics _d;
    private readonly double _heightZ;
    private readonly double _bmiZ;
    private readonly double _adultBmi;
    private readonly double _obeseBmi;
    private readonly List<(DateTime Start, DateTime? Stop)> _obesity = new();

    /// <summary>
    /// The body's constants come from bits of the patient id (not a step's stream), so every step that records
    /// vital signs sees the same person.
    /// </summary>
    public BodyModel(PatientRecord record)
    {
        _d = record.Demographics;
        Span<byte> bytes = stackalloc byte[16];
        _d.Id.TryWriteBytes(bytes);
        _heightZ = Math.Clamp(Normal(bytes[9], bytes[10]), -2.5, 2.5);
        _bmiZ = Math.Clamp(Normal(bytes[11], bytes[12]), -2, 1.6);
        _adultBmi = Math.Clamp(25.5 + 2.6 * Normal(bytes[13], bytes[14]), 18.7, 29.7);
        _obeseBmi = Math.Clamp(34.5 + 4.0 * Normal(bytes[15], bytes[6]), 30.3, 52);
        foreach (var condition in record.Conditions)
        {
            if (ConditionMatch.SameConcept(condition.Definition, ConditionCodes.Obesity)) _obesity.Add((condition.Start, condition.Stop));
        }
    }

    /// <summary>A standard normal deviate from two bytes (Box-Muller on (0, 1) uniforms).</summary>
    private static double Normal(byte a, byte b)
    {
        double u1 = (a + 0.5) / 256.0;
        double u2 = (b + 0.5) / 256.0;
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public bool IsObese(DateTime date)
    {
        foreach (var (start, stop) in _obesity)
        {
            if (start <= date && (stop is null || stop > date)) return true;
        }
        return false;
    }

    public double HeightCm(DateTime date)
    {
        double age = LifeDates.AgeAt(_d.BirthDate, date);
        bool female = _d.Gender == Gender.Female;
        if (age < 20) return (female ? GrowthCharts.HeightGirls : GrowthCharts.HeightBoys).At(age) * (1 + 0.04 * _heightZ);
        var (mean, sd) = GrowthCharts.AdultHeight(_d.Gender);
        double shrink = age > 60 ? 0.12 * (age - 60) : 0;
        return mean + sd * _heightZ - shrink;
    }

    public double WeightKg(DateTime date, double noise)
    {
        double age = LifeDates.AgeAt(_d.BirthDate, date);
        if (age < 2)
        {
            var chart = _d.Gender == Gender.Female ? GrowthCharts.WeightGirls : GrowthCharts.WeightBoys;
            return chart.At(age) * (1 + 0.09 * _bmiZ) * (1 + noise);
        }
        double h = HeightCm(date) / 100;
        return Bmi(date) * h * h * (1 + noise);
    }

    public double Bmi(DateTime date)
    {
        double age = LifeDates.AgeAt(_d.BirthDate, date);
        bool obese = IsObese(date);
        var chart = _d.Gender == Gender.Female ? GrowthCharts.BmiGirls : GrowthCharts.BmiBoys;
        if (age < 20)
        {
            double median = chart.At(age);
            double bmi = median * (1 + 0.09 * _bmiZ);
            // Childhood obesity is a BMI at or above the 95th percentile (about 1.3x the median).
            return obese ? Math.Max(bmi, median * (1.33 + 0.05 * Math.Abs(_bmiZ))) : Math.Min(bmi, median * 1.28);
        }
        double target = obese ? _obeseBmi : _adultBmi;
        double young = chart.At(20) * (1 + 0.09 * _bmiZ);
        double adult = age >= 40 ? target : young + (target - young) * (age - 20) / 20;
        if (age > 75) adult -= 0.08 * (age - 75);
        return obese ? Math.Max(adult, 30.2) : Math.Min(adult, 29.8);
    }

    public double HeadCircumferenceCm(DateTime date)
    {
        double age = LifeDates.AgeAt(_d.BirthDate, date);
        return (_d.Gender == Gender.Female ? GrowthCharts.HeadGirls : GrowthCharts.HeadBoys).At(age) * (1 + 0.03 * _heightZ);
    }
}
