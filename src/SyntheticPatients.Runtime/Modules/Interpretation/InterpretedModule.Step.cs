using System.Runtime.CompilerServices;
using SyntheticPatients.Language.Lowering;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime.Events;

namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>The state actions: one case per <see cref="StateOp"/> (the record <see cref="StateAction.Op"/> names).</summary>
public sealed partial class InterpretedModule
{
    /// <inheritdoc/>
    public override StepOutcome Step(ref ModuleRun run, PatientContext patient)
    {
        var states = _states;
        if ((uint)run.State >= (uint)states.Length) return Terminated;
        ref readonly var state = ref states[run.State];
        var action = state.Action;
        // Op names the record type, so the casts below are checked by construction.
        switch (action.Op)
        {
            case StateOp.Terminal:
                return Terminated;
            case StateOp.Death:
            {
                var death = Unsafe.As<DeathAction>(action);
                var cause = state.Definitions.Length > 0 ? (Definitions.ConditionDefinition)state.Definitions[0]
                    : death.CauseAttribute >= 0 ? patient.ReferencedCondition(patient.Attributes[_slots[death.CauseAttribute]])
                    : null;
                patient.RecordDeath(run.Now, cause, death.OnLastEncounter ? run.LastEncounter : NoEncounter);
                return Died;
            }
            case StateOp.Guard:
                if (!Evaluate(Unsafe.As<GuardAction>(action).Condition, ref run, patient))
                {
                    run.Now += GuardPollTicks; // wait a week and test again
                    return Continue;
                }
                break;
            case StateOp.DelayExact:
                run.Now += Unsafe.As<ExactDelayAction>(action).Ticks;
                break;
            case StateOp.DelayDrawn:
                run.Now += DaysToTicks(state.Delay.Draw(patient.Random));
                break;
            case StateOp.Encounter:
            {
                run.LastEncounter = patient.StartEncounter(run.Now, state.Encounter!);
                int assign = Unsafe.As<EncounterAction>(action).AssignAttribute;
                if (assign >= 0) patient.Attributes[_slots[assign]] = AttributeValue.Reference(EventKind.Encounter, run.LastEncounter, 1);
                break;
            }
            case StateOp.EncounterEnd:
                patient.EndEncounter(run.LastEncounter, run.Now);
                run.LastEncounter = NoEncounter;
                break;
            case StateOp.Record:
                Record(in state, Unsafe.As<RecordAction>(action), ref run, patient);
                break;
            case StateOp.EndReferenced:
            {
                var end = Unsafe.As<EndReferencedAction>(action);
                patient.EndReferenced(patient.Attributes[_slots[end.Attribute]], state.Kind, run.Now, end.Status);
                break;
            }
            case StateOp.EndLatest:
            {
                var end = Unsafe.As<EndLatestAction>(action);
                patient.EndLatestActive(state.Kind, end.Match, run.Now, end.Status);
                break;
            }
            case StateOp.SetAttribute:
                patient.Attributes[_slots[Unsafe.As<SetAttributeAction>(action).Attribute]] = state.Value;
                break;
            case StateOp.Counter:
            {
                var counter = Unsafe.As<AddToCounterAction>(action);
                int slot = _slots[counter.Attribute];
                patient.Attributes[slot] = patient.Attributes[slot].Add(counter.Amount);
                break;
            }
            case StateOp.SetVitalSign:
            {
                var vital = Unsafe.As<SetVitalSignAction>(action);
                var sign = (VitalSign)vital.Sign;
                if (vital.Mode == VitalSignMode.Restore) patient.RestoreVitalSign(run.Now, sign);
                else if (vital.Mode == VitalSignMode.Add) patient.ChangeVitalSign(run.Now, sign, state.Values[0].Value(patient.Random));
                else patient.SetVitalSign(run.Now, sign, state.Values[0].Value(patient.Random));
                break;
            }
            case StateOp.CallSubmodule:
                if (BeginCall(ref run, _callTargets[Unsafe.As<CallAction>(action).Call])) return CallSubmodule;
                break;
        }
        run.Now += state.AdvanceTicks;
        return Follow(in state, ref run, patient);
    }

    /// <summary>Records each item; with assign_to_attribute the attribute references all of them (the first, the count).</summary>
    private void Record(in LoadedState state, RecordAction record, ref ModuleRun run, PatientContext patient)
    {
        int encounter = record.OnLastEncounter ? run.LastEncounter : NoEncounter;
        var definitions = state.Definitions;
        int first = -1;
        for (int i = 0; i < definitions.Length; i++)
        {
            var definition = definitions[i];
            int index = record.Kind switch
            {
                RecordKind.Condition => patient.OnsetCondition(run.Now, Unsafe.As<Definitions.ConditionDefinition>(definition), encounter),
                RecordKind.Medication => patient.StartMedication(run.Now, Unsafe.As<Definitions.MedicationDefinition>(definition), encounter),
                RecordKind.Observation => Observe(in state, i, ref run, patient, encounter),
                RecordKind.Procedure => patient.RecordProcedure(run.Now, Unsafe.As<Definitions.ProcedureDefinition>(definition), encounter),
                RecordKind.Immunization => patient.RecordImmunization(run.Now, Unsafe.As<Definitions.ImmunizationDefinition>(definition), encounter),
                RecordKind.CarePlan => patient.StartCarePlan(run.Now, Unsafe.As<Definitions.CarePlanDefinition>(definition), encounter),
                _ => patient.OnsetAllergy(run.Now, Unsafe.As<Definitions.AllergyDefinition>(definition), encounter),
            };
            if (i == 0) first = index;
        }
        if (record.AssignAttribute >= 0) patient.Attributes[_slots[record.AssignAttribute]] = AttributeValue.Reference(state.Kind, first, definitions.Length);
    }

    /// <summary>An observation: a body measure from the body (a drawn value first becomes the body's), else the drawn value.</summary>
    private static int Observe(in LoadedState state, int i, ref ModuleRun run, PatientContext patient, int encounter)
    {
        var definition = Unsafe.As<Definitions.ObservationDefinition>(state.Definitions[i]);
        int sign = state.Signs[i];
        if (sign < 0) return patient.RecordObservation(run.Now, definition, state.Values[i].Value(patient.Random), encounter);
        return state.Values[i].HasValue
            ? patient.RecordVitalSign(run.Now, definition, (VitalSign)sign, state.Values[i].Value(patient.Random), encounter)
            : patient.RecordVitalSign(run.Now, definition, (VitalSign)sign, encounter);
    }
}
