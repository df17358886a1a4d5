using System.Runtime.CompilerServices;
using SyntheticPatients.Runtime.Modules;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// The part of the life table the run's modules already model: their <c>type: death</c> states. Competing risks
/// keep total mortality on the life table when the baseline's natural hazard is thinned by the modules' hazard
/// (baseline = life table - modules), and a module death before the baseline one takes its place.
/// </summary>
public sealed class ModuleMortality
{
    /// <summary>Lower bounds (years) of the age bands of <see cref="DeathsPerThousand"/>.</summary>
    private static readonly double[] BandStarts = { 0, 25, 45, 55, 65, 75, 85 };

    /// <summary>
    /// Deaths per 1,000 person-years that each library module's death states recorded, by age band. Not published
    /// figures: measured on 10,000 patients of the general scenario (seed 1) with the modules' deaths attributed to
    /// the module whose death state fired (DeathRecord.Source), deaths / person-years lived in the band; the
    /// counts behind each row are in its comment (docs/pipeline.md, "Deaths"). A module of the run that is not
    /// listed thins nothing; a screening module's row holds the deaths of the survivorship module it calls.
    /// </summary>
    private static readonly Dictionary<string, double[]> DeathsPerThousand = new(StringComparer.Ordinal)
    {
        ["allergy_anaphylaxis_pathway"] = new[] { 0.014, 0, 0, 0, 0, 0, 0 }, // 3 0 0 0 0 0 0
        ["asthma"] = new[] { 0.005, 0, 0.03, 0, 0, 0, 0 }, // 1 0 1 0 0 0 0
        ["breast_cancer_screening"] = new[] { 0, 0, 0.119, 0.051, 0.115, 0, 0 }, // 0 0 4 1 1 0 0
        ["cad_secondary_prevention"] = new[] { 0, 0.185, 0.683, 1.012, 2.292, 2.976, 2.415 }, // 0 20 23 20 20 7 1
        ["cervical_cancer_screening"] = new[] { 0.005, 0.009, 0, 0, 0, 0, 0 }, // 1 1 0 0 0 0 0
        ["chronic_pain_opioid_stewardship"] = new[] { 0, 0.028, 0.059, 0.051, 0, 0, 0 }, // 0 3 2 1 0 0 0
        ["ckd_progression_management"] = new[] { 0, 0.019, 0.623, 1.163, 3.094, 6.377, 19.323 }, // 0 2 21 23 27 15 8
        ["colorectal_cancer_screening"] = new[] { 0, 0, 0.089, 0.152, 0, 0.425, 0 }, // 0 0 3 3 0 1 0
        ["community_acquired_pneumonia_episode"] = new[] { 0.1, 0.037, 0.089, 0.101, 0.344, 1.275, 0 }, // 21 4 3 2 3 3 0
        ["copd"] = new[] { 0, 0.019, 0.178, 0.506, 1.261, 2.976, 4.831 }, // 0 2 6 10 11 7 2
        ["copd_exacerbation_prevention"] = new[] { 0, 0.019, 0.237, 0.354, 0.344, 0.85, 0 }, // 0 2 8 7 3 2 0
        ["copd_home_oxygen"] = new[] { 0, 0, 0.267, 0.91, 1.49, 2.126, 2.415 }, // 0 0 9 18 13 5 1
        ["covid19_outpatient_management"] = new[] { 0, 0, 0, 0, 0.802, 0, 0 }, // 0 0 0 0 7 0 0
        ["dementia_management"] = new[] { 0, 0, 0, 0.152, 1.948, 8.078, 38.647 }, // 0 0 0 3 17 19 16
        ["end_of_life_palliative_care"] = new[] { 0, 0, 0, 0, 2.98, 5.952, 53.139 }, // 0 0 0 0 26 14 22
        ["epilepsy_management"] = new[] { 0.005, 0.009, 0, 0, 0, 0, 0 }, // 1 1 0 0 0 0 0
        ["heart_failure_management"] = new[] { 0, 0, 0.208, 0.556, 2.407, 7.228, 19.323 }, // 0 0 7 11 21 17 8
        ["hepatitis_c_management"] = new[] { 0, 0.019, 0.03, 0, 0, 0, 0 }, // 0 2 1 0 0 0 0
        ["hypertension_management"] = new[] { 0.005, 0.083, 0.178, 0.354, 0.344, 0.85, 0 }, // 1 9 6 7 3 2 0
        ["liver_cirrhosis_management"] = new[] { 0, 0, 0.267, 0.101, 0.573, 0.85, 0 }, // 0 0 9 2 5 2 0
        ["lung_cancer_screening"] = new[] { 0, 0, 0, 0.051, 0, 0, 0 }, // 0 0 0 1 0 0 0
        ["major_depressive_disorder_management"] = new[] { 0.019, 0.056, 0.03, 0.051, 0.115, 0.425, 0 }, // 4 6 1 1 1 1 0
        ["osteoporosis_management"] = new[] { 0, 0, 0, 0.051, 0.344, 0, 0 }, // 0 0 0 1 3 0 0
        ["prenatal_care_management"] = new[] { 0, 0.019, 0, 0, 0, 0, 0 }, // 0 2 0 0 0 0 0
        ["prostate_cancer_screening"] = new[] { 0, 0, 0.03, 0.051, 0.115, 0, 0 }, // 0 0 1 1 1 0 0
        ["sepsis_survivorship"] = new[] { 0.105, 0.417, 0.416, 0.86, 3.094, 6.377, 2.415 }, // 22 45 14 17 27 15 1
        ["stroke_tia_secondary_prevention"] = new[] { 0, 0, 0.148, 0.202, 1.261, 1.701, 2.415 }, // 0 0 5 4 11 4 1
        ["substance_use_disorder_management"] = new[] { 0.038, 0.121, 0.119, 0.051, 0.115, 0, 0 }, // 8 13 4 1 1 0 0
        ["type2_diabetes_management"] = new[] { 0.005, 0.083, 0.237, 0.759, 1.031, 0, 4.831 }, // 1 9 8 15 9 0 2
    };

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
    /// The share of the life table's natural hazard left to the baseline at <paramref name="age"/>: 1 - modules /
    /// life table, never below 0 (where the modules alone kill more than the life table, the excess stays).
    /// </summary>
    public double BaselineShare(double age, Gender gender)
    {
        int band = Array.FindLastIndex(BandStarts, start => age >= start);
        double modules = _hazard[band];
        if (modules == 0) return 1;
        double natural = MortalityModel.PopulationHazards(age, gender).Natural;
        return Math.Max(0, 1 - modules / natural);
    }
}
