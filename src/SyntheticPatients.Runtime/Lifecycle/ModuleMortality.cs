using System.Runtime.CompilerServices;
using SyntheticPatients.Runtime.Modules;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// The part of the life table the run's modules already model: their <c>type: death</c> states. Competing risks
/// keep total mortality on the life table when the baseline's non-cancer natural hazard is thinned by the modules'
/// hazard (baseline = life table - modules), and a module death before the baseline one takes its place.
/// </summary>
public sealed class ModuleMortality
{
    /// <summary>Lower bounds (years) of the age bands of <see cref="DeathsPerThousand"/>.</summary>
    private static readonly double[] BandStarts = { 0, 25, 45, 55, 65, 75, 85 };

    /// <summary>
    /// Deaths per 1,000 person-years that each library module's death states recorded, by age band. Not published
    /// figures: measured on 10,000 patients of the general scenario (seed 1) with the modules' deaths attributed to
    /// the module whose death state fired (DeathRecord.Source), deaths / person-years lived in the band; the
    /// counts behind each row are in its comment (docs/pipeline.md, "Deaths"). CauseOfDeathShareTests prints the rows
    /// in this form (run it with 10,000 patients and seed 1); re-measured after the modules' death probabilities
    /// were set to underlying-cause figures (sepsis, pneumonia, COPD, CKD, dementia). A module of the run that is
    /// not listed thins nothing; a screening module's row holds the deaths of the survivorship module it calls.
    /// </summary>
    private static readonly Dictionary<string, double[]> DeathsPerThousand = new(StringComparer.Ordinal)
    {
        ["allergy_anaphylaxis_pathway"] = new[] { 0.014, 0, 0, 0, 0, 0, 0 }, // 3 0 0 0 0 0 0
        ["asthma"] = new[] { 0.005, 0, 0.029, 0, 0, 0, 0 }, // 1 0 1 0 0 0 0
        ["breast_cancer_screening"] = new[] { 0, 0, 0.115, 0.047, 0.101, 0, 0 }, // 0 0 4 1 1 0 0
        ["cad_secondary_prevention"] = new[] { 0, 0.183, 0.548, 0.853, 1.61, 2.788, 2.252 }, // 0 20 19 18 16 8 1
        ["cervical_cancer_screening"] = new[] { 0.005, 0.009, 0, 0, 0, 0, 0 }, // 1 1 0 0 0 0 0
        ["chronic_pain_opioid_stewardship"] = new[] { 0, 0.027, 0.058, 0.047, 0, 0, 0 }, // 0 3 2 1 0 0 0
        ["ckd_progression_management"] = new[] { 0, 0, 0.029, 0.095, 0.906, 1.045, 2.252 }, // 0 0 1 2 9 3 1
        ["colorectal_cancer_screening"] = new[] { 0, 0, 0.058, 0.095, 0, 0.348, 0 }, // 0 0 2 2 0 1 0
        ["community_acquired_pneumonia_episode"] = new[] { 0.01, 0.027, 0.058, 0.047, 0.302, 0.348, 0 }, // 2 3 2 1 3 1 0
        ["copd"] = new[] { 0, 0.018, 0.115, 0.237, 0.403, 2.439, 0 }, // 0 2 4 5 4 7 0
        ["copd_exacerbation_prevention"] = new[] { 0, 0.018, 0.029, 0.095, 0.302, 0, 0 }, // 0 2 1 2 3 0 0
        ["copd_home_oxygen"] = new[] { 0, 0, 0.058, 0.189, 0.302, 0, 0 }, // 0 0 2 4 3 0 0
        ["covid19_outpatient_management"] = new[] { 0, 0, 0, 0, 0.604, 0.348, 2.252 }, // 0 0 0 0 6 1 1
        ["dementia_management"] = new[] { 0, 0, 0, 0.095, 1.308, 2.788, 11.26 }, // 0 0 0 2 13 8 5
        ["end_of_life_palliative_care"] = new[] { 0, 0, 0, 0, 2.717, 5.575, 20.269 }, // 0 0 0 0 27 16 9
        ["epilepsy_management"] = new[] { 0.005, 0.009, 0, 0, 0, 0, 0 }, // 1 1 0 0 0 0 0
        ["heart_failure_management"] = new[] { 0, 0, 0.202, 0.521, 2.013, 5.924, 6.756 }, // 0 0 7 11 20 17 3
        ["hepatitis_c_management"] = new[] { 0, 0.018, 0.029, 0, 0, 0, 0 }, // 0 2 1 0 0 0 0
        ["hypertension_management"] = new[] { 0.005, 0.082, 0.173, 0.332, 0.302, 0.697, 0 }, // 1 9 6 7 3 2 0
        ["liver_cirrhosis_management"] = new[] { 0, 0, 0.259, 0.095, 0.403, 0.348, 0 }, // 0 0 9 2 4 1 0
        ["lung_cancer_screening"] = new[] { 0, 0, 0, 0.047, 0, 0, 0 }, // 0 0 0 1 0 0 0
        ["major_depressive_disorder_management"] = new[] { 0.019, 0.055, 0.029, 0.095, 0.101, 0, 0 }, // 4 6 1 2 1 0 0
        ["osteoporosis_management"] = new[] { 0, 0, 0, 0.047, 0.302, 0, 0 }, // 0 0 0 1 3 0 0
        ["prenatal_care_management"] = new[] { 0, 0.018, 0, 0, 0, 0, 0 }, // 0 2 0 0 0 0 0
        ["prostate_cancer_screening"] = new[] { 0, 0, 0.029, 0.095, 0, 0, 0 }, // 0 0 1 2 0 0 0
        ["sepsis_survivorship"] = new[] { 0.019, 0.11, 0.058, 0.095, 0.503, 1.394, 0 }, // 4 12 2 2 5 4 0
        ["stroke_tia_secondary_prevention"] = new[] { 0, 0, 0.144, 0.142, 1.006, 1.045, 0 }, // 0 0 5 3 10 3 0
        ["substance_use_disorder_management"] = new[] { 0.038, 0.119, 0.086, 0.047, 0.101, 0, 0 }, // 8 13 3 1 1 0 0
        ["type2_diabetes_management"] = new[] { 0.005, 0.082, 0.231, 0.663, 0.403, 0, 0 }, // 1 9 8 14 4 0 0
    };

