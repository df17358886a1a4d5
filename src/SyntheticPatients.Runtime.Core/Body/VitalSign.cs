namespace SyntheticPatients.Runtime;

/// <summary>
/// A measurable property of the patient's body: vital signs and the laboratory values a body model tracks. Modules
/// read, record and change them through <see cref="PatientContext"/>; the language names them in snake_case
/// (<c>systolic_blood_pressure</c>) and maps their LOINC codes here.
/// </summary>
public enum VitalSign : byte
{
    Height,
    Weight,
    Bmi,
    SystolicBloodPressure,
    DiastolicBloodPressure,
    HeartRate,
    RespiratoryRate,
    BodyTemperature,
    OxygenSaturation,
    HbA1c,
    Glucose,
    TotalCholesterol,
    LdlCholesterol,
    HdlCholesterol,
    Triglycerides,
    Creatinine,
    Egfr,

    /// <summary>A child's BMI-for-age percentile (2 to 20 years): computed from the BMI, so read only (a change goes to <see cref="Bmi"/>).</summary>
    BmiPercentile,
}

/// <summary>How each <see cref="VitalSign"/> is reported and how long a change made to it lasts.</summary>
public static class VitalSigns
{
    /// <summary>The number of vital signs (the enum's length), for per-sign arrays.</summary>
    public const int Count = (int)VitalSign.BmiPercentile + 1;

    /// <summary>Decimals a recorded value is rounded to (clinical reporting: BP in whole mmHg, BMI to 0.1).</summary>
    public static int Decimals(VitalSign sign) => sign switch
    {
        VitalSign.Height or VitalSign.Weight or VitalSign.Bmi or VitalSign.BodyTemperature or VitalSign.HbA1c or VitalSign.BmiPercentile => 1,
        VitalSign.Creatinine => 2,
        _ => 0,
    };

    /// <summary>
    /// Whether a change lasts until the next change (weight, blood pressure, labs: the body stays where a disease or a
    /// drug moved it), or fades within days (heart rate, breathing, temperature, saturation: an acute episode).
    /// </summary>
    public static bool IsLasting(VitalSign sign)
        => sign is not (VitalSign.HeartRate or VitalSign.RespiratoryRate or VitalSign.BodyTemperature or VitalSign.OxygenSaturation);

    /// <summary>
    /// Whether a lasting change moves the measure off its course by age and lets it keep ageing (height, weight, BMI,
    /// blood pressure), or holds the value itself (the labs: a diagnosis or a drug sets where they stay).
    /// </summary>
    public static bool FollowsCourse(VitalSign sign)
        => sign is VitalSign.Height or VitalSign.Weight or VitalSign.Bmi or VitalSign.SystolicBloodPressure or VitalSign.DiastolicBloodPressure;

    /// <summary>How long an acute change takes to fade back to the body's baseline.</summary>
    public static readonly TimeSpan AcuteFade = TimeSpan.FromDays(7);
}
