using System;
using System.Collections.Generic;
using System.Globalization;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Text;
using SyntheticPatients.Language.Yaml;

namespace SyntheticPatients.Language.Binding;

/// <summary>
/// Reads a condition mapping. The type comes from <c>type</c> / <c>condition_type</c> (case-insensitive) or,
/// as in the original dialect, is inferred from the keys present.
/// </summary>
internal static class ConditionBinder
{
    internal static readonly Dictionary<string, (ConditionKind Kind, string[] Fields)> Types = new()
    {
        ["attribute"] = (ConditionKind.Attribute, new[] { "attribute", "operator", "op", "value" }),
        ["age"] = (ConditionKind.Age, new[] { "operator", "op", "quantity", "unit" }),
        ["gender"] = (ConditionKind.Gender, new[] { "gender", "value" }),
        ["date"] = (ConditionKind.Date, new[] { "operator", "op", "year", "date" }),
        ["demographic"] = (ConditionKind.Demographic, new[] { "field", "demographic_field", "attribute", "operator", "op", "value" }),
        ["active_condition"] = (ConditionKind.ActiveCondition, CodedFields()),
        ["hascondition"] = (ConditionKind.ActiveCondition, CodedFields()),
        ["active_medication"] = (ConditionKind.ActiveMedication, CodedFields()),
        ["active_care_plan"] = (ConditionKind.ActiveCarePlan, CodedFields()),
        ["active_allergy"] = (ConditionKind.ActiveAllergy, CodedFields()),
        ["observation"] = (ConditionKind.Observation, new[] { "code", "loinc", "system", "operator", "op", "value" }),
        ["vital_sign"] = (ConditionKind.VitalSign, new[] { "vital_sign", "operator", "op", "value", "unit", "units" }),
        ["prior_state"] = (ConditionKind.PriorState, new[] { "name", "state" }),
        ["random"] = (ConditionKind.Random, new[] { "probability", "p", "value" }),
        ["and"] = (ConditionKind.And, new[] { "conditions" }),
        ["or"] = (ConditionKind.Or, new[] { "conditions" }),
        ["not"] = (ConditionKind.Not, new[] { "condition" }),
        ["true"] = (ConditionKind.True, new string[0]),
        ["false"] = (ConditionKind.False, new string[0]),
    };

    /// <summary>A condition without <c>type</c> takes the type of the first group of keys it has (the original dialect).</summary>
    internal static readonly (string[] Keys, string Type)[] InferredTypes =
    {
        (new[] { "attribute" }, "attribute"),
        (new[] { "field", "demographic_field" }, "demographic"),
        (new[] { "quantity", "unit" }, "age"),
        (new[] { "probability", "p" }, "random"),
        (new[] { "conditions" }, "and"),
    };

    /// <summary>The keys that name a condition's type explicitly (<c>type</c> wins when both are present).</summary>
    internal static readonly string[] TypeKeys = { "type", "condition_type" };

    /// <summary>Keys every condition may carry besides its type's fields.</summary>
    internal static readonly string[] CommonFields = { "type", "condition_type", "remarks" };

    /// <summary>The keys of a demographic condition that name its field (the first present wins).</summary>
    internal static readonly string[] DemographicFieldKeys = { "field", "demographic_field", "attribute" };

    /// <summary>The demographic field read as a gender condition (exact spelling); the others are <see cref="DemographicFields.Names"/>.</summary>
    internal const string GenderField = "gender";

