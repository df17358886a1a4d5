using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// The body a patient has by age alone, before any disease or treatment changes it: each measure follows its
/// population curve by age and sex at the patient's own stable percentile (a standard-normal deviate per measure), so
/// a tall child is a tall adult, a heavy child tends to a heavy adult, and the population has the published spread.
/// The deviates come from the patient id, not from a step's random stream: every step that reads the body sees the
/// same person, whatever it drew before.
/// </summary>
internal sealed class BodyBaseline
{
    private readonly Demographics _d;
    private readonly double _height, _adiposity, _pressure, _diastolic, _pulse, _glycemia, _ldl, _hdl, _triglycerides, _kidney, _phase;

    public BodyBaseline(Demographics demographics)
    {
        _d = demographics;
        Span<byte> bytes = stackalloc byte[16];
        demographics.Id.TryWriteBytes(bytes);
        var deviates = new PatientRandom(BitConverter.ToUInt64(bytes[..8]) ^ 0x5DEECE66DUL, BitConverter.ToInt64(bytes[8..]));
        _height = Math.Clamp(deviates.NextGaussian(0, 1), -2.5, 2.5);
        _adiposity = Math.Clamp(deviates.NextGaussian(0, 1), -2.5, 3);
        _pressure = Math.Clamp(deviates.NextGaussian(0, 1), -2.5, 3);
        _diastolic = Math.Clamp(deviates.NextGaussian(0, 1), -2.5, 2.5);
        _pulse = Math.Clamp(deviates.NextGaussian(0, 1), -2.5, 2.5);
        _glycemia = Math.Clamp(deviates.NextGaussian(0, 1), -2.5, 2.5);
        _ldl = Math.Clamp(deviates.NextGaussian(0, 1), -2.5, 2.5);
        _hdl = Math.Clamp(deviates.NextGaussian(0, 1), -2.5, 2.5);
        _triglycerides = Math.Clamp(deviates.NextGaussian(0, 1), -2, 3);
        _kidney = Math.Clamp(deviates.NextGaussian(0, 1), -2.5, 2.5);
        _phase = deviates.NextDouble(0, 2 * Math.PI);
    }

    public bool Female => _d.Gender == Gender.Female;

    public Gender Gender => _d.Gender;

    public double Age(DateTime date) => LifeDates.AgeAt(_d.BirthDate, date);

    public double Of(VitalSign sign, DateTime date)
    {
        double age = Age(date);
        // Height and weight do not change within a day: a diagnosis made on the day a BMI crosses a line agrees with
        // every reading of that day.
        double day = Age(date.Date);
        return sign switch
        {
            VitalSign.Height => Height(day),
            VitalSign.Bmi => Bmi(day),
            VitalSign.Weight => Bmi(day) * (Height(day) / 100) * (Height(day) / 100),
            VitalSign.SystolicBloodPressure => Systolic(age) + 5 * Daily(date, 1),
            VitalSign.DiastolicBloodPressure => Diastolic(age) + 3 * Daily(date, 2),
            VitalSign.HeartRate => HeartRate(age) + 5 * Daily(date, 3),
            VitalSign.RespiratoryRate => RespiratoryRate(age),
            VitalSign.BodyTemperature => 36.8 + 0.15 * _pulse,
            VitalSign.OxygenSaturation => Math.Min(99.5, 97.8 - 0.02 * Math.Max(0, age - 60) + 0.5 * _diastolic),
            VitalSign.HbA1c => HbA1c(age),
            VitalSign.Glucose => GlucoseFor(HbA1c(age)),
            VitalSign.LdlCholesterol => Ldl(age),
            VitalSign.HdlCholesterol => Hdl(),
            VitalSign.Triglycerides => Triglycerides(age),
            VitalSign.TotalCholesterol => Ldl(age) + Hdl() + Triglycerides(age) / 5,
            VitalSign.Egfr => Egfr(age),
            VitalSign.Creatinine => CreatinineFor(Egfr(age), age, Female),
            _ => double.NaN,
        };
    }

