using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>The patient's risk factors from demographics (social determinants and habits).</summary>
public readonly record struct RiskProfile(bool CurrentSmoker, bool FormerSmoker, bool HeavyAlcohol, bool LowIncome)
{
    public static RiskProfile From(Demographics d) => new(
        d.Smoking == "current",
        d.Smoking == "former",
        d.Alcohol == "heavy",
        (d.Income > 0 && d.Income < 25_000) || d.Education == "less_than_high_school" && d.AgeAt(d.SimulationEnd) >= 25 || d.Housing is "homeless" or "temporary");
}
