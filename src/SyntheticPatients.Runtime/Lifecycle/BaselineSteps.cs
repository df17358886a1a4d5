using SyntheticPatients.Runtime.Pipeline;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>The baseline pipeline in the seed's order, with the module step (when given) right after demographics.</summary>
public static class BaselineSteps
{
    /// <summary>
    /// demographics, [modules], conditions, family_history, death, encounters, medications, procedures, observations,
    /// allergies, immunizations, care_plans, lifespan. Steps are stateless, so one list can serve every worker.
    /// </summary>
    public static IReadOnlyList<IPatientStep> Create(IPatientStep? moduleStep = null)
    {
        var steps = new List<IPatientStep> { new DemographicsStep() };
        if (moduleStep is not null) steps.Add(moduleStep);
        steps.Add(new ConditionAssignmentStep());
        steps.Add(new FamilyHistoryStep());
        steps.Add(new DeathStep());
        steps.Add(new EncounterStep());
        steps.Add(new MedicationStep());
        steps.Add(new ProcedureStep());
        steps.Add(new ObservationStep());
        steps.Add(new AllergyStep());
        steps.Add(new ImmunizationStep());
        steps.Add(new CarePlanStep());
        steps.Add(new LifespanStep());
        return steps;
    }
}