    /// <summary>
    /// Day-to-day variation in [-1, 1] (blood pressure and pulse differ between visits): a fixed function of the day,
    /// so two reads of the same moment agree.
    /// </summary>
    private double Daily(DateTime date, int salt)
    {
        double day = date.Ticks / (double)TimeSpan.TicksPerDay;
        return 0.5 * Math.Sin(day * 2.3999 + _phase * salt) + 0.5 * Math.Sin(day * 0.6181 + salt);
    }

    /// <summary>Growth chart height at the patient's percentile; adults lose about 1.2 cm a decade after 60.</summary>
    private double Height(double age)
    {
        if (age < 20) return (Female ? GrowthCharts.HeightGirls : GrowthCharts.HeightBoys).At(age) * (1 + 0.04 * _height);
        var (mean, sd) = GrowthCharts.AdultHeight(_d.Gender);
        // The chart at 20 and the adult mean differ by a few millimetres: join them without a step.
        double child = (Female ? GrowthCharts.HeightGirls : GrowthCharts.HeightBoys).At(20) * (1 + 0.04 * _height);
        double adult = mean + sd * _height;
        double joined = age < 22 ? child + (adult - child) * (age - 20) / 2 : adult;
        return joined - (age > 60 ? 0.12 * (age - 60) : 0);
    }

    /// <summary>
    /// BMI: under 2 from the WHO weight chart; 2-20 on the CDC BMI-for-age chart at the patient's percentile
    /// (<see cref="ChildZ"/>); adults log-normal around
    /// the NHANES median for the age (<see cref="GrowthCharts.AdultMedianBmi"/>) with a slow personal swing of about
    /// 3 %; childhood joins adulthood between 18 and 25.
    /// </summary>
    private double Bmi(double age)
    {
        if (age < 2)
        {
            double weight = (Female ? GrowthCharts.WeightGirls : GrowthCharts.WeightBoys).At(age) * (1 + 0.09 * _adiposity);
            double h = Height(age) / 100;
            return weight / (h * h);
        }
        double child = GrowthCharts.ChildBmi(Math.Min(age, 20), ChildZ, _d.Gender);
        if (age < 18) return child;
        double adult = Math.Exp(Math.Log(GrowthCharts.AdultMedianBmi.At(age)) + 0.21 * _adiposity + 0.03 * Math.Sin(2 * Math.PI * age / 17 + _phase));
        return age >= 25 ? adult : child + (adult - child) * (age - 18) / 7;
    }

    /// <summary>
    /// The child's z on the 2000 reference: today's children are heavier and more spread out than the reference, so
    /// 19.7 % are at or above its 95th percentile (obesity) and 4.1 % below its 5th (underweight; Fryar et al., NCHS
    /// Health E-Stats 2020, NHANES 2017-2018): z = 1.27 x + 0.56 solves both.
    /// </summary>
    private double ChildZ => 1.27 * _adiposity + 0.563;

    public double BmiPercentile(double bmi, DateTime date) => GrowthCharts.BmiPercentile(bmi, Age(date), _d.Gender);

    /// <summary>
    /// Systolic pressure: children by age (NHBPEP Fourth Report 2004 medians, about 92 + 1.5/year); adults NHANES
    /// 2015-2018 means by age and sex (about 118/109 mmHg at 20-39, 125/122 at 40-59, 133/135 at 60+, men/women), with
    /// a personal percentile whose spread widens with age (sd 11 to 17 mmHg).
    /// </summary>
    private double Systolic(double age)
    {
        if (age < 13) return 92 + 1.5 * age + 7 * _pressure;
        double mean = Female ? FemaleSystolic.At(age) : MaleSystolic.At(age);
        double sd = 11 + 6 * Math.Clamp((age - 30) / 40, 0, 1);
        return mean + sd * _pressure;
    }

    private static readonly AgeCurve MaleSystolic = new((13, 108), (18, 116), (30, 118), (50, 125), (70, 133), (85, 137));
    private static readonly AgeCurve FemaleSystolic = new((13, 104), (18, 107), (30, 109), (50, 121), (70, 135), (85, 140));

