using System;
using System.Collections.Generic;
using System.Text;
using SyntheticPatients.Language.Scenarios;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Generators.Emit;

/// <summary>
/// Emits <c>ScenarioRegistry</c>: one <c>public static readonly ScenarioDefinition</c> per scenario file (written as an
/// object initializer that reads like the YAML), plus <c>All</c>, <c>Find(name)</c> and <c>Default</c> (the scenario
/// named <c>general</c>, or the first by name). Input: the scenarios to list, without errors, one per name.
/// </summary>
public static class ScenarioEmitter
{
    public const string HintName = "ScenarioRegistry.g.cs";

    /// <summary>The name <see cref="Default"/> prefers.</summary>
    public const string DefaultScenarioName = "general";

    private const string Definition = "Scenarios::ScenarioDefinition";

    /// <summary>Members of the registry (and of object) a scenario field must not take.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "All", "Find", "Default", "ScenarioRegistry", "Equals", "GetHashCode", "GetType", "ToString", "ReferenceEquals",
        "MemberwiseClone", "Finalize",
    };

    public static string Emit(IReadOnlyList<ScenarioSpec> scenarios)
    {
        var ordered = new List<ScenarioSpec>(scenarios);
        ordered.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        var fields = FieldNames(ordered);

        var writer = new CodeWriter();
        Header.Write(writer);
        writer.Open("namespace " + RuntimeNames.GeneratedNamespace);
        writer.Line("using Collections = global::System.Collections.Generic;");
        writer.Line("using Scenarios = global::SyntheticPatients.Runtime.Scenarios;");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// The built-in scenarios, compiled from scenarios/*.yaml at build time (checked like a --scenario-file at run time).");
        writer.Line("/// Distributions a file leaves out hold the US defaults documented in docs/module-language.md (Scenarios).");
        writer.Line("/// </summary>");
        writer.Line(RuntimeNames.GeneratedCodeAttribute);
        writer.Open("public static class ScenarioRegistry");
        for (int i = 0; i < ordered.Count; i++)
        {
            WriteScenario(writer, ordered[i], fields[i]);
            writer.Line();
        }

        writer.Line("private static readonly " + Definition + "[] s_all =");
        writer.Line("{");
        writer.Indent();
        foreach (var field in fields) writer.Line(field + ",");
        writer.Outdent();
        writer.Line("};");
        writer.Line();
        writer.Line("/// <summary>All scenarios, ordinal by name.</summary>");
        writer.Line("public static Collections::IReadOnlyList<" + Definition + "> All => s_all;");
        writer.Line();
        writer.Line("/// <summary>The scenario with this name (<c>name:</c> in its YAML), or null.</summary>");
        writer.Open("public static " + Definition + "? Find(string name)");
        writer.Open("switch (name)");
        for (int i = 0; i < ordered.Count; i++) writer.Line("case " + Literals.String(ordered[i].Name) + ": return " + fields[i] + ";");
        writer.Line("default: return null;");
        writer.Close();
        writer.Close();
        writer.Line();
        int defaultIndex = Math.Max(0, ordered.FindIndex(static s => s.Name == DefaultScenarioName));
        writer.Line("/// <summary>The scenario used when none is chosen: " + Literals.Xml(ordered.Count == 0 ? "(none)" : ordered[defaultIndex].Name) + ".</summary>");
        writer.Line("public static " + Definition + " Default => " + (ordered.Count == 0 ? "null!" : fields[defaultIndex]) + ";");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static void WriteScenario(CodeWriter writer, ScenarioSpec spec, string field)
    {
        var display = FileKinds.Display(spec.FilePath);
        writer.Line("/// <summary>" + Literals.Xml(spec.Name + (spec.Description.Length > 0 ? ": " + spec.Description : string.Empty)) + "</summary>");
        writer.Line("// From " + Literals.Comment(display) + ".");
        writer.Line("public static readonly " + Definition + " " + field + " = new " + Definition);
        writer.Line("{");
        writer.Indent();
        writer.Line("Name = " + Literals.String(spec.Name) + ",");
        writer.Line("Description = " + Literals.String(spec.Description) + ",");
        writer.Line("SourcePath = " + Literals.String(display) + ",");
        WriteStrings(writer, "Sources", spec.Sources);
        WriteBands(writer, "Ages", "AgeBand", spec.Ages, ScenarioVocabulary.Ages);
        WriteLabels(writer, "Gender", spec.Gender, ScenarioVocabulary.Gender);
        WriteLabels(writer, "Race", spec.Race, ScenarioVocabulary.Race);
        WriteLabels(writer, "Ethnicity", spec.Ethnicity, ScenarioVocabulary.Ethnicity);
        WriteLabels(writer, "Smoking", spec.Smoking, ScenarioVocabulary.Smoking);
        WriteLabels(writer, "Alcohol", spec.Alcohol, ScenarioVocabulary.Alcohol);
        WriteLabels(writer, "Education", spec.Education, ScenarioVocabulary.Education);
        WriteLabels(writer, "Employment", spec.Employment, ScenarioVocabulary.Employment);
        WriteLabels(writer, "Housing", spec.Housing, ScenarioVocabulary.Housing);
        WriteBands(writer, "Income", "IncomeBand", spec.Income, ScenarioVocabulary.Income);
        WriteLabels(writer, "Insurance", spec.Insurance, ScenarioVocabulary.Insurance);

        var modules = new List<string>();
        foreach (var module in spec.Modules) modules.Add(module.Name);
        WriteStrings(writer, "Modules", modules);

        if (spec.Parameters.Count > 0)
        {
            writer.Line("Parameters = new Collections::Dictionary<string, double>");
            writer.Line("{");
            writer.Indent();
            foreach (var parameter in spec.Parameters) writer.Line("[" + Literals.String(parameter.Path) + "] = " + Literals.Double(parameter.Value) + ",");
            writer.Outdent();
            writer.Line("},");
        }
        if (spec.Terminology.Count > 0)
        {
            writer.Line("TerminologyFocus = new Collections::Dictionary<string, Collections::IReadOnlyList<string>>");
            writer.Line("{");
            writer.Indent();
            foreach (var focus in spec.Terminology) writer.Line("[" + Literals.String(focus.System) + "] = " + StringArray(focus.Codes) + ",");
            writer.Outdent();
            writer.Line("},");
        }
        writer.Outdent();
        writer.Line("};");
    }

    private static void WriteLabels(CodeWriter writer, string property, LabelDistribution distribution, LabelField field)
    {
        if (distribution.IsDefault) writer.Line("// " + field.Key + ": not in the file; US default (" + Literals.Comment(field.DefaultSource) + ").");
        var text = new StringBuilder(property).Append(" = Scenarios::WeightedChoice.Of(");
        for (int i = 0; i < distribution.Weights.Count; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append('(').Append(Literals.String(distribution.Weights[i].Label)).Append(", ").Append(Literals.Double(distribution.Weights[i].Weight)).Append(')');
        }
        writer.Line(text.Append("),").ToString());
    }

    private static void WriteBands(CodeWriter writer, string property, string type, BandDistribution distribution, BandField field)
    {
        if (distribution.IsDefault) writer.Line("// " + field.Key + ": not in the file; US default (" + Literals.Comment(field.DefaultSource) + ").");
        writer.Line(property + " = new Scenarios::" + type + "[]");
        writer.Line("{");
        writer.Indent();
        foreach (var band in distribution.Bands)
        {
            writer.Line("new(" + Literals.Int(band.Min) + ", " + Literals.Int(band.Max) + ", " + Literals.Double(band.Weight) + "),");
        }
        writer.Outdent();
        writer.Line("},");
    }

    private static void WriteStrings(CodeWriter writer, string property, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        writer.Line(property + " = new string[]");
        writer.Line("{");
        writer.Indent();
        foreach (var value in values) writer.Line(Literals.String(value) + ",");
        writer.Outdent();
        writer.Line("},");
    }

    private static string StringArray(EquatableArray<string> values)
    {
        var text = new StringBuilder("new string[] { ");
        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(Literals.String(values[i]));
        }
        return text.Append(values.Count > 0 ? " }" : "}").ToString();
    }

    /// <summary>A PascalCase field per scenario (pediatric_asthma → PediatricAsthma), unique and clear of the registry's members.</summary>
    private static List<string> FieldNames(List<ScenarioSpec> scenarios)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var scenario in scenarios)
        {
            var text = new StringBuilder();
            bool upperNext = true;
            foreach (char c in scenario.Name)
            {
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
                {
                    text.Append(upperNext ? char.ToUpperInvariant(c) : c);
                    upperNext = false;
                }
                else
                {
                    upperNext = true;
                }
            }
            if (text.Length == 0 || char.IsDigit(text[0])) text.Insert(0, "Scenario");
            var name = text.ToString();
            if (Reserved.Contains(name)) name += "Scenario";
            var unique = name;
            for (int n = 2; !used.Add(unique); n++) unique = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            result.Add(unique);
        }
        return result;
    }
}
