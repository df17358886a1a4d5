namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>
/// The commonest cancers as chronic conditions of the baseline (lung, colorectal, breast, prostate, pancreas, and the
/// other sites grouped), so a cancer death names a cancer the chart holds. A run's module that records one of them
/// (the screening modules record breast, colorectal, lung and prostate cancers) owns it, as for any condition, except
/// lung and colorectal cancers (<see cref="ChronicConditionSpec.DiagnosedBesideScreening"/>): their screening modules
/// record only the cancers screening finds (low-dose CT reached about 6% of eligible adults in 2019, Fedewa et al.,
/// JNCI 2021), so the baseline diagnoses them at the full SEER incidence for each patient the module did not. That
/// adds the screen-detected cancers on top of the full incidence: in the general scenario (5,000 patients, seed 20261206) the
/// colorectal screening module recorded 11 colorectal cancers and the baseline 24, about 1.4 times SEER; the lung
/// module none, the baseline 28. Breast and prostate cancers stay
/// with their modules: the baseline does not treat cancers, and a baseline breast cancer would lack the endocrine
/// therapy oncology_survivorship gives (its KPI); their symptomatic cases are left out (see docs/pipeline.md).
/// <para>
/// Curves: cumulative probability of a first diagnosis by age, from the ACS/SEER probabilities of developing invasive
/// cancer by age interval (0-49, 50-59, 60-69, 70+; Siegel et al., Cancer Statistics 2023, CA Cancer J Clin
/// 2023;73:17, SEER 2017-2019), compounded; the 0-49 interval is spread as 10% by 20, 40% by 40, and the 70+ interval
/// as 60% by 80. "Other" is all sites minus the five named. A cancer resolves 5 years after diagnosis (registries'
/// cure threshold); until then it adds the excess hazard -ln(S)/5 a year, S the SEER 5-year relative survival
/// (SEER 22, 2013-2019), at every age: relative survival measures an excess hazard over the population's, which does
/// not scale with the background hazard (a fixed relative risk, set at 70, gave a 50-year-old a third of that excess
/// and a 90-year-old ten times it).
/// </para>
/// </summary>
public static class CancerCatalog
{
    /// <summary>Excess hazard a year that leaves a 5-year relative survival <paramref name="survival"/>.</summary>
    private static double ExcessFor(double survival) => -Math.Log(survival) / 5;