    /// <summary>Diastolic pressure: rises to midlife and falls after 60 (NHANES 2015-2018), tied to the systolic percentile.</summary>
    private double Diastolic(double age)
    {
        if (age < 13) return 55 + age + 6 * (0.6 * _pressure + 0.4 * _diastolic);
        double mean = Female ? FemaleDiastolic.At(age) : MaleDiastolic.At(age);
        return mean + 8 * (0.6 * _pressure + 0.4 * _diastolic);
    }

    private static readonly AgeCurve MaleDiastolic = new((13, 64), (18, 68), (30, 73), (50, 78), (70, 70), (85, 66));
    private static readonly AgeCurve FemaleDiastolic = new((13, 64), (18, 67), (30, 70), (50, 75), (70, 67), (85, 64));

    /// <summary>Resting heart rate by age (Fleming et al., Lancet 2011, children's medians; adults about 72 bpm, sd 8).</summary>
    private double HeartRate(double age) => age switch
    {
        < 1 => 130 + 10 * _pulse,
        < 6 => 105 + 10 * _pulse,
        < 13 => 88 + 9 * _pulse,
        _ => 72 + 8 * _pulse,
    };

    private double RespiratoryRate(double age) => age switch
    {
        < 1 => 36 + 3 * _pulse,
        < 6 => 26 + 2.5 * _pulse,
        < 13 => 20 + 1.5 * _pulse,
        _ => 15 + 1.2 * _pulse,
    };

    /// <summary>
    /// HbA1c of someone without diabetes: about 5.3 % at 30, rising about 0.008 a year (NHANES non-diabetic means, about
    /// 5.2 % at 20 to 5.6 % at 70+); at most about 6.2 %, since 6.5 % is diabetes (ADA), which a diagnosis puts in.
    /// </summary>
    private double HbA1c(double age) => 5.3 + 0.18 * _glycemia + 0.008 * Math.Clamp(age - 30, 0, 60);

    /// <summary>Fasting glucose that goes with an HbA1c (about 90 mg/dL at 5.3 %, 150 at 7.3 %).</summary>
    public static double GlucoseFor(double hbA1c) => 90 + 30 * (hbA1c - 5.3);

    /// <summary>LDL: about 105 mg/dL in young adults, rising to 60 (NHANES 2015-2018 lipid means); children lower.</summary>
    private double Ldl(double age) => (age < 18 ? 90 : 100 + 0.5 * Math.Clamp(age - 20, 0, 40)) + 20 * _ldl;

    private double Hdl() => (Female ? 58 : 47) + 10 * _hdl;

    /// <summary>Triglycerides rise with BMI (about 3.5 mg/dL per BMI unit above 25).</summary>
    private double Triglycerides(double age) => Math.Max(40, 105 + 30 * _triglycerides + 3.5 * Math.Max(0, Bmi(age) - 25));

    /// <summary>eGFR: about 100 mL/min/1.73m2 at 30, falling 0.7 a year after (kidney ageing), sd 10.</summary>
    private double Egfr(double age) => Math.Clamp(100 - 0.7 * Math.Max(0, age - 30) + 10 * _kidney, 45, 130);

    // MDRD: eGFR = 175 x Scr^-1.154 x age^-0.203 (x 0.742 for women); the two functions are each other's inverse.
    public static double CreatinineFor(double egfr, double age, bool female)
        => Math.Pow(egfr / MdrdFactor(age, female), -1 / 1.154);

    public static double EgfrFor(double creatinine, double age, bool female)
        => MdrdFactor(age, female) * Math.Pow(creatinine, -1.154);

    private static double MdrdFactor(double age, bool female) => 175 * Math.Pow(Math.Max(age, 18), -0.203) * (female ? 0.742 : 1);
}

/// <summary>The standard normal distribution function (Abramowitz and Stegun 26.2.17, error below 1e-7).</summary>
internal static class NormalDistribution
{
    public static double Cdf(double z)
    {
        double t = 1 / (1 + 0.2316419 * Math.Abs(z));
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        double tail = Math.Exp(-z * z / 2) / Math.Sqrt(2 * Math.PI) * poly;
        return z >= 0 ? 1 - tail : tail;
    }
}
