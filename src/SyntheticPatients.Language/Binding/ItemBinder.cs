using System.Collections.Generic;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Text;
using SyntheticPatients.Language.Yaml;

namespace SyntheticPatients.Language.Binding;

internal enum ItemKind
{
    Condition,
    Medication,
    Observation,
    Procedure,
    Immunization,
    CarePlan,
    Allergy,
}

/// <summary>Reads the clinical entries of a state (conditions, medications, observations, ...) and their codes.</summary>
internal static class ItemBinder
{
    internal static readonly Dictionary<ItemKind, string[]> Fields = new()
    {
        [ItemKind.Condition] = new[] { "name", "display", "icd10", "snomed", "category", "status" },
        [ItemKind.Medication] = new[] { "name", "display", "rxnorm", "ndc", "class", "therapy_category", "dose", "status", "condition", "route", "frequency" },
        [ItemKind.Observation] = new[] { "name", "display", "loinc", "units", "unit", "value", "value_range", "range", "gaussian", "exponential", "reference_range", "status", "panel", "category", "vital_sign" },
        [ItemKind.Procedure] = new[] { "name", "display", "code", "system", "snomed", "reason", "status" },
        [ItemKind.Immunization] = new[] { "name", "display", "cvx", "status", "dose_number", "lot_number", "manufacturer" },
        [ItemKind.CarePlan] = new[] { "name", "display", "snomed", "category", "goal", "activities", "status", "reason" },
        [ItemKind.Allergy] = new[] { "name", "display", "snomed", "rxnorm", "category", "type", "reaction", "severity", "status" },
    };

    /// <summary>The state field that lists the entries of each kind (<c>conditions:</c>, <c>medications:</c>, ...).</summary>
    internal static readonly Dictionary<string, ItemKind> ListKeys = new()
    {
        ["conditions"] = ItemKind.Condition,
        ["medications"] = ItemKind.Medication,
        ["observations"] = ItemKind.Observation,
        ["procedures"] = ItemKind.Procedure,
        ["immunizations"] = ItemKind.Immunization,
        ["care_plans"] = ItemKind.CarePlan,
        ["allergies"] = ItemKind.Allergy,
    };

    internal static readonly string[] ActivityFields = { "name", "status", "snomed", "code", "system" };

    internal static readonly string[] EncounterCodeFields = { "system", "code", "display" };

    public static List<ClinicalItemSpec?> BindList(FieldReader fields, string key, ItemKind kind, BindContext context, bool required)
    {
        var result = new List<ClinicalItemSpec?>();
        var node = fields[key];
        if (node is null)
        {
            if (required)
            {
                context.Report(DiagnosticCatalog.MissingField, fields.Node.Span, fields.Owner, key, $"List at least one entry under '{key}:'.");
            }
            return result;
        }
        foreach (var item in context.List(node, key, allowSingle: true))
        {
            result.Add(Bind(item, key, kind, context));
        }
        return result;
    }

    private static ClinicalItemSpec? Bind(YamlNode node, string listKey, ItemKind kind, BindContext context)
    {
        if (!node.IsMapping)
        {
            context.Report(DiagnosticCatalog.WrongValueType, node.Span, listKey + " entry", "a mapping with 'name' and codes", node.Describe());
            return null;
        }
        var fields = context.Fields(node, listKey + " entry", Fields[kind]);
        var name = fields.Text("name") ?? fields.Text("display");
        if (name is null)
        {
            context.Report(DiagnosticCatalog.MissingField, node.Span, $"This {listKey} entry", "name", "Give it a human-readable name.");
            name = string.Empty;
        }
        var codes = Codes(fields, kind, context);
        string? valueText = null;
        var value = kind == ItemKind.Observation ? QuantityBinder.BindValue(fields, context, out valueText) : null;
        var category = kind == ItemKind.Medication ? fields.Text("class") : fields.Text("category");
        var activities = kind == ItemKind.CarePlan ? Activities(fields["activities"], context) : EquatableArray<CarePlanActivitySpec>.Empty;

        return new ClinicalItemSpec(
            Name: name,
            Span: node.Span,
            Codes: codes,
            Category: category,
            Status: fields.Text("status"),
            Units: fields.Text(fields.FirstPresent("units", "unit") ?? "units"),
            Value: value,
            ValueText: valueText,
            Dose: fields.Text("dose"),
            TherapyCategory: fields.Text("therapy_category"),
            Reason: kind == ItemKind.Medication ? fields.Text("condition") : kind == ItemKind.Allergy ? fields.Text("reaction") : fields.Text("reason"),
            Goal: fields.Text("goal"),
            Panel: fields.Text("panel"),
            ReferenceRange: fields.Text("reference_range"),
            Severity: kind == ItemKind.Allergy ? fields.Text("severity") : null,
            DoseNumber: kind == ItemKind.Immunization ? fields.Integer("dose_number") ?? 0 : 0,
            Activities: activities)
        {
            VitalSign = kind == ItemKind.Observation ? VitalSignName(fields, "vital_sign", context) : null,
        };
    }