    /// <summary>
    /// Share of the life table's natural (non-injury) deaths certified to cancer, by the bands of
    /// <see cref="BandStarts"/>: NCHS, Deaths: Leading Causes for 2019 (Heron, NVSR 70-9, 2021), malignant neoplasms
    /// (C00-C97) over all deaths minus accidents, suicides and homicides at those ages, rounded. No module's death
    /// states model cancer deaths, so the modules' hazard is taken from the rest of the natural hazard.
    /// </summary>
    private static readonly double[] CancerShareOfNatural = { 0.08, 0.16, 0.20, 0.26, 0.28, 0.23, 0.11 };

    private static readonly ConditionalWeakTable<IReadOnlyList<CompiledModule>, ModuleMortality> Cache = new();

    private static readonly ModuleMortality None = new(new double[BandStarts.Length]);

    /// <summary>Yearly hazard of module deaths by band, summed over the run's modules.</summary>
    private readonly double[] _hazard;

    private ModuleMortality(double[] hazard) => _hazard = hazard;

    /// <summary>The modules' hazard for a run's module list (computed once per list).</summary>
    public static ModuleMortality For(IReadOnlyList<CompiledModule> modules)
        => modules.Count == 0 ? None : Cache.GetValue(modules, Build);

    private static ModuleMortality Build(IReadOnlyList<CompiledModule> modules)
    {
        var hazard = new double[BandStarts.Length];
        foreach (var module in modules)
        {
            if (!DeathsPerThousand.TryGetValue(module.Name, out var rates)) continue;
            for (int band = 0; band < hazard.Length; band++) hazard[band] += rates[band] / 1000;
        }
        return new ModuleMortality(hazard);
    }

    /// <summary>
    /// The share of the life table's non-cancer natural hazard left to the baseline at <paramref name="age"/>:
    /// 1 - modules / (life table's natural hazard x (1 - cancer share)), never below 0 (where the modules alone kill
    /// more than that, the excess stays). The cancer part is left whole (DeathStep).
    /// </summary>
    public double BaselineShare(double age, Gender gender)
    {
        int band = Array.FindLastIndex(BandStarts, start => age >= start);
        double modules = _hazard[band];
        if (modules == 0) return 1;
        double nonCancer = MortalityModel.PopulationHazards(age, gender).Natural * (1 - CancerShareOfNatural[band]);
        return Math.Max(0, 1 - modules / nonCancer);
    }
}
