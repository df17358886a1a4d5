using System;
using System.Collections.Generic;
using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Generators.Emit;

/// <summary>
/// Emits what ties the modules together: <c>AttributeSlots</c> (one int constant per attribute name any module sets
/// or reads, ordinal-sorted, plus Count) and <c>ModuleRegistry</c> (all modules by name). Depends only on the
/// module summaries, so edits inside a module that keep its summary do not re-emit it.
/// </summary>
public static class RegistryEmitter
{
    public static string Emit(IReadOnlyList<ModuleSummary> modules)
    {
        var writer = new CodeWriter();
        Header.Write(writer);
        writer.Open("namespace " + RuntimeNames.GeneratedNamespace);
        WriteAttributeSlots(writer, AttributeNames(modules));
        writer.Line();
        WriteRegistry(writer, ModulesByName(modules));
        writer.Close();
        return writer.ToString();
    }

    private static List<string> AttributeNames(IReadOnlyList<ModuleSummary> modules)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var module in modules)
        {
            foreach (var name in module.AttributesSet) names.Add(name);
            foreach (var target in module.AttributesRead) names.Add(target.Name);
        }
        return new List<string>(names);
    }

    /// <summary>Modules sorted by name; a repeated name keeps its first module (the checker reports duplicates).</summary>
    private static List<ModuleSummary> ModulesByName(IReadOnlyList<ModuleSummary> modules)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var classes = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<ModuleSummary>();
        foreach (var module in modules)
        {
            if (seen.Add(module.Name) && classes.Add(Identifiers.ClassName(module.Name))) result.Add(module);
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return result;
    }

    private static void WriteAttributeSlots(CodeWriter writer, List<string> names)
    {
        writer.Line("/// <summary>");
        writer.Line("/// Attribute slots: the index of each attribute in <see cref=\"global::SyntheticPatients.Runtime.PatientContext.Attributes\"/>.");
        writer.Line("/// Resolved at build time, so conditions and set_attribute states index an array instead of looking names up.");
        writer.Line("/// </summary>");
        writer.Line(RuntimeNames.GeneratedCodeAttribute);
        writer.Open("public static class AttributeSlots");
        for (int i = 0; i < names.Count; i++)
        {
            writer.Line("/// <summary>\"" + Literals.Xml(names[i]) + "\"</summary>");
            writer.Line("public const int " + Identifiers.AttributeSlot(names[i]) + " = " + Literals.Int(i) + ";");
        }
        if (names.Count > 0) writer.Line();
        writer.Line("/// <summary>How many slots a patient context needs.</summary>");
        writer.Line("public const int Count = " + Literals.Int(names.Count) + ";");
        writer.Line();
        writer.Line("private static readonly string[] s_names =");
        writer.Line("{");
        writer.Indent();
        foreach (var name in names) writer.Line(Literals.String(name) + ",");
        writer.Outdent();
        writer.Line("};");
        writer.Line();
        writer.Line("/// <summary>The attribute name of each slot.</summary>");
        writer.Line("public static global::System.Collections.Generic.IReadOnlyList<string> Names => s_names;");
        writer.Line();
        writer.Line("/// <summary>The slot of an attribute name, or -1 (for hosts and tools; generated code uses the constants).</summary>");
        writer.Open("public static int IndexOf(string name)");
        writer.Open("switch (name)");
        for (int i = 0; i < names.Count; i++) writer.Line("case " + Literals.String(names[i]) + ": return " + Literals.Int(i) + ";");
        writer.Line("default: return -1;");
        writer.Close();
        writer.Close();
        writer.Close();
    }

    private static void WriteRegistry(CodeWriter writer, List<ModuleSummary> modules)
    {
        writer.Line("/// <summary>Every compiled module, by name.</summary>");
        writer.Line(RuntimeNames.GeneratedCodeAttribute);
        writer.Open("public static class ModuleRegistry");
        writer.Line("private static readonly " + RuntimeNames.CompiledModule + "[] s_all =");
        writer.Line("{");
        writer.Indent();
        foreach (var module in modules) writer.Line(ModuleReference(module) + ",");
        writer.Outdent();
        writer.Line("};");
        writer.Line();
        writer.Line("/// <summary>All modules, ordinal by name.</summary>");
        writer.Line("public static global::System.Collections.Generic.IReadOnlyList<" + RuntimeNames.CompiledModule + "> All => s_all;");
        writer.Line();
        writer.Line("/// <summary>The module with this name (<c>name:</c> in its YAML), or null.</summary>");
        writer.Open("public static " + RuntimeNames.CompiledModule + "? Find(string name)");
        writer.Open("switch (name)");
        foreach (var module in modules) writer.Line("case " + Literals.String(module.Name) + ": return " + ModuleReference(module) + ";");
        writer.Line("default: return null;");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>A patient context sized for these modules' attributes (one per worker thread; reuse it with Reset).</summary>");
        writer.Line("public static " + RuntimeNames.PatientContext + " CreatePatientContext() => new " + RuntimeNames.PatientContext + "(AttributeSlots.Count);");
        writer.Close();
    }

    private static string ModuleReference(ModuleSummary module)
        => "global::" + RuntimeNames.GeneratedNamespace + "." + Identifiers.ClassName(module.Name) + ".Instance";
}