    /// <summary>A body measure named by <paramref name="key"/> (null when absent; reported when not one of <see cref="BodyVitalSigns"/>).</summary>
    internal static string? VitalSignName(FieldReader fields, string key, BindContext context)
    {
        var name = fields.Text(key);
        if (name is null || BodyVitalSigns.ByName(name) is not null) return name;
        context.Report(DiagnosticCatalog.InvalidValue, fields.SpanOf(key), name, key, "Use one of: " + BodyVitalSigns.NameList() + ".");
        return null;
    }

    private static EquatableArray<CodeSpec> Codes(FieldReader fields, ItemKind kind, BindContext context)
    {
        var codes = new List<CodeSpec>();
        Add(codes, fields, "snomed", CodeSystems.Snomed);
        Add(codes, fields, "icd10", CodeSystems.Icd10Cm);
        Add(codes, fields, "loinc", CodeSystems.Loinc);
        Add(codes, fields, "rxnorm", CodeSystems.RxNorm);
        Add(codes, fields, "ndc", CodeSystems.Ndc);
        Add(codes, fields, "cvx", CodeSystems.Cvx);
        if (kind == ItemKind.Procedure && fields.Has("code"))
        {
            var system = NormalizeSystem(fields.Text("system") ?? "SNOMED-CT");
            if (system is null)
            {
                context.Report(DiagnosticCatalog.InvalidValue, fields.SpanOf("system"), fields.Text("system") ?? "", "system", "Use SNOMED-CT, CPT, ICD-10-PCS, HCPCS or LOINC.");
                system = fields.Text("system") ?? string.Empty;
            }
            Add(codes, fields, "code", system);
        }
        if (codes.Count == 0)
        {
            var expected = kind switch
            {
                ItemKind.Condition => "icd10 or snomed",
                ItemKind.Medication => "rxnorm",
                ItemKind.Observation => "loinc",
                ItemKind.Procedure => "code and system",
                ItemKind.Immunization => "cvx",
                _ => null,
            };
            if (expected is not null)
            {
                context.Report(DiagnosticCatalog.MissingField, fields.Node.Span, $"'{fields.Text("name")}'", expected, "Every recorded entry needs a code so exports can carry it.");
            }
        }
        return codes.ToEquatableArray();
    }

    /// <summary>Adds the code under <paramref name="key"/>; its display is the entry's <c>display:</c>, else the first of <paramref name="nameKeys"/>.</summary>
    private static void Add(List<CodeSpec> codes, FieldReader fields, string key, string system, params string[] nameKeys)
    {
        var code = fields.Text(key);
        if (code is null) return;
        var displayKey = fields.FirstPresent("display") ?? fields.FirstPresent(nameKeys.Length == 0 ? new[] { "name" } : nameKeys);
        var display = displayKey is null ? null : fields.Text(displayKey);
        var displaySpan = displayKey is null || display is null ? SourceSpan.None : fields.SpanOf(displayKey);
        codes.Add(new CodeSpec(system, code.Trim(), display, fields.SpanOf(key), displaySpan));
    }

    private static string? NormalizeSystem(string system) => system.ToUpperInvariant() switch
    {
        "SNOMED" or "SNOMED-CT" or "SNOMEDCT" or "SCT" => CodeSystems.Snomed,
        "CPT" or "CPT-4" => CodeSystems.Cpt,
        "LOINC" => CodeSystems.Loinc,
        "HCPCS" => "HCPCS",
        "ICD-10-PCS" => "ICD-10-PCS",
        _ => null,
    };

    private static EquatableArray<CarePlanActivitySpec> Activities(YamlNode? node, BindContext context)
    {
        var result = new List<CarePlanActivitySpec>();
        foreach (var item in context.List(node, "activities", allowSingle: true))
        {
            if (item.IsScalar)
            {
                if (!item.IsNull) result.Add(new CarePlanActivitySpec(item.Value!, null, EquatableArray<CodeSpec>.Empty));
                continue;
            }
            if (!item.IsMapping)
            {
                context.Report(DiagnosticCatalog.WrongValueType, item.Span, "activities entry", "a name or a mapping with 'name'", item.Describe());
                continue;
            }
            var fields = context.Fields(item, "activities entry", ActivityFields);
            var codes = new List<CodeSpec>();
            Add(codes, fields, "snomed", CodeSystems.Snomed);
            result.Add(new CarePlanActivitySpec(fields.Text("name") ?? string.Empty, fields.Text("status"), codes.ToEquatableArray()));
        }
        return result.ToEquatableArray();
    }

