using SyntheticPatients.Language.Describing;
using SyntheticPatients.Language.Lowering;
using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Generators.Emit;

/// <summary>
/// Prints one <c>case</c> of a module's Step switch: the state's action (one print per action record), the time it
/// advances, then its transitions.
/// </summary>
internal static class StateEmitter
{
    public static void Emit(CodeWriter writer, int index, ModuleEmitContext context)
    {
        var state = context.Program.States[index];
        writer.Line("// state \"" + Literals.Comment(state.Name) + "\" (" + Literals.Comment(context.DisplayPath) + ":" + Literals.Int(state.Line) + "): "
            + Literals.Comment(state.TypeName) + " — " + Literals.Comment(state.Summary));
        writer.Line("case State." + context.StateIdentifier(index) + ":");
        writer.Open();
        EmitAction(writer, index, state.Action, context);
        if (state.Transitions is { } transitions)
        {
            if (state.AdvanceTicks > 0)
            {
                writer.Line("run.Now += " + Literals.Long(state.AdvanceTicks) + "; // then " + Days(state.AdvanceDays) + " pass");
            }
            TransitionEmitter.Emit(writer, transitions, context);
        }
        writer.Close();
    }

    private static void EmitAction(CodeWriter writer, int index, StateAction action, ModuleEmitContext context)
    {
        switch (action)
        {
            case TerminalAction:
                writer.Line("return Terminated;");
                return;
            case DeathAction death:
            {
                var cause = death.Cause is not null ? context.ItemField(index, 0)
                    : death.CauseAttribute >= 0 ? "patient.ReferencedCondition(" + context.SlotValue(death.CauseAttribute) + ")"
                    : "null";
                writer.Line("patient.RecordDeath(run.Now, " + cause + ", " + Encounter(death.OnLastEncounter) + ");");
                writer.Line("return Died;");
                return;
            }
            case GuardAction guard:
                writer.Open("if (!" + Expressions.Parenthesize(ConditionEmitter.Expression(guard.Condition, context)) + ")");
                writer.Line("run.Now += GuardPollTicks; // wait a week and test again");
                writer.Line("return Continue;");
                writer.Close();
                return;
            case ExactDelayAction delay:
                writer.Line("run.Now += " + Literals.Long(delay.Ticks) + "; // " + Days(delay.Days));
                return;
            case DrawnDelayAction delay:
                writer.Line("run.Now += DaysToTicks(" + DrawExpression(delay.Days) + "); // " + Literals.Comment(Describer.Quantity(delay.Days, "days")));
                return;
            case EncounterAction encounter:
                writer.Line("run.LastEncounter = patient.StartEncounter(run.Now, " + context.EncounterField(index) + ");");
                if (encounter.AssignAttribute >= 0)
                {
                    writer.Line(context.SlotValue(encounter.AssignAttribute) + " = " + RuntimeNames.AttributeValue + ".Reference("
                        + RuntimeNames.EventKind + ".Encounter, run.LastEncounter, 1);");
                }
                return;
            case EncounterEndAction:
                writer.Line("patient.EndEncounter(run.LastEncounter, run.Now);");
                writer.Line("run.LastEncounter = NoEncounter;");
                return;
            case RecordAction record:
                EmitRecords(writer, index, record, context);
                return;
            case EndReferencedAction end:
                writer.Line("patient.EndReferenced(" + context.SlotValue(end.Attribute) + ", " + RuntimeNames.EventKind + "." + end.Kind + ", run.Now, " + Literals.String(end.Status) + ");");
                return;
            case EndLatestAction end:
                writer.Line("patient.EndLatestActive(" + RuntimeNames.EventKind + "." + end.Kind + ", " + Literals.String(end.Match) + ", run.Now, " + Literals.String(end.Status) + ");");
                return;
            case SetAttributeAction set:
                writer.Line(context.SlotValue(set.Attribute) + " = " + AttributeValue(set.Value) + ";");
                return;
            case AddToCounterAction counter:
            {
                var slot = context.SlotValue(counter.Attribute);
                writer.Line(slot + " = " + slot + ".Add(" + Literals.Double(counter.Amount) + ");");
                return;
            }
            case SetVitalSignAction vital:
                writer.Line(vital.Mode switch
                {
                    VitalSignMode.Restore => "patient.RestoreVitalSign(run.Now, " + RuntimeNames.VitalSign + "." + vital.Member + ");",
                    VitalSignMode.Add => "patient.ChangeVitalSign(run.Now, " + RuntimeNames.VitalSign + "." + vital.Member + ", " + Value(vital.Value) + ");",
                    _ => "patient.SetVitalSign(run.Now, " + RuntimeNames.VitalSign + "." + vital.Member + ", " + Value(vital.Value) + ");",
                });
                return;
            case CallAction call:
            {
                var module = context.Program.Calls[call.Call];
                writer.Line("if (BeginCall(ref run, global::" + RuntimeNames.GeneratedNamespace + "." + Identifiers.ClassName(module) + ".Instance)) return CallSubmodule; // "
                    + Literals.Comment(module));
                return;
            }
            default:
                return; // PassAction: straight to the transitions
        }
    }

