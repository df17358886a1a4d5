using System;
using SyntheticPatients.Language.Execution;
using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Generators.Emit;

/// <summary>
/// Emits one <c>case</c> of a module's Step switch: the state's action, the time it advances, then its transitions.
/// </summary>
internal static class StateEmitter
{
    public static void Emit(CodeWriter writer, int index, ModuleEmitContext context)
    {
        var state = context.Spec.States[index];
        writer.Line("// state \"" + Literals.Comment(state.Name) + "\" (" + Literals.Comment(context.DisplayPath) + ":" + Literals.Int(state.Span.Line) + "): "
            + Literals.Comment(state.TypeName) + " — " + Literals.Comment(Describer.Transitions(state)));
        writer.Line("case State." + context.StateIdentifier(index) + ":");
        writer.Open();
        if (EmitAction(writer, index, state, context))
        {
            if (state.AdvanceDays > 0)
            {
                writer.Line("run.Now += " + Literals.Long(Ticks(state.AdvanceDays)) + "; // then " + Days(state.AdvanceDays) + " pass");
            }
            TransitionEmitter.Emit(writer, state, context);
        }
        writer.Close();
    }

    /// <summary>Emits what the state does; returns false when it already returned (terminal, death).</summary>
    private static bool EmitAction(CodeWriter writer, int index, StateSpec state, ModuleEmitContext context)
    {
        switch (state.Kind)
        {
            case StateKind.Start:
            case StateKind.Decision:
                return true;
            case StateKind.Terminal:
                writer.Line("return Terminated;");
                return false;
            case StateKind.Death:
            {
                // The cause: the state's first listed condition, else the condition its referenced_by_attribute holds.
                var cause = state.Items.Count > 0 ? context.ItemField(index, 0)
                    : state.ReferencedByAttribute is { } reference ? "patient.ReferencedCondition(patient.Attributes[" + ModuleEmitContext.Slot(reference.Name) + "])"
                    : "null";
                writer.Line("patient.RecordDeath(run.Now, " + cause + ", " + Encounter(state) + ");");
                writer.Line("return Died;");
                return false;
            }
            case StateKind.Guard:
                if (state.Guard is null)
                {
                    writer.Line("// no condition: the guard always passes");
                    return true;
                }
                writer.Open("if (!" + Expressions.Parenthesize(ConditionEmitter.Expression(state.Guard, context)) + ")");
                writer.Line("run.Now += GuardPollTicks; // wait a week and test again");
                writer.Line("return Continue;");
                writer.Close();
                return true;
            case StateKind.Delay:
                EmitDelay(writer, state.Duration);
                return true;
            case StateKind.Encounter:
                if (state.Encounter is null) return true;
                writer.Line("run.LastEncounter = patient.StartEncounter(run.Now, " + context.EncounterField(index) + ");");
                if (state.AssignToAttribute is { } target)
                {
                    writer.Line(ModuleEmitContext.SlotValue(target.Name) + " = " + RuntimeNames.AttributeValue + ".Reference("
                        + RuntimeNames.EventKind + ".Encounter, run.LastEncounter, 1);");
                }
                return true;
            case StateKind.EncounterEnd:
                writer.Line("patient.EndEncounter(run.LastEncounter, run.Now);");
                writer.Line("run.LastEncounter = NoEncounter;");
                return true;
            case StateKind.ConditionOnset:
                EmitRecords(writer, index, state, "OnsetCondition", "Condition", valued: false, context);
                return true;
            case StateKind.MedicationStart:
                EmitRecords(writer, index, state, "StartMedication", "Medication", valued: false, context);
                return true;
            case StateKind.Observation:
            case StateKind.Symptom:
                EmitRecords(writer, index, state, "RecordObservation", "Observation", valued: true, context);
                return true;
            case StateKind.Procedure:
                EmitRecords(writer, index, state, "RecordProcedure", "Procedure", valued: false, context);
                return true;
            case StateKind.Immunization:
                EmitRecords(writer, index, state, "RecordImmunization", "Immunization", valued: false, context);
                return true;
            case StateKind.CarePlanStart:
                EmitRecords(writer, index, state, "StartCarePlan", "CarePlan", valued: false, context);
                return true;
            case StateKind.AllergyOnset:
                EmitRecords(writer, index, state, "OnsetAllergy", "Allergy", valued: false, context);
                return true;
            case StateKind.ConditionEnd:
                EmitEnd(writer, state, "Condition");
                return true;
            case StateKind.MedicationEnd:
                EmitEnd(writer, state, "Medication");
                return true;
            case StateKind.CarePlanEnd:
                EmitEnd(writer, state, "CarePlan");
                return true;
            case StateKind.AllergyEnd:
                EmitEnd(writer, state, "Allergy");
                return true;
            case StateKind.SetAttribute:
                if (state.Attribute is { } attribute)
                {
                    writer.Line(ModuleEmitContext.SlotValue(attribute.Name) + " = " + AttributeValue(state.Value) + ";");
                }
                return true;
            case StateKind.Counter:
                if (state.Attribute is { } counter)
                {
                    var amount = state.CounterAction == CounterAction.Decrement ? -state.CounterAmount : state.CounterAmount;
                    var slot = ModuleEmitContext.SlotValue(counter.Name);
                    writer.Line(slot + " = " + slot + ".Add(" + Literals.Double(amount) + ");");
                }
                return true;
            case StateKind.CallSubmodule:
                if (state.Submodule is null)
                {
                    writer.Line("// no submodule named");
                    return true;
                }
                writer.Line("if (BeginCall(ref run, global::" + RuntimeNames.GeneratedNamespace + "." + Identifiers.ClassName(state.Submodule) + ".Instance)) return CallSubmodule; // "
                    + Literals.Comment(state.Submodule));
                return true;
            default:
                writer.Line("// " + state.Kind + ": no action");
                return true;
        }
    }

