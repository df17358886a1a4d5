using System.Collections.Generic;
using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Language.Binding;

/// <summary>The state types of the language: YAML name, kind and the fields each accepts.</summary>
internal static class StateTypes
{
    /// <summary>Fields every state may carry.</summary>
    internal static readonly string[] Common =
    {
        "type", "transitions", "branches", "distributed_transition", "direct_transition", "conditional_transition",
        "sources", "remarks", "description", "attach_to_last_encounter", "advance_days",
    };

    internal static readonly Dictionary<string, (StateKind Kind, string[] Fields)> Table = new()
    {
        ["start"] = (StateKind.Start, new string[0]),
        ["terminal"] = (StateKind.Terminal, new string[0]),
        ["decision"] = (StateKind.Decision, new string[0]),
        ["simple"] = (StateKind.Decision, new string[0]),
        ["delay"] = (StateKind.Delay, new[] { "duration_days", "exact", "range", "gaussian", "exponential" }),
        ["guard"] = (StateKind.Guard, new[] { "condition", "allow" }),
        ["encounter"] = (StateKind.Encounter, new[] { "encounter_type", "encounter_class", "reason", "provider_role", "location", "codes", "snomed" }),
        ["encounter_end"] = (StateKind.EncounterEnd, new string[0]),
        ["condition_onset"] = (StateKind.ConditionOnset, new[] { "conditions", "assign_to_attribute" }),
        ["condition_end"] = (StateKind.ConditionEnd, new[] { "referenced_by_attribute", "status", "conditions" }),
        ["medication_start"] = (StateKind.MedicationStart, new[] { "medications", "assign_to_attribute" }),
        ["medication_end"] = (StateKind.MedicationEnd, new[] { "referenced_by_attribute", "status", "medications" }),
        ["observation"] = (StateKind.Observation, new[] { "observations" }),
        ["symptom"] = (StateKind.Symptom, new[] { "symptom", "name", "value", "range", "value_range", "units", "status", "panel" }),
        ["procedure"] = (StateKind.Procedure, new[] { "procedures" }),
        ["immunization"] = (StateKind.Immunization, new[] { "immunizations" }),
        ["care_plan"] = (StateKind.CarePlanStart, new[] { "care_plans", "assign_to_attribute" }),
        ["care_plan_start"] = (StateKind.CarePlanStart, new[] { "name", "care_plan_name", "category", "goal", "activities", "status", "snomed", "assign_to_attribute" }),
        ["care_plan_end"] = (StateKind.CarePlanEnd, new[] { "referenced_by_attribute", "status", "care_plans" }),
        ["allergy_onset"] = (StateKind.AllergyOnset, new[] { "allergies", "assign_to_attribute" }),
        ["allergy_end"] = (StateKind.AllergyEnd, new[] { "referenced_by_attribute", "status", "allergies" }),
        ["set_attribute"] = (StateKind.SetAttribute, new[] { "attribute", "value" }),
        ["counter"] = (StateKind.Counter, new[] { "attribute", "action", "amount" }),
        ["call_submodule"] = (StateKind.CallSubmodule, new[]
        {
            "module", "name", "share_context", "share_conditions", "share_medications", "share_care_plans", "share_encounters",
            "inherit_attributes", "inherit_last_encounter", "propagate_time", "propagate_last_encounter", "set_attributes",
            "return_attributes", "assign_to_attribute",
        }),
        ["vital_sign"] = (StateKind.VitalSign, new[] { "vital_sign", "mode", "value", "value_range", "range", "gaussian", "exponential", "unit", "units" }),
        ["death"] = (StateKind.Death, new[] { "conditions", "referenced_by_attribute", "cause" }),
    };

    public static IEnumerable<string> Names => Table.Keys;

    public static bool TryGet(string typeName, out StateKind kind, out List<string> fields)
    {
        if (Table.TryGetValue(typeName, out var entry))
        {
            kind = entry.Kind;
            fields = new List<string>(Common);
            fields.AddRange(entry.Fields);
            return true;
        }
        kind = default;
        fields = new List<string>(Common);
        return false;
    }

    public static string NameList()
    {
        var names = new List<string>(Table.Keys);
        names.Sort(System.StringComparer.Ordinal);
        return string.Join(", ", names);
    }
}
