using SyntheticPatients.Runtime.Events;

namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>The state actions: one case per <see cref="StateOp"/>, each the statement StateEmitter writes for it.</summary>
public sealed partial class InterpretedModule
{
    /// <inheritdoc/>
    public override StepOutcome Step(ref ModuleRun run, PatientContext patient)
    {
        var states = _states;
        if ((uint)run.State >= (uint)states.Length) return Terminated;
        ref readonly var state = ref states[run.State];
        var program = _program;
        switch (state.Op)
        {
            case StateOp.Terminal:
                return Terminated;
            case StateOp.Death:
                var cause = state.Cause ?? (state.Slot >= 0 ? patient.ReferencedCondition(patient.Attributes[state.Slot]) : null);
                patient.RecordDeath(run.Now, cause, state.UseLastEncounter ? run.LastEncounter : NoEncounter);
                return Died;
            case StateOp.Guard:
                if (!Evaluate(state.Condition, ref run, patient))
                {
                    run.Now += GuardPollTicks; // wait a week and test again
                    return Continue;
                }
                break;
            case StateOp.DelayExact:
                run.Now += state.Ticks;
                break;
            case StateOp.DelayDrawn:
                run.Now += DaysToTicks(program.Delays[state.First].Draw(patient.Random));
                break;
            case StateOp.Encounter:
                run.LastEncounter = patient.StartEncounter(run.Now, program.Encounters[state.First]);
                if (state.AssignSlot >= 0) patient.Attributes[state.AssignSlot] = AttributeValue.Reference(EventKind.Encounter, run.LastEncounter, 1);
                break;
            case StateOp.EncounterEnd:
                patient.EndEncounter(run.LastEncounter, run.Now);
                run.LastEncounter = NoEncounter;
                break;
            case StateOp.ConditionOnset:
            case StateOp.MedicationStart:
            case StateOp.Observation:
            case StateOp.Procedure:
            case StateOp.Immunization:
            case StateOp.CarePlanStart:
            case StateOp.AllergyOnset:
                Record(in state, ref run, patient);
                break;
            case StateOp.EndReferenced:
                patient.EndReferenced(patient.Attributes[state.Slot], state.Kind, run.Now, state.Status);
                break;
            case StateOp.EndLatest:
                patient.EndLatestActive(state.Kind, state.Match!, run.Now, state.Status);
                break;
            case StateOp.SetAttribute:
                patient.Attributes[state.Slot] = state.Value;
                break;
            case StateOp.Counter:
                patient.Attributes[state.Slot] = patient.Attributes[state.Slot].Add(state.Amount);
                break;
            case StateOp.CallSubmodule:
                if (BeginCall(ref run, program.CallTargets[state.First])) return CallSubmodule;
                break;
        }
        run.Now += state.AdvanceTicks;
        return Follow(in program.Transitions[state.Transitions], ref run, patient);
    }

    /// <summary>Records each item; with assign_to_attribute the attribute references all of them (the first index, the count).</summary>
    private void Record(in LoweredState state, ref ModuleRun run, PatientContext patient)
    {
        var program = _program;
        int encounter = state.UseLastEncounter ? run.LastEncounter : NoEncounter;
        int first = -1;
        for (int i = 0; i < state.Count; i++)
        {
            int item = state.First + i;
            int index = state.Op switch
            {
                StateOp.ConditionOnset => patient.OnsetCondition(run.Now, program.ConditionItems[item], encounter),
                StateOp.MedicationStart => patient.StartMedication(run.Now, program.Medications[item], encounter),
                StateOp.Observation => patient.RecordObservation(run.Now, program.Observations[item], program.ObservationValues[item].Value(patient.Random), encounter),
                StateOp.Procedure => patient.RecordProcedure(run.Now, program.Procedures[item], encounter),
                StateOp.Immunization => patient.RecordImmunization(run.Now, program.Immunizations[item], encounter),
                StateOp.CarePlanStart => patient.StartCarePlan(run.Now, program.CarePlans[item], encounter),
                _ => patient.OnsetAllergy(run.Now, program.Allergies[item], encounter),
            };
            if (i == 0) first = index;
        }
        if (state.AssignSlot >= 0) patient.Attributes[state.AssignSlot] = AttributeValue.Reference(state.Kind, first, state.Count);
    }
}
