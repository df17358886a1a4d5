using static SyntheticPatients.Runtime.Lifecycle.Catalogs.ConditionCodes;

namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>
/// Acute conditions diagnosed in ambulatory and emergency care (rounded from NAMCS/NHAMCS visit rates); each
/// episode resolves (a Stop date) and gets its own problem, urgent care or emergency encounter.
/// </summary>
public static class AcuteConditionCatalog
{
    public static readonly DateTime CovidFirstCase = new(2020, 3, 1);

    public static readonly IReadOnlyList<AcuteConditionSpec> All = new AcuteConditionSpec[]
    {
        // Kaur et al., Pediatrics 2017: ~60% of children have an otitis media episode by age 3.
        new() { Key = "otitis", Definition = OtitisMedia, AnnualRate = new((0.3, 0.45), (2, 0.45), (4, 0.25), (8, 0.06), (12, 0.02), (20, 0.01)), MinDays = 7, MaxDays = 14, UrgentCareShare = 0.15, EmergencyShare = 0.05, Source = "Kaur et al., Pediatrics 2017;140:e20170181" },
        // Shulman et al., IDSA guideline 2012: GAS causes 20-30% of pediatric and 5-15% of adult pharyngitis.
        new() { Key = "strep", Definition = StrepThroat, AnnualRate = new((3, 0.0), (5, 0.10), (15, 0.08), (20, 0.02), (60, 0.01)), MinDays = 7, MaxDays = 10, UrgentCareShare = 0.25, Source = "Shulman et al., Clin Infect Dis 2012;55:e86" },
        new() { Key = "pharyngitis", Definition = ViralPharyngitis, AnnualRate = new((1, 0.10), (12, 0.08), (25, 0.05), (70, 0.02)), MinDays = 5, MaxDays = 10, UrgentCareShare = 0.25, Source = "NAMCS 2016 visit rates" },
        // Rosenfeld et al., AAO-HNS guideline 2015: ~1 in 8 adults diagnosed with sinusitis each year.
        new() { Key = "sinusitis", Definition = ViralSinusitis, AnnualRate = new((2, 0.02), (18, 0.07), (65, 0.06), (85, 0.03)), MinDays = 7, MaxDays = 21, UrgentCareShare = 0.25, Source = "Rosenfeld et al., Otolaryngol Head Neck Surg 2015;152:S1" },
        new() { Key = "bronchitis", Definition = AcuteBronchitis, AnnualRate = new((1, 0.04), (18, 0.04), (65, 0.05)), MinDays = 10, MaxDays = 21, UrgentCareShare = 0.2, EmergencyShare = 0.05, Source = "NAMCS 2016 visit rates" },
        // Foxman, Am J Med 2002: ~11% of women report a physician-diagnosed UTI each year.
        new() { Key = "uti", Definition = UrinaryTractInfection, AnnualRate = new((2, 0.01), (16, 0.06), (50, 0.05), (70, 0.07), (85, 0.09)), MaleFactor = 0.2, FemaleFactor = 1.8, MinDays = 3, MaxDays = 10, UrgentCareShare = 0.25, EmergencyShare = 0.08, Source = "Foxman, Am J Med 2002;113(1A):5S" },
        // Waterman et al., JBJS 2010: 2.15 ankle sprains per 1000 person-years presenting to EDs (x ~3 for all settings).
        new() { Key = "sprain", Definition = AnkleSprain, AnnualRate = new((6, 0.004), (15, 0.012), (25, 0.008), (50, 0.004), (80, 0.002)), MinDays = 14, MaxDays = 42, UrgentCareShare = 0.35, EmergencyShare = 0.40, Source = "Waterman et al., J Bone Joint Surg Am 2010;92:2279" },
        // Jain et al., NEJM 2015 (EPIC): community-acquired pneumonia hospitalisation 2.5/1000 adults, 16/1000 at 80+.
        new() { Key = "pneumonia", Definition = Pneumonia, AnnualRate = new((0.5, 0.015), (5, 0.005), (18, 0.004), (50, 0.006), (65, 0.012), (80, 0.03)), MinDays = 14, MaxDays = 28, UrgentCareShare = 0.15, EmergencyShare = 0.45, Source = "Jain et al., N Engl J Med 2015;373:415" },
        // CDC COVID Data Tracker: ~100 million reported US cases 2020-2023 (about 30% of the population); diagnosed here from March 2020.
        new() { Key = "covid", Definition = Covid19, AnnualRate = new((0, 0.08), (18, 0.10), (65, 0.10)), AvailableFrom = CovidFirstCase, MinDays = 7, MaxDays = 21, UrgentCareShare = 0.3, EmergencyShare = 0.08, Source = "CDC COVID Data Tracker (reported cases)" },
    };

    /// <summary>Relative COVID-19 diagnosis rate by calendar year (waves of 2020-2022, fewer tests afterwards).</summary>
    public static double CovidYearFactor(int year) => year switch
    {
        < 2020 => 0,
        2020 => 0.8,
        2021 => 1.2,
        2022 => 2.0,
        _ => 0.5,
    };
}
