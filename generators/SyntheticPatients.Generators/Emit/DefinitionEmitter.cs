using System.Collections.Generic;
using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Generators.Emit;

/// <summary>
/// Emits the static readonly definition objects of a state (an encounter, or one per clinical item). They are
/// allocated once per process; events reference them, so recording copies no strings.
/// </summary>
internal static class DefinitionEmitter
{
    /// <summary>The runtime definition type of a state's items, or null when the state records none.</summary>
    public static string? ItemType(StateKind kind) => kind switch
    {
        StateKind.ConditionOnset or StateKind.Death => "ConditionDefinition",
        StateKind.MedicationStart => "MedicationDefinition",
        StateKind.Observation or StateKind.Symptom => "ObservationDefinition",
        StateKind.Procedure => "ProcedureDefinition",
        StateKind.Immunization => "ImmunizationDefinition",
        StateKind.CarePlanStart => "CarePlanDefinition",
        StateKind.AllergyOnset => "AllergyDefinition",
        _ => null,
    };

    public static void Emit(CodeWriter writer, int index, ModuleEmitContext context)
    {
        var state = context.Spec.States[index];
        if (state.Kind == StateKind.Encounter && state.Encounter is { } encounter)
        {
            writer.Line("// " + Literals.Comment(state.Name) + ": " + Literals.Comment(encounter.EncounterType));
            writer.Line("private static readonly " + RuntimeNames.Definitions + "EncounterDefinition " + context.EncounterField(index) + " = new(");
            writer.Indent();
            writer.Line(Literals.String(encounter.EncounterType) + ",");
            writer.Line(RuntimeNames.EncounterClass + "." + encounter.Class + ",");
            var properties = new[]
            {
                Text("Reason", encounter.Reason), Text("ProviderRole", encounter.ProviderRole), Text("Location", encounter.Location),
            };
            WriteCodes(writer, encounter.Codes, HasAny(properties) ? ")" : ");");
            writer.Outdent();
            WriteInitializers(writer, properties);
            writer.Line();
            return;
        }

        var type = ItemType(state.Kind);
        if (type is null) return;
        for (int i = 0; i < state.Items.Count; i++)
        {
            var item = state.Items[i];
            writer.Line("// " + Literals.Comment(state.Name) + ": " + Literals.Comment(item.Name));
            writer.Line("private static readonly " + RuntimeNames.Definitions + type + " " + context.ItemField(index, i) + " = new(");
            writer.Indent();
            writer.Line(Literals.String(item.Name) + ",");
            var properties = Properties(state.Kind, item);
            WriteCodes(writer, item.Codes, HasAny(properties) ? ")" : ");");
            writer.Outdent();
            WriteInitializers(writer, properties);
            writer.Line();
        }
    }

    private static (string Name, string Value, bool Present)[] Properties(StateKind kind, ClinicalItemSpec item)
    {
        switch (kind)
        {
            case StateKind.ConditionOnset:
            case StateKind.Death:
                return new[] { Text("Category", item.Category), Text("Status", item.Status) };
            case StateKind.MedicationStart:
                return new[]
                {
                    Text("Dose", item.Dose), Text("TherapyCategory", item.TherapyCategory), Text("TherapeuticClass", item.Category),
                    Text("Reason", item.Reason), Text("Status", item.Status),
                };
            case StateKind.Observation:
            case StateKind.Symptom:
                return new[]
                {
                    Text("Units", item.Units), Text("Category", item.Category), Text("Panel", item.Panel),
                    Text("ReferenceRange", item.ReferenceRange), Text("Status", item.Status), Text("ValueText", item.ValueText),
                };
            case StateKind.Procedure:
                return new[] { Text("Reason", item.Reason), Text("Status", item.Status) };
            case StateKind.Immunization:
                return new[] { ("DoseNumber", Literals.Int(item.DoseNumber), item.DoseNumber != 0), Text("Status", item.Status) };
            case StateKind.CarePlanStart:
                return new[]
                {
                    Text("Category", item.Category), Text("Goal", item.Goal), Text("Reason", item.Reason), Text("Status", item.Status),
                    ("Activities", Activities(item.Activities), item.Activities.Count > 0),
                };
            case StateKind.AllergyOnset:
                return new[] { Text("Category", item.Category), Text("Reaction", item.Reason), Text("Severity", item.Severity), Text("Status", item.Status) };
            default:
                return new (string, string, bool)[0];
        }
    }

    private static (string Name, string Value, bool Present) Text(string name, string? value) => (name, Literals.String(value), value is not null);

    private static void WriteCodes(CodeWriter writer, IReadOnlyList<CodeSpec> codes, string close)
    {
        if (codes.Count == 0)
        {
            writer.Line("codes: null" + close);
            return;
        }
        writer.Line("new " + RuntimeNames.Code + "[]");
        writer.Line("{");
        writer.Indent();
        foreach (var code in codes)
        {
            writer.Line("new(" + Literals.String(code.System) + ", " + Literals.String(code.Code) + ", " + Literals.String(code.Display) + "),");
        }
        writer.Outdent();
        writer.Line("}" + close);
    }

    private static bool HasAny((string Name, string Value, bool Present)[] properties)
    {
        foreach (var property in properties)
        {
            if (property.Present) return true;
        }
        return false;
    }

    /// <summary>An object initializer with the properties the module gave (nothing when none).</summary>
    private static void WriteInitializers(CodeWriter writer, (string Name, string Value, bool Present)[] properties)
    {
        if (!HasAny(properties)) return;
        writer.Open();
        foreach (var property in properties)
        {
            if (property.Present) writer.Line(property.Name + " = " + property.Value + ",");
        }
        writer.Close(";");
    }

    private static string Activities(IReadOnlyList<CarePlanActivitySpec> activities)
    {
        var parts = new List<string>();
        foreach (var activity in activities)
        {
            var codes = "null";
            if (activity.Codes.Count > 0)
            {
                var list = new List<string>();
                foreach (var code in activity.Codes)
                {
                    list.Add("new(" + Literals.String(code.System) + ", " + Literals.String(code.Code) + ", " + Literals.String(code.Display) + ")");
                }
                codes = "new " + RuntimeNames.Code + "[] { " + string.Join(", ", list) + " }";
            }
            parts.Add("new(" + Literals.String(activity.Name) + ", " + Literals.String(activity.Status) + ", " + codes + ")");
        }
        return "new " + RuntimeNames.CarePlanActivity + "[] { " + string.Join(", ", parts) + " }";
    }
}
