using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Care plans for chronic conditions (<see cref="CarePlanCatalog"/>), started at the diagnosis encounter and
/// stopped when the condition resolves. A plan a module already started (same plan code, or a plan with that
/// condition as its reason) is not duplicated.
/// </summary>
public sealed class CarePlanStep : IPatientStep
{
    public string Name => "care_plans";

    public void Run(PatientRecord record, StepContext context)
    {
        if (!record.RunsBaseline(ModuleCategories.CarePlans)) return;
        var random = context.Random;
        var encounters = EncounterFactory.ById(record);
        foreach (var condition in record.Conditions)
        {
            double u = random.NextDouble();
            var spec = CarePlanCatalog.For(condition.Definition);
            if (spec is null || u >= spec.Share || Covered(record, spec, condition)) continue;
            encounters.TryGetValue(condition.EncounterId ?? Guid.Empty, out var encounter);
            var start = encounter is null ? condition.Start : EncounterFactory.Inside(encounter, 20);
            if (start >= record.End) continue;
            record.CarePlans.Add(new CarePlanRecord(Identifiers.NewGuid(random), start, condition.Stop, encounter?.Id, spec.Plan,
                condition.Definition.PrimaryCode, "baseline"));
        }
    }

    private static bool Covered(PatientRecord record, CarePlanSpec spec, ConditionRecord condition)
    {
        foreach (var plan in record.CarePlans)
        {
            bool sameReason = plan.Reason is { } reason && ConditionMatch.HasCode(condition.Definition, reason);
            if (sameReason || (plan.Source != "baseline" && ConditionMatch.SameConcept(plan.Definition, spec.Plan))) return true;
        }
        return false;
    }
}