    /// <summary>Records each item; with assign_to_attribute the attribute references all of them (the first, the count).</summary>
    private static void EmitRecords(CodeWriter writer, int index, RecordAction record, ModuleEmitContext context)
    {
        var method = Recorders[(int)record.Kind];
        var encounter = Encounter(record.OnLastEncounter);
        for (int i = 0; i < record.Items.Count; i++)
        {
            var call = "patient." + Recorder(record.Items[i], method) + "(run.Now, " + context.ItemField(index, i) + ", " + Arguments(record.Items[i]) + encounter + ");";
            writer.Line(record.AssignAttribute >= 0 && i == 0 ? "int first = " + call : call);
        }
        if (record.AssignAttribute >= 0)
        {
            writer.Line(context.SlotValue(record.AssignAttribute) + " = " + RuntimeNames.AttributeValue + ".Reference("
                + RuntimeNames.EventKind + "." + record.Kind + ", first, " + Literals.Int(record.Items.Count) + ");");
        }
    }

    /// <summary>The PatientContext method recording each <see cref="RecordKind"/>, in enum order.</summary>
    private static readonly string[] Recorders =
    {
        "OnsetCondition", "StartMedication", "RecordObservation", "RecordProcedure", "RecordImmunization", "StartCarePlan", "OnsetAllergy",
    };

    /// <summary>An observation of a body measure is recorded from the body (<c>RecordVitalSign</c>).</summary>
    private static string Recorder(RecordedItem item, string method)
        => item is ObservationItem { IsVitalSign: true } ? "RecordVitalSign" : method;

    /// <summary>What goes between the definition and the encounter: the measure and a drawn value for a body measure, the value for an observation.</summary>
    private static string Arguments(RecordedItem item) => item switch
    {
        ObservationItem { IsVitalSign: true } vital => RuntimeNames.VitalSign + "." + vital.VitalSignMember + ", " + (vital.Value is null ? string.Empty : Value(vital.Value) + ", "),
        ObservationItem observation => Value(observation.Value) + ", ",
        _ => string.Empty,
    };

    private static string Encounter(bool onLastEncounter) => onLastEncounter ? "run.LastEncounter" : "NoEncounter";

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

    /// <summary>An observation value: NaN (none), the constant, or the draw rounded to its digits.</summary>
    private static string Value(Draw? value)
    {
        if (value is null) return "double.NaN";
        if (value.IsExact) return Literals.Double(value.Low);
        var draw = DrawExpression(value);
        return value.Digits >= 0 ? RuntimeNames.Math + ".Round(" + draw + ", " + Literals.Int(value.Digits) + ")" : draw;
    }

    /// <summary>The expression drawing a number (gaussian and exponential draws clamped to Min/Max when given).</summary>
    private static string DrawExpression(Draw draw)
    {
        if (draw.IsExact) return Literals.Double(draw.Low);
        if (draw.Distribution == DistributionKind.Uniform)
        {
            return "patient.Random.NextDouble(" + Literals.Double(draw.Low) + ", " + Literals.Double(draw.High) + ")";
        }
        var drawn = draw.Distribution == DistributionKind.Exponential
            ? "patient.Random.NextExponential(" + Literals.Double(draw.Low) + ")"
            : "patient.Random.NextGaussian(" + Literals.Double(draw.Low) + ", " + Literals.Double(draw.High) + ")";
        if (draw.Min is { } min && draw.Max is { } max) return RuntimeNames.Math + ".Clamp(" + drawn + ", " + Literals.Double(min) + ", " + Literals.Double(max) + ")";
        if (draw.Min is { } low) return RuntimeNames.Math + ".Max(" + drawn + ", " + Literals.Double(low) + ")";
        if (draw.Max is { } high) return RuntimeNames.Math + ".Min(" + drawn + ", " + Literals.Double(high) + ")";
        return drawn;
    }

    private static string Days(double days) => Literals.Number(days) + (days == 1 ? " day" : " days");
}