    private static void EmitDelay(CodeWriter writer, QuantitySpec? duration)
    {
        if (duration is null)
        {
            writer.Line("// no duration given");
            return;
        }
        if (duration.Distribution == DistributionKind.Exact)
        {
            writer.Line("run.Now += " + Literals.Long(Ticks(duration.Low)) + "; // " + Days(duration.Low));
            return;
        }
        writer.Line("run.Now += DaysToTicks(" + Draw(duration) + "); // " + Literals.Comment(Describer.Quantity(duration, "days")));
    }

    /// <summary>Records each item of the state; with assign_to_attribute, the attribute references all of them.</summary>
    private static void EmitRecords(CodeWriter writer, int index, StateSpec state, string method, string eventKind, bool valued, ModuleEmitContext context)
    {
        if (state.Items.Count == 0)
        {
            writer.Line("// nothing to record");
            return;
        }
        // Symptoms belong to the visit in progress; other states only when attach_to_last_encounter says so.
        var encounter = state.Kind == StateKind.Symptom ? "run.LastEncounter" : Encounter(state);
        var assign = state.AssignToAttribute;
        for (int i = 0; i < state.Items.Count; i++)
        {
            var item = state.Items[i];
            var value = valued ? Value(item) + ", " : string.Empty;
            var call = "patient." + method + "(run.Now, " + context.ItemField(index, i) + ", " + value + encounter + ");";
            writer.Line(assign is not null && i == 0 ? "int first = " + call : call);
        }
        if (assign is not null)
        {
            writer.Line(ModuleEmitContext.SlotValue(assign.Name) + " = " + RuntimeNames.AttributeValue + ".Reference("
                + RuntimeNames.EventKind + "." + eventKind + ", first, " + Literals.Int(state.Items.Count) + ");");
        }
    }

    /// <summary>Ends what referenced_by_attribute points at, else the latest active event with the first item's code.</summary>
    private static void EmitEnd(CodeWriter writer, StateSpec state, string eventKind)
    {
        var status = Literals.String(state.EndStatus);
        var kind = RuntimeNames.EventKind + "." + eventKind;
        if (state.ReferencedByAttribute is { } reference)
        {
            writer.Line("patient.EndReferenced(" + ModuleEmitContext.SlotValue(reference.Name) + ", " + kind + ", run.Now, " + status + ");");
            return;
        }
        if (ExecutionFacts.EndMatch(state) is { } code)
        {
            writer.Line("patient.EndLatestActive(" + kind + ", " + Literals.String(code) + ", run.Now, " + status + ");");
            return;
        }
        writer.Line("// nothing to end");
    }

    private static string Encounter(StateSpec state) => state.AttachToLastEncounter ? "run.LastEncounter" : "NoEncounter";

    private static string AttributeValue(ValueSpec? value)
    {
        if (value is null || value.Kind == ValueKind.Null) return RuntimeNames.AttributeValue + ".Unset";
        return value.Kind switch
        {
            ValueKind.Boolean => RuntimeNames.AttributeValue + ".FromBoolean(" + Literals.Bool(value.Number != 0) + ")",
            ValueKind.Number => RuntimeNames.AttributeValue + ".FromNumber(" + Literals.Double(value.Number) + ")",
            _ => RuntimeNames.AttributeValue + ".FromText(" + Literals.String(value.Text ?? string.Empty) + ")",
        };
    }

    /// <summary>An observation value: a constant, a draw rounded to the item's decimals, or NaN (text or no value).</summary>
    private static string Value(ClinicalItemSpec item)
    {
        var quantity = item.Value;
        if (quantity is null) return "double.NaN";
        if (quantity.Distribution == DistributionKind.Exact) return Literals.Double(quantity.Low);
        var draw = Draw(quantity);
        // Decimals < 0 means "as drawn"; Math.Round accepts at most 15 digits.
        return quantity.Decimals >= 0
            ? RuntimeNames.Math + ".Round(" + draw + ", " + Literals.Int(Math.Min(quantity.Decimals, 15)) + ")"
            : draw;
    }

    /// <summary>The expression drawing a uniform or gaussian quantity (clamped to Min/Max when given).</summary>
    private static string Draw(QuantitySpec quantity)
    {
        if (quantity.Distribution == DistributionKind.Exact) return Literals.Double(quantity.Low);
        if (quantity.Distribution == DistributionKind.Uniform)
        {
            return "patient.Random.NextDouble(" + Literals.Double(quantity.Low) + ", " + Literals.Double(quantity.High) + ")";
        }
        var draw = "patient.Random.NextGaussian(" + Literals.Double(quantity.Low) + ", " + Literals.Double(quantity.High) + ")";
        if (quantity.Min is { } min && quantity.Max is { } max) return RuntimeNames.Math + ".Clamp(" + draw + ", " + Literals.Double(min) + ", " + Literals.Double(max) + ")";
        if (quantity.Min is { } low) return RuntimeNames.Math + ".Max(" + draw + ", " + Literals.Double(low) + ")";
        if (quantity.Max is { } high) return RuntimeNames.Math + ".Min(" + draw + ", " + Literals.Double(high) + ")";
        return draw;
    }

    /// <summary>The same conversion as the runtime's DaysToTicks, done at build time for constants.</summary>
    private static long Ticks(double days) => ExecutionFacts.ConstantTicks(days);

    private static string Days(double days) => Literals.Number(days) + (days == 1 ? " day" : " days");
}