    public static readonly IReadOnlyList<ChronicConditionSpec> All = new ChronicConditionSpec[]
    {
        new()
        {
            // Men 0.1/0.7/1.9/5.6%, women 0.1/0.6/1.6/4.9% by interval; 5-year survival 25%. Current smokers 15-30x never
            // smokers, former ~5x (US Surgeon General 2014): smoking behind ~80-90% of cases.
            Key = "lungcancer", Definition = DeathCauseCatalog.LungCancer, MinOnsetAge = 30, DiagnosedBesideScreening = true,
            Prevalence = new((30, 0.0), (40, 0.0004), (50, 0.001), (60, 0.0075), (70, 0.025), (80, 0.0565), (90, 0.078)),
            MaleFactor = 1.06, FemaleFactor = 0.94, CurrentSmokerRisk = 15, FormerSmokerRisk = 5,
            RemissionProbability = 1, RemissionMinYears = 5, RemissionMaxYears = 5, ExcessHazard = ExcessFor(0.25), FollowUpsPerYear = 4,
            Source = "ACS Cancer Statistics 2023 (SEER 2017-2019); SEER 5-year relative survival 2013-2019",
        },
        new()
        {
            // Men 0.4/0.7/1.0/3.0%, women 0.4/0.6/0.7/2.9%; 5-year survival 65%. Obesity RR ~1.3 (IARC 2016).
            Key = "colorectalcancer", Definition = DeathCauseCatalog.ColonCancer, MinOnsetAge = 20, DiagnosedBesideScreening = true,
            Prevalence = new((20, 0.0004), (40, 0.0016), (50, 0.004), (60, 0.0105), (70, 0.019), (80, 0.037), (90, 0.048)),
            MaleFactor = 1.07, FemaleFactor = 0.93, ObesityRisk = 1.3, CurrentSmokerRisk = 1.2, HeavyAlcoholRisk = 1.4,
            RemissionProbability = 1, RemissionMinYears = 5, RemissionMaxYears = 5, ExcessHazard = ExcessFor(0.65), FollowUpsPerYear = 4,
            Source = "ACS Cancer Statistics 2023 (SEER 2017-2019); SEER 5-year relative survival 2013-2019",
        },
        new()
        {
            // Women 2.1/2.4/3.5/7.0% (curve halved for both sexes, women x2); 5-year survival 91%.
            Key = "breastcancer", Definition = DeathCauseCatalog.BreastCancer, MinOnsetAge = 20,
            Prevalence = new((20, 0.0001), (40, 0.0042), (50, 0.0105), (60, 0.0225), (70, 0.040), (80, 0.061), (90, 0.075)),
            MaleFactor = 0.0, FemaleFactor = 2.0, ObesityRisk = 1.2, HeavyAlcoholRisk = 1.3,
            RemissionProbability = 1, RemissionMinYears = 5, RemissionMaxYears = 5, ExcessHazard = ExcessFor(0.91), FollowUpsPerYear = 4,
            Source = "ACS Cancer Statistics 2023 (SEER 2017-2019); SEER 5-year relative survival 2013-2019",
        },
        new()
        {
            // Men 0.2/1.8/5.4/9.0% (curve halved for both sexes, men x2); 5-year survival 97%.
            Key = "prostatecancer", Definition = DeathCauseCatalog.ProstateCancer, MinOnsetAge = 40,
            Prevalence = new((40, 0.0004), (50, 0.001), (60, 0.010), (70, 0.037), (80, 0.064), (90, 0.082)),
            MaleFactor = 2.0, FemaleFactor = 0.0,
            RemissionProbability = 1, RemissionMinYears = 5, RemissionMaxYears = 5, ExcessHazard = ExcessFor(0.97), FollowUpsPerYear = 2,
            Source = "ACS Cancer Statistics 2023 (SEER 2017-2019); SEER 5-year relative survival 2013-2019",
        },
        new()
        {
            // About 0.05/0.2/0.5/1.2% by interval (lifetime ~1.7%); 5-year survival 12%. Smoking ~2x, diabetes ~1.8x.
            Key = "pancreaticcancer", Definition = DeathCauseCatalog.PancreaticCancer, MinOnsetAge = 30,
            Prevalence = new((30, 0.0), (40, 0.0002), (50, 0.0005), (60, 0.0025), (70, 0.0075), (80, 0.0147), (90, 0.0195)),
            MaleFactor = 1.1, FemaleFactor = 0.9, CurrentSmokerRisk = 2.0, ObesityRisk = 1.2, Comorbidities = new[] { ("diabetes2", 1.8) },
            RemissionProbability = 1, RemissionMinYears = 5, RemissionMaxYears = 5, ExcessHazard = ExcessFor(0.12), FollowUpsPerYear = 4,
            Source = "ACS Cancer Statistics 2023 (SEER 2017-2019); SEER 5-year relative survival 2013-2019",
        },
        new()
        {
            // All sites (men 3.4/6.0/13.0/32.5%, women 5.6/6.4/10.2/26.0%) minus the five above; childhood cancers ~0.3% by 20.
            // 5-year survival of the other sites together about 68% (SEER, all sites 69%).
            Key = "othercancer", Definition = DeathCauseCatalog.Cancer, MinOnsetAge = 0,
            Prevalence = new((0, 0.0), (20, 0.0028), (40, 0.0112), (50, 0.028), (60, 0.054), (70, 0.094), (80, 0.165), (90, 0.212)),
            MaleFactor = 1.15, FemaleFactor = 0.87, CurrentSmokerRisk = 1.5, HeavyAlcoholRisk = 1.3, ObesityRisk = 1.2,
            RemissionProbability = 1, RemissionMinYears = 5, RemissionMaxYears = 5, ExcessHazard = ExcessFor(0.68), FollowUpsPerYear = 4,
            Source = "ACS Cancer Statistics 2023 (SEER 2017-2019); SEER 5-year relative survival 2013-2019",
        },
    };
}
