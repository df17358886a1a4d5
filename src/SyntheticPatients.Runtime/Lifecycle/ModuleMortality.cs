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
    /// were set to underlying-cause figures (sepsis, pneumonia, COPD, CKD, dementia), and again after sepsis was scaled
    /// to the NCHS septicemia deaths and cancers got an excess hazard spared by the thinning. A module of the run that is
    /// not listed thins nothing; a screening module's row holds the deaths of the survivorship module it calls.
    /// </summary>
    private static readonly Dictionary<string, double[]> DeathsPerThousand = new(StringComparer.Ordinal)
    {
        ["allergy_anaphylaxis_pathway"] = new[] { 0.014, 0, 0, 0, 0, 0, 0 }, // 3 0 0 0 0 0 0
        ["asthma"] = new[] { 0.005, 0, 0.029, 0, 0, 0, 0 }, // 1 0 1 0 0 0 0
        ["breast_cancer_screening"] = new[] { 0, 0, 0.087, 0.048, 0.102, 0, 0 }, // 0 0 3 1 1 0 0
        ["cad_secondary_prevention"] = new[] { 0, 0.183, 0.58, 0.817, 1.434, 2.91, 0 }, // 0 20 20 17 14 8 0
        ["cervical_cancer_screening"] = new[] { 0.005, 0.009, 0, 0, 0, 0, 0 }, // 1 1 0 0 0 0 0
        ["chronic_pain_opioid_stewardship"] = new[] { 0, 0.027, 0.058, 0.048, 0, 0, 0 }, // 0 3 2 1 0 0 0
        ["ckd_progression_management"] = new[] { 0, 0, 0.029, 0.096, 0.922, 1.091, 0 }, // 0 0 1 2 9 3 0
        ["colorectal_cancer_screening"] = new[] { 0, 0, 0.029, 0.096, 0, 0.364, 0 }, // 0 0 1 2 0 1 0
        ["community_acquired_pneumonia_episode"] = new[] { 0.01, 0.027, 0.058, 0.048, 0.205, 0.364, 0 }, // 2 3 2 1 2 1 0
        ["copd"] = new[] { 0, 0.018, 0.116, 0.24, 0.41, 2.182, 0 }, // 0 2 4 5 4 6 0
        ["copd_exacerbation_prevention"] = new[] { 0, 0.018, 0.029, 0.096, 0.307, 0, 0 }, // 0 2 1 2 3 0 0
        ["copd_home_oxygen"] = new[] { 0, 0, 0.058, 0.192, 0.307, 0.364, 0 }, // 0 0 2 4 3 1 0
        ["covid19_outpatient_management"] = new[] { 0, 0, 0, 0, 0.512, 0.364, 2.64 }, // 0 0 0 0 5 1 1
        ["dementia_management"] = new[] { 0, 0, 0, 0.096, 1.332, 3.274, 10.561 }, // 0 0 0 2 13 9 4
        ["end_of_life_palliative_care"] = new[] { 0, 0, 0, 0, 2.561, 6.547, 15.841 }, // 0 0 0 0 25 18 6
        ["epilepsy_management"] = new[] { 0.005, 0.009, 0, 0, 0, 0, 0 }, // 1 1 0 0 0 0 0
        ["heart_failure_management"] = new[] { 0, 0, 0.174, 0.529, 2.151, 5.82, 5.28 }, // 0 0 6 11 21 16 2
        ["hepatitis_c_management"] = new[] { 0, 0.018, 0.029, 0, 0, 0, 0 }, // 0 2 1 0 0 0 0
        ["hypertension_management"] = new[] { 0.005, 0.082, 0.174, 0.337, 0.307, 0.727, 0 }, // 1 9 6 7 3 2 0
        ["liver_cirrhosis_management"] = new[] { 0, 0, 0.232, 0.096, 0.41, 0.727, 0 }, // 0 0 8 2 4 2 0
        ["lung_cancer_screening"] = new[] { 0, 0, 0, 0.048, 0, 0, 0 }, // 0 0 0 1 0 0 0
        ["major_depressive_disorder_management"] = new[] { 0.019, 0.055, 0.029, 0.096, 0.102, 0, 0 }, // 4 6 1 2 1 0 0
        ["osteoporosis_management"] = new[] { 0, 0, 0, 0.048, 0.307, 0, 0 }, // 0 0 0 1 3 0 0
        ["prenatal_care_management"] = new[] { 0, 0.018, 0, 0, 0, 0, 0 }, // 0 2 0 0 0 0 0
        ["prostate_cancer_screening"] = new[] { 0, 0, 0.029, 0.096, 0.102, 0, 0 }, // 0 0 1 2 1 0 0
        ["sepsis_survivorship"] = new[] { 0.014, 0.055, 0.029, 0, 0.307, 0.364, 0 }, // 3 6 1 0 3 1 0
        ["stroke_tia_secondary_prevention"] = new[] { 0, 0, 0.145, 0.144, 1.024, 1.091, 0 }, // 0 0 5 3 10 3 0
        ["substance_use_disorder_management"] = new[] { 0.038, 0.119, 0.087, 0.048, 0.102, 0, 0 }, // 8 13 3 1 1 0 0
        ["type2_diabetes_management"] = new[] { 0.005, 0.082, 0.232, 0.673, 0.615, 0, 0 }, // 1 9 8 14 6 0 0
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
