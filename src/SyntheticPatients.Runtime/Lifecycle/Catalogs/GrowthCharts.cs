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

    public static readonly AgeCurve HeadBoys = new((0, 34.5), (0.5, 43.3), (1, 46.1), (2, 48.3), (3, 49.5));
    public static readonly AgeCurve HeadGirls = new((0, 33.9), (0.5, 42.2), (1, 44.9), (2, 47.2), (3, 48.5));

    /// <summary>Adult height, mean and standard deviation (cm).</summary>
    public static (double Mean, double Sd) AdultHeight(Gender gender) => gender == Gender.Female ? (161.3, 7.1) : (175.3, 7.6);
}
