using System.Collections.Generic;
using SyntheticPatients.Language.Lowering;
using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Generators.Emit;

/// <summary>
/// Prints the static readonly definition objects of a state (an encounter, or one per recorded item) from the
/// program's item records, one print per record type. They are allocated once per process; events reference them, so
/// recording copies no strings.
/// </summary>
internal static class DefinitionEmitter
{
    public static void Emit(CodeWriter writer, int index, ModuleEmitContext context)
    {
        var state = context.Program.States[index];
        switch (state.Action)
        {
            case EncounterAction { Encounter: var encounter }:
                writer.Line("// " + Literals.Comment(state.Name) + ": " + Literals.Comment(encounter.EncounterType));
                Write(writer, "EncounterDefinition", context.EncounterField(index), encounter.EncounterType, encounter.Codes, new[]
                {
                    ClassArgument(encounter.Class),
                }, new[]
                {
                    Text("Reason", encounter.Reason), Text("ProviderRole", encounter.ProviderRole), Text("Location", encounter.Location),
                });
                return;
            case RecordAction record:
                for (int i = 0; i < record.Items.Count; i++) WriteItem(writer, state.Name, context.ItemField(index, i), record.Items[i]);
                return;
            case DeathAction { Cause: { } cause }:
                WriteItem(writer, state.Name, context.ItemField(index, 0), cause);
                return;
        }
    }

    private static void WriteItem(CodeWriter writer, string stateName, string field, RecordedItem item)
    {
        writer.Line("// " + Literals.Comment(stateName) + ": " + Literals.Comment(item.Name));
        var (type, properties) = Properties(item);
        Write(writer, type, field, item.Name, item.Codes, null, properties);
    }

    /// <summary>The runtime definition type of an item and its properties in declaration order.</summary>
    private static (string Type, (string Name, string Value, bool Present)[] Properties) Properties(RecordedItem item) => item switch
    {
        ConditionItem condition => ("ConditionDefinition", new[] { Text("Category", condition.Category), Text("Status", condition.Status) }),
        MedicationItem medication => ("MedicationDefinition", new[]
        {
            Text("Dose", medication.Dose), Text("TherapyCategory", medication.TherapyCategory), Text("TherapeuticClass", medication.TherapeuticClass),
            Text("Reason", medication.Reason), Text("Status", medication.Status),
        }),
        ObservationItem observation => ("ObservationDefinition", new[]
        {
            Text("Units", observation.Units), Text("Category", observation.Category), Text("Panel", observation.Panel),
            Text("ReferenceRange", observation.ReferenceRange), Text("Status", observation.Status), Text("ValueText", observation.ValueText),
        }),
        ProcedureItem procedure => ("ProcedureDefinition", new[] { Text("Reason", procedure.Reason), Text("Status", procedure.Status) }),
        ImmunizationItem immunization => ("ImmunizationDefinition", new[]
        {
            ("DoseNumber", Literals.Int(immunization.DoseNumber), immunization.DoseNumber != 0), Text("Status", immunization.Status),
        }),
        CarePlanItem carePlan => ("CarePlanDefinition", new[]
        {
            Text("Category", carePlan.Category), Text("Goal", carePlan.Goal), Text("Reason", carePlan.Reason), Text("Status", carePlan.Status),
            ("Activities", Activities(carePlan.Activities), carePlan.Activities.Count > 0),
        }),
        AllergyItem allergy => ("AllergyDefinition", new[]
        {
            Text("Category", allergy.Category), Text("Reaction", allergy.Reaction), Text("Severity", allergy.Severity), Text("Status", allergy.Status),
        }),
        _ => ("ClinicalDefinition", new (string, string, bool)[0]),
    };

    /// <summary>
    /// <c>private static readonly T field = new("name", [extra arguments,] codes) { properties };</c>: no codes gives
    /// a null array, and only the properties the module gave are set (the rest keep their defaults).
    /// </summary>
    private static void Write(CodeWriter writer, string type, string field, string name, IReadOnlyList<CodeSpec> codes, string[]? arguments,
        (string Name, string Value, bool Present)[] properties)
    {
        writer.Line("private static readonly " + RuntimeNames.Definitions + type + " " + field + " = new(");
        writer.Indent();
        writer.Line(Literals.String(name) + ",");
        foreach (var argument in arguments ?? new string[0]) writer.Line(argument + ",");
        WriteCodes(writer, codes, HasAny(properties) ? ")" : ");");
        writer.Outdent();
        WriteInitializers(writer, properties);
        writer.Line();
    }

    private static string ClassArgument(EncounterClass encounterClass) => RuntimeNames.EncounterClass + "." + encounterClass;

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
        foreach (var code in codes) writer.Line(Code(code) + ",");
        writer.Outdent();
        writer.Line("}" + close);
    }

    private static string Code(CodeSpec code) => "new(" + Literals.String(code.System) + ", " + Literals.String(code.Code) + ", " + Literals.String(code.Display) + ")";

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
                foreach (var code in activity.Codes) list.Add(Code(code));
                codes = "new " + RuntimeNames.Code + "[] { " + string.Join(", ", list) + " }";
            }
            parts.Add("new(" + Literals.String(activity.Name) + ", " + Literals.String(activity.Status) + ", " + codes + ")");
        }
        return "new " + RuntimeNames.CarePlanActivity + "[] { " + string.Join(", ", parts) + " }";
    }
}
