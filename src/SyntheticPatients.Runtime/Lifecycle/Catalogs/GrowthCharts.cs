namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>
/// Medians by age and sex from the CDC/WHO growth charts (WHO 0-2 years, CDC 2-20 years; rounded) and adult means
/// from NHANES 2015-2018 (Fryar et al., Vital Health Stat 3(46), 2021): height, weight under 2, BMI and head size.
/// </summary>
public static class GrowthCharts
{
    public static readonly AgeCurve HeightBoys = new((0, 49.9), (0.5, 67.6), (1, 75.7), (1.5, 82.3), (2, 87.1), (3, 95.2), (4, 102.3), (5, 109.2), (6, 115.5), (8, 127.3), (10, 138.4), (12, 149.1), (14, 163.2), (16, 173.4), (18, 176.1), (20, 176.8));
    public static readonly AgeCurve HeightGirls = new((0, 49.1), (0.5, 65.7), (1, 74.0), (1.5, 80.7), (2, 85.7), (3, 94.1), (4, 101.0), (5, 108.0), (6, 115.1), (8, 127.7), (10, 138.3), (12, 151.4), (14, 159.8), (16, 162.5), (18, 163.1), (20, 163.3));

    public static readonly AgeCurve WeightBoys = new((0, 3.3), (0.25, 6.0), (0.5, 7.9), (1, 9.6), (1.5, 10.9), (2, 12.2));
    public static readonly AgeCurve WeightGirls = new((0, 3.2), (0.25, 5.5), (0.5, 7.3), (1, 8.9), (1.5, 10.2), (2, 11.5));

    public static readonly AgeCurve BmiBoys = new((2, 16.5), (3, 16.0), (4, 15.7), (5, 15.5), (6, 15.4), (8, 15.8), (10, 16.6), (12, 17.8), (14, 19.0), (16, 20.3), (18, 21.4), (20, 22.6));
    public static readonly AgeCurve BmiGirls = new((2, 16.4), (3, 15.8), (4, 15.4), (5, 15.2), (6, 15.2), (8, 15.8), (10, 16.9), (12, 18.1), (14, 19.4), (16, 20.4), (18, 21.2), (20, 21.8));

    // CDC 2000 BMI-for-age, 5th and 95th percentiles (Kuczmarski et al., Vital Health Stat 11(246), 2002; read from
    // the charts at whole years, rounded): a child's BMI percentile, and childhood obesity (>= 95th).
    public static readonly AgeCurve Bmi5thBoys = new((2, 14.7), (3, 14.4), (4, 14.0), (5, 13.8), (6, 13.8), (8, 13.8), (10, 14.2), (12, 14.9), (14, 15.8), (16, 16.7), (18, 17.6), (20, 18.5));
    public static readonly AgeCurve Bmi5thGirls = new((2, 14.4), (3, 14.0), (4, 13.7), (5, 13.5), (6, 13.5), (8, 13.6), (10, 14.0), (12, 14.8), (14, 15.8), (16, 16.7), (18, 17.2), (20, 17.8));
    public static readonly AgeCurve Bmi95thBoys = new((2, 19.3), (3, 18.3), (4, 17.8), (5, 17.9), (6, 18.4), (8, 20.0), (10, 22.0), (12, 24.2), (14, 26.0), (16, 27.9), (18, 29.7), (20, 31.0));
    public static readonly AgeCurve Bmi95thGirls = new((2, 19.1), (3, 18.3), (4, 18.0), (5, 18.3), (6, 18.8), (8, 20.6), (10, 22.9), (12, 25.2), (14, 27.2), (16, 28.9), (18, 30.3), (20, 31.8));

    /// <summary>
    /// Adult median BMI by age, log-sd 0.21 around it. NHANES 2017-2020 obesity prevalence (Stierman et al., NHSR 158,
    /// 2021: 39.8 % at 20-39, 44.3 % at 40-59, 41.5 % at 60+) is a measured, treated and surviving population: the course
    /// here is the body before treatment and survival, set so that the living population at the end date matches those
    /// figures in the general scenario (with the obesity module's weight-loss treatments and the engine's mortality,
    /// which obesity raises; checked by BodyConsistencyTests). Without the module, prevalence runs a few points higher.
    /// </summary>
    public static readonly AgeCurve AdultMedianBmi = new((20, 27.7), (30, 28.45), (40, 29.15), (50, 29.65), (60, 30.2), (70, 30.2), (80, 29.2), (90, 27.9));

    public static readonly AgeCurve HeadBoys = new((0, 34.5), (0.5, 43.3), (1, 46.1), (2, 48.3), (3, 49.5));
    public static readonly AgeCurve HeadGirls = new((0, 33.9), (0.5, 42.2), (1, 44.9), (2, 47.2), (3, 48.5));

    /// <summary>
    /// The BMI at standard-normal deviate <paramref name="z"/> on the CDC chart for the age (2-20): the median scaled
    /// log-linearly to the 95th percentile (z = 1.645) above it and to the 5th below, which follows the chart's skew.
    /// </summary>
    public static double ChildBmi(double age, double z, Gender gender)
    {
        bool female = gender == Gender.Female;
        double median = (female ? BmiGirls : BmiBoys).At(age);
        double bound = z >= 0 ? (female ? Bmi95thGirls : Bmi95thBoys).At(age) : (female ? Bmi5thGirls : Bmi5thBoys).At(age);
        return median * Math.Pow(bound / median, Math.Abs(z) / 1.645);
    }

    /// <summary>The CDC BMI-for-age percentile of <paramref name="bmi"/> (the inverse of <see cref="ChildBmi"/>); NaN outside 2-20 years.</summary>
    public static double BmiPercentile(double bmi, double age, Gender gender)
    {
        if (age is < 2 or >= 20 || double.IsNaN(bmi)) return double.NaN;
        bool female = gender == Gender.Female;
        double median = (female ? BmiGirls : BmiBoys).At(age);
        double bound = bmi >= median ? (female ? Bmi95thGirls : Bmi95thBoys).At(age) : (female ? Bmi5thGirls : Bmi5thBoys).At(age);
        double z = 1.645 * Math.Log(bmi / median) / Math.Abs(Math.Log(bound / median));
        return 100 * NormalDistribution.Cdf(z);
    }

    /// <summary>Adult height, mean and standard deviation (cm).</summary>
    public static (double Mean, double Sd) AdultHeight(Gender gender) => gender == Gender.Female ? (161.3, 7.1) : (175.3, 7.6);
}
