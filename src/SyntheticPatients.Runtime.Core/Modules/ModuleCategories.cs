namespace SyntheticPatients.Runtime.Modules;

/// <summary>
/// The categories of patient data a module produces (<c>categories:</c> in the YAML). A module marks each as
/// replace (its events stand in for the baseline generator's) or augment (they are added).
/// </summary>
[Flags]
public enum ModuleCategories
{
    None = 0,
    Encounters = 1 << 0,
    Conditions = 1 << 1,
    Medications = 1 << 2,
    Observations = 1 << 3,
    Procedures = 1 << 4,
    Immunizations = 1 << 5,
    CarePlans = 1 << 6,
    Allergies = 1 << 7,
}