    internal static readonly Dictionary<string, ComparisonOperator> Operators = new()
    {
        ["=="] = ComparisonOperator.Equal, ["="] = ComparisonOperator.Equal, ["equals"] = ComparisonOperator.Equal, ["eq"] = ComparisonOperator.Equal,
        ["!="] = ComparisonOperator.NotEqual, ["ne"] = ComparisonOperator.NotEqual, ["not equals"] = ComparisonOperator.NotEqual,
        ["<"] = ComparisonOperator.Less, ["lt"] = ComparisonOperator.Less,
        ["<="] = ComparisonOperator.LessOrEqual, ["le"] = ComparisonOperator.LessOrEqual,
        [">"] = ComparisonOperator.Greater, ["gt"] = ComparisonOperator.Greater,
        [">="] = ComparisonOperator.GreaterOrEqual, ["ge"] = ComparisonOperator.GreaterOrEqual,
        ["exists"] = ComparisonOperator.IsSet, ["is not nil"] = ComparisonOperator.IsSet, ["not null"] = ComparisonOperator.IsSet, ["is set"] = ComparisonOperator.IsSet,
        ["is nil"] = ComparisonOperator.IsNotSet, ["is null"] = ComparisonOperator.IsNotSet, ["not exists"] = ComparisonOperator.IsNotSet, ["is not set"] = ComparisonOperator.IsNotSet,
    };

    private static string[] CodedFields() => new[] { "code", "system", "name", "referenced_by_attribute", "snomed", "icd10", "rxnorm", "loinc" };

