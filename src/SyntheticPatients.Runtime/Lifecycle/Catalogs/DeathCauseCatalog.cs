using SyntheticPatients.Runtime.Definitions;
using static SyntheticPatients.Runtime.Lifecycle.Catalogs.Terms;

namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>
/// Causes of death (as conditions with SNOMED CT and ICD-10-CM codes) when the patient's own conditions do not
/// explain the death: natural causes weighted by age from the CDC leading causes of death (NVSS 2019), and the
/// external causes (accident, suicide, homicide). A cause marked acute is an event at death (the chart records it
/// then); any other cause must already be in the patient's chart.
/// </summary>
public static class DeathCauseCatalog
{
    public static readonly ConditionDefinition MyocardialInfarction = Condition("Myocardial infarction", "cardiovascular", "22298006", "Myocardial infarction (disorder)", "I21.9", "Acute myocardial infarction, unspecified");
    public static readonly ConditionDefinition LungCancer = Condition("Lung cancer", "oncology", "93880001", "Primary malignant neoplasm of lung (disorder)", "C34.90", "Malignant neoplasm of unspecified part of unspecified bronchus or lung");
    public static readonly ConditionDefinition ColonCancer = Condition("Colon cancer", "oncology", "363406005", "Malignant neoplasm of colon (disorder)", "C18.9", "Malignant neoplasm of colon, unspecified");
    public static readonly ConditionDefinition BreastCancer = Condition("Breast cancer", "oncology", "254837009", "Malignant neoplasm of breast (disorder)", "C50.919", "Malignant neoplasm of unspecified site of unspecified female breast");
    public static readonly ConditionDefinition PancreaticCancer = Condition("Pancreatic cancer", "oncology", "363418001", "Malignant tumor of pancreas (disorder)", "C25.9", "Malignant neoplasm of pancreas, unspecified");
    public static readonly ConditionDefinition ProstateCancer = Condition("Prostate cancer", "oncology", "399068003", "Malignant tumor of prostate (disorder)", "C61", "Malignant neoplasm of prostate");
    public static readonly ConditionDefinition Cancer = Condition("Malignant neoplastic disease", "oncology", "363346000", "Malignant neoplastic disease (disorder)", "C80.1", "Malignant (primary) neoplasm, unspecified");
    public static readonly ConditionDefinition Sepsis = Condition("Sepsis", "infectious", "91302008", "Sepsis (disorder)", "A41.9", "Sepsis, unspecified organism");
    public static readonly ConditionDefinition Cirrhosis = Condition("Cirrhosis of liver", "digestive", "19943007", "Cirrhosis of liver (disorder)", "K74.60", "Unspecified cirrhosis of liver");
    public static readonly ConditionDefinition SuddenInfantDeath = Condition("Sudden infant death syndrome", "other", "51178009", "Sudden infant death syndrome (disorder)", "R95", "Sudden infant death syndrome");
    public static readonly ConditionDefinition CongenitalDisease = Condition("Congenital disease", "congenital", "66091009", "Congenital disease (disorder)", "Q89.9", "Congenital malformation, unspecified");
    public static readonly ConditionDefinition AccidentalFall = Condition("Accidental fall", "injury", "217082002", "Accidental fall (event)", "W19.XXXA", "Unspecified fall, initial encounter");
    public static readonly ConditionDefinition MotorVehicleAccident = Condition("Motor vehicle accident", "injury", "418399005", "Motor vehicle accident (event)", "V89.2XXA", "Person injured in unspecified motor-vehicle accident, traffic, initial encounter");
    public static readonly ConditionDefinition DrugOverdose = Condition("Drug overdose", "injury", "55680006", "Drug overdose (disorder)", "T50.901A", "Poisoning by unspecified drugs, medicaments and biological substances, accidental (unintentional), initial encounter");
    public static readonly ConditionDefinition Suicide = Condition("Suicide", "injury", "44301001", "Suicide (event)", "X83.8XXA", "Intentional self-harm by other specified means, initial encounter");
    public static readonly ConditionDefinition CardiacArrest = Condition("Cardiac arrest", "cardiovascular", "410429000", "Cardiac arrest (disorder)", "I46.9", "Cardiac arrest, cause unspecified");
    public static readonly ConditionDefinition Assault = Condition("Assault", "injury", "52684005", "Assault (event)", "Y09", "Assault by unspecified means");

    /// <summary>A weighted cause for one age range (and sex: null for both); acute causes happen at death.</summary>
    public sealed record CauseBand(double MinAge, double MaxAge, Gender? Gender, ConditionDefinition Cause, double Weight, bool Acute = false);

    /// <summary>Natural causes of death by age (weights within an age range; CDC NVSS 2019 leading causes, rounded).</summary>
    public static readonly IReadOnlyList<CauseBand> NaturalCauses = new CauseBand[]
    {
        new(0, 1, null, CongenitalDisease, 0.5),
        new(0, 1, null, SuddenInfantDeath, 0.3, Acute: true),
        new(0, 1, null, Sepsis, 0.2),
        new(1, 25, null, CongenitalDisease, 0.3),
        new(1, 25, null, Cancer, 0.4),
        new(1, 25, null, ConditionCodes.Pneumonia, 0.15),
        // Heart disease deaths before 25 are mostly sudden (cardiomyopathy, arrhythmia), not infarctions.
        new(1, 25, null, CardiacArrest, 0.15, Acute: true),
        new(25, 200, null, MyocardialInfarction, 0.24, Acute: true),
        new(25, 200, null, LungCancer, 0.07),
        new(25, 200, null, ColonCancer, 0.03),
        new(25, 200, Gender.Female, BreastCancer, 0.05),
        new(25, 200, null, PancreaticCancer, 0.025),
        new(50, 200, Gender.Male, ProstateCancer, 0.04),
        new(25, 200, null, Cancer, 0.10),
        new(25, 200, null, ConditionCodes.Stroke, 0.06, Acute: true),
        new(40, 200, null, ConditionCodes.Copd, 0.05),
        new(65, 200, null, ConditionCodes.Alzheimers, 0.07),
        new(25, 200, null, ConditionCodes.Diabetes2, 0.03),
        new(25, 200, null, ConditionCodes.ChronicKidneyDisease, 0.02),
        new(25, 200, null, Sepsis, 0.02),
        new(25, 200, null, ConditionCodes.Pneumonia, 0.03),
        new(25, 85, null, Cirrhosis, 0.025),
    };


    /// <summary>Accidental causes by age (falls dominate late in life, traffic and overdoses earlier).</summary>
    public static ConditionDefinition AccidentCause(double age, double u) => age switch
    {
        < 25 => u < 0.5 ? MotorVehicleAccident : u < 0.8 ? DrugOverdose : AccidentalFall,
        < 65 => u < 0.5 ? DrugOverdose : u < 0.85 ? MotorVehicleAccident : AccidentalFall,
        _ => u < 0.7 ? AccidentalFall : u < 0.9 ? MotorVehicleAccident : DrugOverdose,
    };

    public static IEnumerable<ConditionDefinition> AllDefinitions() => new[]
    {
        MyocardialInfarction, LungCancer, ColonCancer, BreastCancer, PancreaticCancer, ProstateCancer, Cancer, Sepsis, Cirrhosis,
        SuddenInfantDeath, CongenitalDisease, AccidentalFall, MotorVehicleAccident, DrugOverdose, Suicide, Assault, CardiacArrest,
    };
}
