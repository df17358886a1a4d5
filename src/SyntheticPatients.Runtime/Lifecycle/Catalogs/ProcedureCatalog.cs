using SyntheticPatients.Runtime.Definitions;
using static SyntheticPatients.Runtime.Lifecycle.Catalogs.Terms;

namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>Screening and condition procedures (SNOMED CT) with base costs in USD and typical durations in minutes.</summary>
public static class ProcedureCatalog
{
    public sealed record ProcedureSpec(ProcedureDefinition Definition, decimal BaseCost, int MinMinutes, int MaxMinutes, bool OwnEncounter);

    private static ProcedureSpec P(string code, string display, decimal cost, int min, int max, bool ownEncounter = false)
        => new(new ProcedureDefinition(display.Replace(" (procedure)", "").Replace(" (regime/therapy)", ""), new[] { Sct(code, display) }), cost, min, max, ownEncounter);

    // Screenings (USPSTF recommendations).
    public static readonly ProcedureSpec Colonoscopy = P("73761001", "Colonoscopy (procedure)", 1200m, 30, 60, ownEncounter: true);
    public static readonly ProcedureSpec Mammography = P("71651007", "Mammography (procedure)", 250m, 15, 30, ownEncounter: true);
    public static readonly ProcedureSpec CervicalCytology = P("90226004", "Cytopathology procedure, preparation of smear, genital source (procedure)", 90m, 10, 15);
    public static readonly ProcedureSpec BoneDensityScan = P("312681000", "Bone density scan (procedure)", 180m, 15, 30, ownEncounter: true);
    public static readonly ProcedureSpec DepressionScreening = P("171207006", "Depression screening (procedure)", 25m, 5, 10);
    public static readonly ProcedureSpec LungCancerScreening = P("16334891000119106", "Low dose computed tomography of thorax (procedure)", 300m, 15, 30, ownEncounter: true);
    public static readonly ProcedureSpec MedicationReconciliation = P("430193006", "Medication reconciliation (procedure)", 30m, 5, 15);

    // Condition work-up and treatment.
    public static readonly ProcedureSpec Electrocardiogram = P("29303009", "Electrocardiographic procedure (procedure)", 60m, 10, 20);
    public static readonly ProcedureSpec Echocardiography = P("40701008", "Echocardiography (procedure)", 450m, 30, 60, ownEncounter: true);
    public static readonly ProcedureSpec CoronaryIntervention = P("415070008", "Percutaneous coronary intervention (procedure)", 12000m, 60, 180, ownEncounter: true);
    public static readonly ProcedureSpec Spirometry = P("127783003", "Spirometry (procedure)", 80m, 15, 30);
    public static readonly ProcedureSpec Polysomnography = P("60554003", "Polysomnography (procedure)", 1100m, 360, 480, ownEncounter: true);
    public static readonly ProcedureSpec OphthalmicExamination = P("36228007", "Ophthalmic examination and evaluation (procedure)", 120m, 20, 40);
    public static readonly ProcedureSpec PhysicalTherapy = P("91251008", "Physical therapy procedure (regime/therapy)", 110m, 45, 60, ownEncounter: true);
    public static readonly ProcedureSpec Psychotherapy = P("75516001", "Psychotherapy (regime/therapy)", 130m, 45, 60);
    public static readonly ProcedureSpec ThroatCulture = P("117015009", "Throat culture (procedure)", 40m, 5, 10);
    public static readonly ProcedureSpec ChestXray = P("399208008", "Plain chest X-ray (procedure)", 90m, 10, 20);
    public static readonly ProcedureSpec AnkleXray = P("19490002", "Plain X-ray of ankle region (procedure)", 90m, 10, 20);

    public static readonly IReadOnlyList<ProcedureSpec> All = new[]
    {
        Colonoscopy, Mammography, CervicalCytology, BoneDensityScan, DepressionScreening, LungCancerScreening, MedicationReconciliation,
        Electrocardiogram, Echocardiography, CoronaryIntervention, Spirometry, Polysomnography, OphthalmicExamination, PhysicalTherapy,
        Psychotherapy, ThroatCulture, ChestXray, AnkleXray,
    };

    /// <summary>A procedure done when a condition is diagnosed, for a share of patients.</summary>
    public sealed record DiagnosticProcedure(ConditionDefinition Condition, ProcedureSpec Procedure, double Share);

    public static readonly IReadOnlyList<DiagnosticProcedure> AtDiagnosis = new DiagnosticProcedure[]
    {
        new(ConditionCodes.AtrialFibrillation, Electrocardiogram, 0.95),
        new(ConditionCodes.CoronaryArteryDisease, Electrocardiogram, 0.9),
        new(ConditionCodes.CoronaryArteryDisease, CoronaryIntervention, 0.2),
        new(ConditionCodes.HeartFailure, Echocardiography, 0.9),
        new(ConditionCodes.Asthma, Spirometry, 0.6),
        new(ConditionCodes.Copd, Spirometry, 0.8),
        new(ConditionCodes.SleepApnea, Polysomnography, 0.85),
        new(ConditionCodes.Osteoarthritis, PhysicalTherapy, 0.3),
        new(ConditionCodes.ChronicLowBackPain, PhysicalTherapy, 0.35),
        new(ConditionCodes.Depression, Psychotherapy, 0.4),
        new(ConditionCodes.StrepThroat, ThroatCulture, 0.8),
        new(ConditionCodes.Pneumonia, ChestXray, 0.9),
        new(ConditionCodes.AnkleSprain, AnkleXray, 0.6),
    };
}