    public static ConditionSpec? Bind(YamlNode node, BindContext context)
    {
        if (!node.IsMapping)
        {
            context.Report(DiagnosticCatalog.WrongValueType, node.Span, "condition", "a mapping with 'type'", node.Describe());
            return null;
        }
        var typeName = InferType(node, context);
        if (typeName is null) return null;
        if (!Types.TryGetValue(typeName, out var entry))
        {
            var typeNode = node.Get("type") ?? node.Get("condition_type")!;
            context.Report(DiagnosticCatalog.InvalidValue, typeNode.Span, typeName, "condition type",
                "Use one of: " + string.Join(", ", Types.Keys) + "." + Spelling.Hint(typeName, Types.Keys));
            return null;
        }
        var known = new List<string>(entry.Fields);
        known.AddRange(CommonFields);
        var fields = context.Fields(node, $"a '{typeName}' condition", known);
        var empty = new ConditionSpec(entry.Kind, node.Span, EquatableArray<ConditionSpec>.Empty, ComparisonOperator.Equal, null, SourceSpan.None, 0, null);

        switch (entry.Kind)
        {
            case ConditionKind.And:
            case ConditionKind.Or:
            {
                var operands = new List<ConditionSpec>();
                foreach (var item in context.List(fields["conditions"], "conditions", allowSingle: false))
                {
                    var operand = Bind(item, context);
                    if (operand is not null) operands.Add(operand);
                }
                if (!fields.Has("conditions")) context.Report(DiagnosticCatalog.MissingField, node.Span, $"An '{typeName}' condition", "conditions", "List the conditions to combine.");
                return empty with { Operands = operands.ToEquatableArray() };
            }
            case ConditionKind.Not:
            {
                var inner = fields["condition"];
                if (inner is null)
                {
                    context.Report(DiagnosticCatalog.MissingField, node.Span, "A 'not' condition", "condition", "Give the condition to negate.");
                    return null;
                }
                var operand = Bind(inner, context);
                return operand is null ? null : empty with { Operands = new EquatableArray<ConditionSpec>(new[] { operand }) };
            }
            case ConditionKind.Age:
            {
                var quantity = Required(fields, "quantity", "An age condition", "Give the age, e.g. 'quantity: 18' with 'unit: years'.", context);
                var unit = fields.Text("unit") ?? "years";
                var years = Units.ToYears(unit);
                if (years is null) context.Report(DiagnosticCatalog.InvalidValue, fields.SpanOf("unit"), unit, "unit", "Use years, months, weeks, days or hours.");
                return empty with { Operator = Operator(fields, context, ComparisonOperator.GreaterOrEqual), Number = (quantity ?? 0) * (years ?? 1) };
            }
            case ConditionKind.Gender:
            {
                var key = fields.FirstPresent("gender", "value") ?? "gender";
                var gender = NormalizeGender(fields.Text(key));
                if (gender is null) context.Report(DiagnosticCatalog.InvalidValue, fields.SpanOf(key), fields.Text(key) ?? "", "gender", "Use M or F.");
                return empty with { Name = gender ?? "F", NameSpan = fields.SpanOf(key) };
            }
            case ConditionKind.Date:
                return empty with { Operator = Operator(fields, context, ComparisonOperator.GreaterOrEqual), Number = DateDays(fields, node, context) };
            case ConditionKind.Attribute:
            {
                var name = fields.Text("attribute");
                if (name is null) context.Report(DiagnosticCatalog.MissingField, node.Span, "An attribute condition", "attribute", "Name the attribute to test.");
                var value = fields["value"] is { } v ? ValueBinder.Bind(v, "value", context) : null;
                var op = Operator(fields, context, value is null ? ComparisonOperator.IsSet : ComparisonOperator.Equal);
                return empty with { Name = name ?? string.Empty, NameSpan = fields.SpanOf("attribute"), Operator = op, Value = value };
            }
            case ConditionKind.Demographic:
            {
                var key = fields.FirstPresent(DemographicFieldKeys) ?? DemographicFieldKeys[0];
                var field = fields.Text(key);
                if (field is null) context.Report(DiagnosticCatalog.MissingField, node.Span, "A demographic condition", "field", "Name the demographic field (gender, race, ethnicity...).");
                var value = fields["value"] is { } v ? ValueBinder.Bind(v, "value", context) : null;
                if (field == GenderField) return empty with { Kind = ConditionKind.Gender, Name = NormalizeGender(value?.Text) ?? "F", NameSpan = fields.SpanOf(key) };
                if (field is not null && !DemographicFields.IsKnown(field.ToLowerInvariant()))
                {
                    context.Report(DiagnosticCatalog.InvalidValue, fields.SpanOf(key), field, key,
                        "Use one of: gender, " + string.Join(", ", DemographicFields.Names) + "." + Spelling.Hint(field, DemographicFields.Names));
                    return null;
                }
                return empty with { Name = field ?? string.Empty, NameSpan = fields.SpanOf(key), Operator = Operator(fields, context, ComparisonOperator.Equal), Value = value };
            }
            case ConditionKind.ActiveCondition:
            case ConditionKind.ActiveMedication:
            case ConditionKind.ActiveCarePlan:
            case ConditionKind.ActiveAllergy:
            {
                var key = fields.FirstPresent("code", "snomed", "icd10", "rxnorm", "loinc", "name", "referenced_by_attribute");
                if (key is null)
                {
                    context.Report(DiagnosticCatalog.MissingField, node.Span, $"A '{typeName}' condition", "code", "Give the code to look for (or 'referenced_by_attribute').");
                    return null;
                }
                // Referenced-by conditions test the attribute; mark them with the operator IsSet so the emitter knows.
                var op = key == "referenced_by_attribute" ? ComparisonOperator.IsSet : ComparisonOperator.Equal;
                return empty with { Name = fields.Text(key) ?? string.Empty, NameSpan = fields.SpanOf(key), Operator = op };
            }
            case ConditionKind.Observation:
            {
                var key = fields.FirstPresent("code", "loinc");
                if (key is null) context.Report(DiagnosticCatalog.MissingField, node.Span, "An observation condition", "code", "Give the LOINC code of the observation.");
                var value = Required(fields, "value", "An observation condition", "Give the value to compare with.", context);
                return empty with { Name = key is null ? string.Empty : fields.Text(key) ?? string.Empty, NameSpan = key is null ? node.Span : fields.SpanOf(key), Operator = Operator(fields, context, ComparisonOperator.GreaterOrEqual), Number = value ?? 0 };
            }
            case ConditionKind.VitalSign:
            {
                if (!fields.Has("vital_sign")) context.Report(DiagnosticCatalog.MissingField, node.Span, "A vital_sign condition", "vital_sign", "Name the body measure, one of: " + BodyVitalSigns.NameList() + ".");
                var value = Required(fields, "value", "A vital_sign condition", "Give the value to compare with.", context);
                var sign = ItemBinder.VitalSignName(fields, "vital_sign", context);
                return empty with { Name = sign ?? string.Empty, NameSpan = fields.SpanOf("vital_sign"), Operator = Operator(fields, context, ComparisonOperator.GreaterOrEqual), Number = value ?? 0 };
            }
            case ConditionKind.PriorState:
            {
                var key = fields.FirstPresent("name", "state") ?? "name";
                var state = fields.Text(key);
                if (state is null) context.Report(DiagnosticCatalog.MissingField, node.Span, "A prior_state condition", "name", "Name the state the patient must have passed through.");
                return empty with { Name = state ?? string.Empty, NameSpan = fields.SpanOf(key) };
            }
            case ConditionKind.Random:
            {
                var key = fields.FirstPresent("probability", "p", "value") ?? "probability";
                var p = Required(fields, key, "A random condition", "Give 'probability' between 0 and 1.", context);
                if (p is < 0 or > 1) context.Report(DiagnosticCatalog.InvalidValue, fields.SpanOf(key), p.Value.ToString("R", CultureInfo.InvariantCulture), key, "A probability is between 0 and 1.");
                return empty with { Number = p ?? 0 };
            }
            default:
                return empty;
        }
    }