    public static EncounterSpec BindEncounter(FieldReader fields, BindContext context)
    {
        var type = fields.Text("encounter_type") ?? "Office Visit";
        var classText = fields.Text("encounter_class");
        var encounterClass = classText is null ? InferClass(type) : ParseClass(classText);
        if (encounterClass is null)
        {
            context.Report(DiagnosticCatalog.InvalidValue, fields.SpanOf("encounter_class"), classText!, "encounter_class",
                "Use ambulatory, wellness, outpatient, emergency, urgentcare, inpatient, virtual or home.");
        }
        var codes = new List<CodeSpec>();
        Add(codes, fields, "snomed", CodeSystems.Snomed);
        foreach (var item in context.List(fields["codes"], "codes", allowSingle: true))
        {
            if (!item.IsMapping)
            {
                context.Report(DiagnosticCatalog.WrongValueType, item.Span, "codes entry", "a mapping with system, code and display", item.Describe());
                continue;
            }
            var codeFields = context.Fields(item, "codes entry", EncounterCodeFields);
            var system = NormalizeSystem(codeFields.Text("system") ?? "SNOMED-CT") ?? CodeSystems.Snomed;
            var code = codeFields.Text("code");
            if (code is null) context.Report(DiagnosticCatalog.MissingField, item.Span, "This code", "code", "Give the code.");
            else codes.Add(new CodeSpec(system, code, codeFields.Text("display"), codeFields.SpanOf("code"), codeFields.Has("display") ? codeFields.SpanOf("display") : SourceSpan.None));
        }
        return new EncounterSpec(type, encounterClass ?? EncounterClass.Ambulatory, fields.Text("reason"), fields.Text("provider_role"), fields.Text("location"), codes.ToEquatableArray());
    }

    private static EncounterClass InferClass(string type)
    {
        var t = type.ToLowerInvariant();
        if (t.Contains("emergency")) return EncounterClass.Emergency;
        if (t.Contains("inpatient") || t.Contains("admission") || t.Contains("hospital")) return EncounterClass.Inpatient;
        if (t.Contains("urgent")) return EncounterClass.Urgentcare;
        if (t.Contains("telehealth") || t.Contains("virtual") || t.Contains("video")) return EncounterClass.Virtual;
        if (t.Contains("home")) return EncounterClass.Home;
        if (t.Contains("wellness") || t.Contains("well-child") || t.Contains("well child") || t.Contains("annual")) return EncounterClass.Wellness;
        return EncounterClass.Ambulatory;
    }

    /// <summary>The <c>encounter_class</c> spellings (read case-insensitively).</summary>
    internal static readonly Dictionary<string, EncounterClass> EncounterClasses = new()
    {
        ["ambulatory"] = EncounterClass.Ambulatory,
        ["wellness"] = EncounterClass.Wellness,
        ["outpatient"] = EncounterClass.Outpatient,
        ["emergency"] = EncounterClass.Emergency,
        ["urgentcare"] = EncounterClass.Urgentcare,
        ["urgent_care"] = EncounterClass.Urgentcare,
        ["inpatient"] = EncounterClass.Inpatient,
        ["virtual"] = EncounterClass.Virtual,
        ["home"] = EncounterClass.Home,
    };

    private static EncounterClass? ParseClass(string text) => EncounterClasses.TryGetValue(text.ToLowerInvariant(), out var value) ? value : null;

    public static ClinicalItemSpec BindCarePlanStart(FieldReader fields, StateSpec state, BindContext context)
    {
        var name = fields.Text(fields.FirstPresent("name", "care_plan_name") ?? "name");
        if (name is null) context.Report(DiagnosticCatalog.MissingField, state.Span, $"care_plan_start state '{state.Name}'", "name", "Name the care plan.");
        var codes = new List<CodeSpec>();
        Add(codes, fields, "snomed", CodeSystems.Snomed, "name", "care_plan_name");
        return new ClinicalItemSpec(name ?? state.Name, state.Span, codes.ToEquatableArray(), fields.Text("category"), fields.Text("status"),
            null, null, null, null, null, null, fields.Text("goal"), null, null, null, 0, Activities(fields["activities"], context));
    }

    public static ClinicalItemSpec BindSymptom(FieldReader fields, StateSpec state, BindContext context)
    {
        var name = fields.Text(fields.FirstPresent("symptom", "name") ?? "symptom");
        if (name is null) context.Report(DiagnosticCatalog.MissingField, state.Span, $"symptom state '{state.Name}'", "symptom", "Name the symptom.");
        var value = QuantityBinder.BindValue(fields, context, out var valueText);
        return new ClinicalItemSpec(name ?? state.Name, state.Span, EquatableArray<CodeSpec>.Empty, null, fields.Text("status") ?? "recorded",
            fields.Text("units"), value, valueText, null, null, null, null, fields.Text("panel"), null, null, 0, EquatableArray<CarePlanActivitySpec>.Empty);
    }
}
