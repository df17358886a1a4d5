using System.Collections.Generic;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Binding;

/// <summary>Fills the kind-specific parts of a state (duration, guard, items, attribute, submodule...).</summary>
internal static class KindBinder
{
    public static StateSpec Complete(StateSpec state, FieldReader fields, BindContext context)
    {
        switch (state.Kind)
        {
            case StateKind.Delay:
                return state with { Duration = QuantityBinder.BindDelay(fields, context, state) };
            case StateKind.Guard:
            {
                var key = fields.FirstPresent("condition", "allow");
                if (key is null)
                {
                    context.Report(DiagnosticCatalog.MissingField, state.Span, $"Guard '{state.Name}'", "condition", "Say what the patient waits for, e.g. 'condition: {type: age, operator: \">=\", quantity: 40, unit: years}'.");
                    return state;
                }
                return state with { Guard = ConditionBinder.Bind(fields[key]!, context) };
            }
            case StateKind.Encounter:
                return state with { Encounter = ItemBinder.BindEncounter(fields, context) };
            case StateKind.ConditionOnset:
                return WithItems(state, ItemBinder.BindList(fields, "conditions", ItemKind.Condition, context, required: true));
            case StateKind.MedicationStart:
                return WithItems(state, ItemBinder.BindList(fields, "medications", ItemKind.Medication, context, required: true));
            case StateKind.Observation:
                return WithItems(state, ItemBinder.BindList(fields, "observations", ItemKind.Observation, context, required: true));
            case StateKind.Procedure:
                return WithItems(state, ItemBinder.BindList(fields, "procedures", ItemKind.Procedure, context, required: true));
            case StateKind.Immunization:
                return WithItems(state, ItemBinder.BindList(fields, "immunizations", ItemKind.Immunization, context, required: true));
            case StateKind.AllergyOnset:
                return WithItems(state, ItemBinder.BindList(fields, "allergies", ItemKind.Allergy, context, required: true));
            case StateKind.CarePlanStart:
                return state.TypeName == "care_plan_start"
                    ? WithItems(state, new[] { ItemBinder.BindCarePlanStart(fields, state, context) })
                    : WithItems(state, ItemBinder.BindList(fields, "care_plans", ItemKind.CarePlan, context, required: true));
            case StateKind.Symptom:
                return WithItems(state, new[] { ItemBinder.BindSymptom(fields, state, context) });
            case StateKind.ConditionEnd:
                return BindEnd(state, fields, "conditions", ItemKind.Condition, "resolved", context);
            case StateKind.MedicationEnd:
                return BindEnd(state, fields, "medications", ItemKind.Medication, "stopped", context);
            case StateKind.CarePlanEnd:
                return BindEnd(state, fields, "care_plans", ItemKind.CarePlan, "completed", context);
            case StateKind.AllergyEnd:
                return BindEnd(state, fields, "allergies", ItemKind.Allergy, "resolved", context);
            case StateKind.SetAttribute:
                return BindSetAttribute(state, fields, context);
            case StateKind.Counter:
                return BindCounter(state, fields, context);
            case StateKind.CallSubmodule:
            {
                var key = fields.FirstPresent("module", "name");
                var module = key is null ? null : fields.Text(key);
                if (module is null)
                {
                    context.Report(DiagnosticCatalog.MissingField, state.Span, $"call_submodule state '{state.Name}'", "module", "Name the module to run, e.g. 'module: diabetes_glucose_titration'.");
                    return state;
                }
                return state with { Submodule = module, SubmoduleSpan = fields.SpanOf(key!) };
            }
            case StateKind.VitalSign:
                return BindVitalSign(state, fields, context);
            case StateKind.Death:
                return WithItems(state, ItemBinder.BindList(fields, "conditions", ItemKind.Condition, context, required: false));
            default:
                return state;
        }
    }

    private static StateSpec WithItems(StateSpec state, IEnumerable<ClinicalItemSpec?> items)
    {
        var list = new List<ClinicalItemSpec>();
        foreach (var item in items)
        {
            if (item is not null) list.Add(item);
        }
        return state with { Items = list.ToEquatableArray() };
    }