    private static string? InferType(YamlNode node, BindContext context)
    {
        var typeNode = node.Get(TypeKeys[0]) ?? node.Get(TypeKeys[1]);
        if (typeNode is not null)
        {
            var text = context.Text(typeNode, "type");
            return text?.ToLowerInvariant();
        }
        foreach (var (keys, type) in InferredTypes)
        {
            foreach (var key in keys)
            {
                if (node.Find(key) is not null) return type;
            }
        }
        context.Report(DiagnosticCatalog.MissingField, node.Span, "This condition", "type", "Add 'type:' (age, gender, attribute, and, or, not, ...).");
        return null;
    }

    private static double? Required(FieldReader fields, string key, string owner, string hint, BindContext context)
    {
        if (!fields.Has(key))
        {
            context.Report(DiagnosticCatalog.MissingField, fields.Node.Span, owner, key, hint);
            return null;
        }
        return fields.Number(key);
    }

    private static ComparisonOperator Operator(FieldReader fields, BindContext context, ComparisonOperator fallback)
    {
        var key = fields.FirstPresent("operator", "op");
        if (key is null) return fallback;
        var text = fields.Text(key);
        if (text is not null && Operators.TryGetValue(text, out var op)) return op;
        context.Report(DiagnosticCatalog.InvalidValue, fields.SpanOf(key), text ?? "", "operator", "Use ==, !=, <, <=, >, >=, exists or 'is nil'.");
        return fallback;
    }

    private static string? NormalizeGender(string? value) => value?.ToLowerInvariant() switch
    {
        "m" or "male" => "M",
        "f" or "female" => "F",
        _ => null,
    };

    private static double DateDays(FieldReader fields, YamlNode node, BindContext context)
    {
        if (fields.Has("date"))
        {
            var text = fields.Text("date");
            if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date.Ticks / TimeSpan.TicksPerDay;
            }
            context.Report(DiagnosticCatalog.InvalidValue, fields.SpanOf("date"), text ?? "", "date", "Write dates as YYYY-MM-DD.");
            return 0;
        }
        var year = fields.Integer("year");
        if (year is null)
        {
            if (!fields.Has("year")) context.Report(DiagnosticCatalog.MissingField, node.Span, "A date condition", "year", "Give 'year: 2020' or 'date: 2020-03-01'.");
            return 0;
        }
        if (year is < 1 or > 9999)
        {
            context.Report(DiagnosticCatalog.InvalidValue, fields.SpanOf("year"), year.Value.ToString(CultureInfo.InvariantCulture), "year", "Use a calendar year.");
            return 0;
        }
        return new DateTime(year.Value, 1, 1).Ticks / TimeSpan.TicksPerDay;
    }
}
