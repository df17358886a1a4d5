namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>
/// Yearly rates of hospital use for causes the baseline conditions and the modules do not model (injuries, chest
/// and abdominal pain, and the many other reasons people go to the ED or are admitted): the published all-cause
/// rate minus what the rest of the generator already produces (measured on 5,000 patients, seed 20261206: about
/// 0.02 ED visits and, at 65+, 0.08 stays per person-year). Rates are of today's surveys and are used for every era.
/// </summary>
public static class HospitalUseRates
{
    /// <summary>
    /// ED visits per person-year by age. NHAMCS 2021 (NCHS Data Brief 478, Cairns et al. 2023): 43 visits per 100
    /// people; 103 under 1 year, 36-45 at 1-74, 66 at 75+. Minus about 2 per 100 already made by acute conditions and
    /// modules, and minus the ED visits of the admissions below that come through the ED (65% of those stays).
    /// </summary>
    public static readonly AgeCurve OtherEmergencyVisits = new((0, 1.00), (0.99, 1.00), (1, 0.33), (17, 0.33), (18, 0.41), (44, 0.41), (45, 0.33), (64, 0.33), (65, 0.27), (74, 0.27), (75, 0.49));

    /// <summary>
    /// Inpatient stays per person-year by age, births excluded. HCUP National Inpatient Sample 2018 (HCUP Statistical
    /// Brief 277, Weiss &amp; Jiang 2021, stays per 1,000 population): about 25 at 1-17, 80 at 18-44 (a third of them
    /// maternal, made by the pregnancy modules), 100 at 45-64, 240 at 65-84, 380 at 85+. Minus the stays modules
    /// already make (measured: 3, 36, 22 and 79 per 1,000 at 0-17, 18-44, 45-64, 65+).
    /// </summary>
    public static readonly AgeCurve OtherInpatientStays = new((0, 0.02), (17, 0.02), (18, 0.03), (44, 0.03), (45, 0.075), (64, 0.075), (65, 0.17), (84, 0.20), (85, 0.30));

    /// <summary>Share of inpatient stays admitted through the ED (HCUP Statistical Brief 277, 2018: about two thirds).</summary>
    public const double AdmittedThroughEmergency = 0.65;
}
