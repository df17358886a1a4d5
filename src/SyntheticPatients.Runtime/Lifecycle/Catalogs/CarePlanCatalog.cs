using SyntheticPatients.Runtime.Definitions;
using static SyntheticPatients.Runtime.Lifecycle.Catalogs.Terms;

namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>A care plan started when a chronic condition is diagnosed, for a share of patients.</summary>
public sealed record CarePlanSpec(ConditionDefinition Condition, CarePlanDefinition Plan, double Share);

/// <summary>Care plans for chronic conditions (SNOMED CT record artifacts and regimes, as Synthea records them).</summary>
public static class CarePlanCatalog
{
    private static CarePlanActivity A(string code, string display) => new(display, "in-progress", new[] { Sct(code, display) });

    private static CarePlanDefinition Plan(string code, string display, string category, params CarePlanActivity[] activities)
        => new(display, new[] { Sct(code, display) }) { Category = category, Status = "active", Activities = activities };

    private static readonly CarePlanActivity DiabeticDiet = A("160670007", "Diabetic diet (finding)");
    private static readonly CarePlanActivity ExerciseTherapy = A("229065009", "Exercise therapy (regime/therapy)");
    private static readonly CarePlanActivity ActivityEducation = A("386463000", "Prescribed activity/exercise education (procedure)");
    private static readonly CarePlanActivity AlcoholCounseling = A("413473000", "Counseling about alcohol consumption (procedure)");
    private static readonly CarePlanActivity DashDiet = A("1151000175103", "Dietary approaches to stop hypertension diet (regime/therapy)");
    private static readonly CarePlanActivity InhaledSteroid = A("708409001", "Inhaled steroid therapy (regime/therapy)");
    private static readonly CarePlanActivity SmokingCessation = A("710081004", "Smoking cessation therapy (regime/therapy)");
    private static readonly CarePlanActivity RespiratoryTherapy = A("53950000", "Respiratory therapy (procedure)");
    private static readonly CarePlanActivity LowSaltDiet = A("183063000", "Low salt diet education (procedure)");
    private static readonly CarePlanActivity CognitiveBehavioralTherapy = A("228557008", "Cognitive and behavioral therapy (regime/therapy)");

    public static readonly IReadOnlyList<CarePlanSpec> All = new CarePlanSpec[]
    {
        new(ConditionCodes.Diabetes2, Plan("698360004", "Diabetes self management plan (record artifact)", "assess-plan", DiabeticDiet, ExerciseTherapy), 0.85),
        new(ConditionCodes.Hypertension, Plan("443402002", "Lifestyle education regarding hypertension (procedure)", "assess-plan", ActivityEducation, DashDiet, AlcoholCounseling), 0.7),
        new(ConditionCodes.Asthma, Plan("699728000", "Asthma self management (record artifact)", "assess-plan", InhaledSteroid, SmokingCessation), 0.8),
        new(ConditionCodes.Copd, Plan("412776001", "Chronic obstructive pulmonary disease clinical management plan (record artifact)", "assess-plan", RespiratoryTherapy, SmokingCessation), 0.8),
        new(ConditionCodes.Hyperlipidemia, Plan("736285004", "Hyperlipidemia clinical management plan (record artifact)", "assess-plan", ExerciseTherapy, ActivityEducation), 0.5),
        new(ConditionCodes.HeartFailure, Plan("735984001", "Heart failure self management plan (record artifact)", "assess-plan", LowSaltDiet, ActivityEducation), 0.85),
        new(ConditionCodes.Depression, Plan("718347000", "Mental health care plan (record artifact)", "assess-plan", CognitiveBehavioralTherapy), 0.6),
        new(ConditionCodes.Anxiety, Plan("718347000", "Mental health care plan (record artifact)", "assess-plan", CognitiveBehavioralTherapy), 0.4),
        new(ConditionCodes.Alzheimers, Plan("736690008", "Dementia management (regime/therapy)", "assess-plan"), 0.8),
        new(ConditionCodes.Osteoarthritis, Plan("408869004", "Musculoskeletal care (regime/therapy)", "assess-plan", ExerciseTherapy), 0.4),
    };

    public static CarePlanSpec? For(ConditionDefinition condition)
    {
        foreach (var spec in All)
        {
            if (ConditionMatch.SameConcept(spec.Condition, condition)) return spec;
        }
        return null;
    }
}
