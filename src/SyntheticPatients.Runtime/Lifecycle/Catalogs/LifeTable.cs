namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>
/// Annual probability of death by age and sex, rounded from the CDC/NCHS United States Life Tables, 2019
/// (Arias &amp; Xu, National Vital Statistics Reports 70(19), 2022), and the share of deaths from external causes
/// (accident, suicide, homicide) by age, from CDC WONDER underlying-cause-of-death data for 2019.
/// </summary>
public static class LifeTable
{
    // Lower bound of each age group (years) and q(x), the probability of dying within a year at that age.
    private static readonly double[] Ages = { 0, 1, 5, 15, 25, 35, 45, 55, 65, 75, 85, 95 };
    private static readonly double[] Male = { 0.0061, 0.00026, 0.00014, 0.0011, 0.0019, 0.0029, 0.0057, 0.0118, 0.0225, 0.0530, 0.1500, 0.3300 };
    private static readonly double[] Female = { 0.0051, 0.00021, 0.00011, 0.00045, 0.0008, 0.0015, 0.0035, 0.0072, 0.0145, 0.0390, 0.1200, 0.2900 };

    // External causes as a share of all deaths (unintentional injury, suicide, homicide), by the same age groups.
    private static readonly double[] Accident = { 0.06, 0.30, 0.30, 0.42, 0.36, 0.26, 0.09, 0.05, 0.03, 0.025, 0.02, 0.01 };
    private static readonly double[] Suicide = { 0.0, 0.0, 0.05, 0.15, 0.10, 0.07, 0.035, 0.015, 0.008, 0.004, 0.002, 0.0 };
    private static readonly double[] Homicide = { 0.01, 0.07, 0.04, 0.14, 0.08, 0.03, 0.01, 0.004, 0.002, 0.001, 0.0, 0.0 };

    private static int Group(double age)
    {
        int group = 0;
        while (group + 1 < Ages.Length && age >= Ages[group + 1]) group++;
        return group;
    }

    /// <summary>Probability of death within one year at <paramref name="age"/>.</summary>
    public static double AnnualDeathProbability(double age, Gender gender)
        => (gender == Gender.Female ? Female : Male)[Group(age)];

    /// <summary>Shares of deaths at <paramref name="age"/> that are accidents, suicides and homicides.</summary>
    public static (double Accident, double Suicide, double Homicide) ExternalShares(double age)
    {
        int group = Group(age);
        return (Accident[group], Suicide[group], Homicide[group]);
    }
}