    private static StateSpec BindEnd(StateSpec state, FieldReader fields, string listKey, ItemKind kind, string defaultStatus, BindContext context)
    {
        var items = ItemBinder.BindList(fields, listKey, kind, context, required: false);
        if (state.ReferencedByAttribute is null && items.Count == 0)
        {
            context.Report(DiagnosticCatalog.MissingField, state.Span, $"State '{state.Name}' ({state.TypeName})", "referenced_by_attribute",
                $"Name the attribute that holds what to end (set by assign_to_attribute), or list the {listKey} to end by code.");
        }
        return WithItems(state, items) with { EndStatus = fields.Text("status") ?? defaultStatus };
    }

    private static StateSpec BindSetAttribute(StateSpec state, FieldReader fields, BindContext context)
    {
        var attribute = StateBinder.Attribute(fields, "attribute", context);
        if (attribute is null)
        {
            context.Report(DiagnosticCatalog.MissingField, state.Span, $"set_attribute state '{state.Name}'", "attribute", "Name the attribute to set.");
        }
        var valueNode = fields["value"];
        return state with { Attribute = attribute, Value = valueNode is null ? null : ValueBinder.Bind(valueNode, "value", context) };
    }

    private static StateSpec BindVitalSign(StateSpec state, FieldReader fields, BindContext context)
    {
        if (!fields.Has("vital_sign"))
        {
            context.Report(DiagnosticCatalog.MissingField, state.Span, $"vital_sign state '{state.Name}'", "vital_sign", "Name the body measure to change, one of: " + BodyVitalSigns.NameList() + ".");
        }
        var mode = fields.Text("mode") switch
        {
            null or "set" => VitalSignMode.Set,
            "add" => VitalSignMode.Add,
            "restore" => VitalSignMode.Restore,
            var other => Invalid(other),
        };
        var value = QuantityBinder.BindValue(fields, context, out var text);
        if (mode != VitalSignMode.Restore && value is null && text is null)
        {
            context.Report(DiagnosticCatalog.MissingField, state.Span, $"vital_sign state '{state.Name}'", "value", "Give the value the measure takes: 'value: 150', or a 'value_range'/'gaussian' to draw it.");
        }
        if (text is not null)
        {
            context.Report(DiagnosticCatalog.InvalidValue, fields.SpanOf("value"), text, "value", "A vital sign is a number.");
        }
        var sign = ItemBinder.VitalSignName(fields, "vital_sign", context);
        if (sign is not null && BodyVitalSigns.ByName(sign) is { Computed: true })
        {
            context.Report(DiagnosticCatalog.InvalidValue, fields.SpanOf("vital_sign"), sign, "vital_sign", "It is computed from other measures: change bmi instead.");
        }
        return state with { VitalSign = sign, VitalSignValue = value, VitalSignMode = mode };

        VitalSignMode Invalid(string other)
        {
            context.Report(DiagnosticCatalog.InvalidValue, fields.SpanOf("mode"), other, "mode",
                "Use 'set' (the measure takes the value), 'add' (the value is added; negative lowers it) or 'restore' (back to the body's own course).");
            return VitalSignMode.Set;
        }
    }

    private static StateSpec BindCounter(StateSpec state, FieldReader fields, BindContext context)
    {
        var attribute = StateBinder.Attribute(fields, "attribute", context);
        if (attribute is null)
        {
            context.Report(DiagnosticCatalog.MissingField, state.Span, $"counter state '{state.Name}'", "attribute", "Name the attribute to count in.");
        }
        var action = fields.Text("action");
        var counterAction = action switch
        {
            null or "increment" => CounterAction.Increment,
            "decrement" => CounterAction.Decrement,
            _ => CounterAction.None,
        };
        if (counterAction == CounterAction.None)
        {
            context.Report(DiagnosticCatalog.InvalidValue, fields.SpanOf("action"), action!, "action", "Use 'increment' or 'decrement'.");
            counterAction = CounterAction.Increment;
        }
        return state with { Attribute = attribute, CounterAction = counterAction, CounterAmount = fields.Number("amount") ?? 1 };
    }
}
