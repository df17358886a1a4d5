using SyntheticPatients.Runtime.Definitions;

namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>
/// How a chronic condition is assigned: its population prevalence (diagnosed, both sexes) by age, sex factors,
/// relative risks of the patient's risk factors, natural history (remission) and its weight in mortality and care.
/// </summary>
public sealed class ChronicConditionSpec
{
    // Exposure shares used to normalise relative risks, so the population prevalence stays the curve's value
    // (NHIS 2022: 11.6% current and ~22% former adult smokers; NHANES 2017-2020: 41.9% adult obesity).
    private const double CurrentSmokerShare = 0.13;
    private const double FormerSmokerShare = 0.22;
    private const double ObesityShare = 0.40;
    private const double HeavyAlcoholShare = 0.06;
    private const double LowIncomeShare = 0.20;
    private const double ComorbidityShare = 0.25;

    public required string Key { get; init; }

    public required ConditionDefinition Definition { get; init; }

    /// <summary>Diagnosed prevalence by age (fraction of people of that age who have had the diagnosis).</summary>
    public required AgeCurve Prevalence { get; init; }

    public double MaleFactor { get; init; } = 1;

    public double FemaleFactor { get; init; } = 1;

    public double MinOnsetAge { get; init; }

    public double CurrentSmokerRisk { get; init; } = 1;

    public double FormerSmokerRisk { get; init; } = 1;

    public double ObesityRisk { get; init; } = 1;

    public double HeavyAlcoholRisk { get; init; } = 1;

    /// <summary>Household income under 25,000 USD, less than high school, or unstable housing.</summary>
    public double LowIncomeRisk { get; init; } = 1;

    /// <summary>Other conditions (by key) that raise the risk, with their relative risks.</summary>
    public IReadOnlyList<(string Key, double Risk)> Comorbidities { get; init; } = Array.Empty<(string, double)>();

    /// <summary>Conditions (by key) that exclude this one (prediabetes vs type 2 diabetes).</summary>
    public IReadOnlyList<string> Excludes { get; init; } = Array.Empty<string>();

    /// <summary>Share of cases that resolve or remit, and how many years after onset.</summary>
    public double RemissionProbability { get; init; }

    public double RemissionMinYears { get; init; } = 1;

    public double RemissionMaxYears { get; init; } = 5;

    /// <summary>Relative risk of (natural) death while the condition is active.</summary>
    public double MortalityRisk { get; init; } = 1;

    /// <summary>
    /// A cancer's excess hazard of death a year while active (from relative survival), the same at every age, in
    /// place of <see cref="MortalityRisk"/>. No module's death states model cancer deaths, so this part of the
    /// natural hazard is not thinned by the modules' (<see cref="ModuleMortality"/>, DeathStep).
    /// </summary>
    public double ExcessHazard { get; init; }

    /// <summary>
    /// Found by symptoms as well as by screening: a module that records it (a screening module) records only the
    /// cases its screening finds, so the baseline still diagnoses it for a patient the module did not (per patient,
    /// not per site), where a module's condition otherwise belongs to the module alone.
    /// </summary>
    public bool DiagnosedBesideScreening { get; init; }

    /// <summary>Planned follow-up visits per year while active (0: managed at wellness visits).</summary>
    public int FollowUpsPerYear { get; init; }

    /// <summary>Where the prevalence figures come from.</summary>
    public string Source { get; init; } = "";

    /// <summary>Mean relative risk in the population, dividing the individual relative risk product.</summary>
    public double Normalisation => (1 + CurrentSmokerShare * (CurrentSmokerRisk - 1) + FormerSmokerShare * (FormerSmokerRisk - 1))
        * (1 + ObesityShare * (ObesityRisk - 1))
        * (1 + HeavyAlcoholShare * (HeavyAlcoholRisk - 1))
        * (1 + LowIncomeShare * (LowIncomeRisk - 1))
        * Comorbidities.Aggregate(1.0, (product, c) => product * (1 + ComorbidityShare * (c.Risk - 1)));
}
