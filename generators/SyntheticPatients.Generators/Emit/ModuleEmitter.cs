using System;
using System.Collections.Generic;
using SyntheticPatients.Language.Lowering;
using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Generators.Emit;

/// <summary>
/// Prints one module's <see cref="ModuleProgram"/> as a C# class: a singleton deriving from the runtime's CompiledModule, with a
/// <c>State</c> enum, the clinical definitions as static readonly fields, and a switch-based Step method.
/// The text depends only on this module's spec (attribute slots are referenced by name through the registry's
/// AttributeSlots constants), so editing one module re-emits only its class.
/// </summary>
public static class ModuleEmitter
{
    /// <summary>
    /// Class name plus a stable hash of the display path (modules/…, the same on every machine): two files that declare the same module name (reported as
    /// SPM0018) must still get distinct hint names, or Roslyn would reject the second source.
    /// </summary>
    public static string HintName(ModuleProgram program) => HintName(program.Name, program.DisplayPath);

    /// <inheritdoc cref="HintName(ModuleProgram)"/>
    public static string HintName(ModuleSpec spec) => HintName(spec.Name, global::SyntheticPatients.Language.Text.FileKinds.Display(spec.FilePath));

    private static string HintName(string module, string displayPath) => ClassName(module) + "." + Identifiers.Hash(displayPath) + ".g.cs";

    public static string ClassName(string moduleName) => Identifiers.ClassName(moduleName);

    /// <summary>Lowers and prints a module (tests and tools; the generator lowers in a step of its own).</summary>
    public static string Emit(ModuleSpec spec) => Emit(ModuleLowering.Lower(spec));

    public static string Emit(ModuleProgram spec)
    {
        var context = new ModuleEmitContext(spec);
        var writer = new CodeWriter();
        Header.Write(writer);
        writer.Open("namespace " + RuntimeNames.GeneratedNamespace);
        if (spec.States.Count > ModuleEmitContext.MaxStates)
        {
            writer.Directive("#error Module '" + Literals.Comment(spec.Name) + "' has " + Literals.Int(spec.States.Count)
                + " states; a module can have at most " + Literals.Int(ModuleEmitContext.MaxStates) + ". Split it into submodules.");
        }
        WriteClassDocumentation(writer, context);
        writer.Line(RuntimeNames.GeneratedCodeAttribute);
        writer.Open("public sealed class " + context.ClassName + " : " + RuntimeNames.CompiledModule);

        writer.Line("/// <summary>The module's only instance: modules keep no per-patient state.</summary>");
        writer.Line("public static readonly " + context.ClassName + " Instance = new " + context.ClassName + "();");
        writer.Line();
        WriteStateEnum(writer, context);
        WriteStateNames(writer, context);
        for (int i = 0; i < spec.States.Count; i++) DefinitionEmitter.Emit(writer, i, context);
        WriteConstructor(writer, context);
        WriteStep(writer, context);

        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static void WriteClassDocumentation(CodeWriter writer, ModuleEmitContext context)
    {
        var spec = context.Program;
        var summary = "Module <c>" + Literals.Xml(spec.Name) + "</c>, compiled from " + Literals.Xml(context.DisplayPath) + ".";
        if (spec.Description.Length > 0) summary += " " + Literals.Xml(spec.Description);
        writer.Line("/// <summary>" + summary + "</summary>");
        writer.Line("/// <remarks>");
        writer.Line("/// <para>Each step runs the current state, then picks the next: the first conditional transition that holds,");
        writer.Line("/// else one weighted draw among the eligible probabilistic transitions, else the plain transition.</para>");
        writer.Line("/// <list type=\"table\">");
        writer.Line("/// <listheader><term>state (line)</term><description>type — transitions</description></listheader>");
        foreach (var state in spec.States)
        {
            writer.Line("/// <item><term>" + Literals.Xml(state.Name) + " (" + Literals.Int(state.Line) + ")</term><description>"
                + Literals.Xml(state.TypeName) + " — " + Literals.Xml(state.Summary) + "</description></item>");
        }
        writer.Line("/// </list>");
        writer.Line("/// </remarks>");
    }

    private static void WriteStateEnum(CodeWriter writer, ModuleEmitContext context)
    {
        var states = context.Program.States;
        writer.Line("/// <summary>The states of <c>" + Literals.Xml(context.Program.Name) + "</c>, in file order.</summary>");
        writer.Open("public enum State : " + (states.Count > ModuleEmitContext.MaxStates ? "ushort" : "byte"));
        for (int i = 0; i < states.Count; i++)
        {
            writer.Line("/// <summary>\"" + Literals.Xml(states[i].Name) + "\": " + Literals.Xml(states[i].TypeName) + " (line " + Literals.Int(states[i].Line) + ").</summary>");
            writer.Line(context.StateIdentifier(i) + " = " + Literals.Int(i) + ",");
        }
        writer.Close();
        writer.Line();
    }

    private static void WriteStateNames(CodeWriter writer, ModuleEmitContext context)
    {
        writer.Line("private static readonly string[] s_stateNames =");
        writer.Line("{");
        writer.Indent();
        foreach (var state in context.Program.States) writer.Line(Literals.String(state.Name) + ",");
        writer.Outdent();
        writer.Line("};");
        writer.Line();
    }

    private static void WriteConstructor(CodeWriter writer, ModuleEmitContext context)
    {
        var spec = context.Program;
        var initial = spec.States.Count == 0 ? "0" : "(int)State." + context.StateIdentifier(spec.InitialState);
        writer.Line("private " + context.ClassName + "()");
        writer.Indent();
        writer.Line(": base(");
        writer.Indent();
        writer.Line("name: " + Literals.String(spec.Name) + ",");
        writer.Line("sourcePath: " + Literals.String(context.DisplayPath) + ",");
        writer.Line("stateCount: " + Literals.Int(spec.States.Count) + ",");
        writer.Line("initialState: " + initial + ",");
        writer.Line("replaces: " + Categories(spec.Replaces) + ",");
        writer.Line("augments: " + Categories(spec.Augments) + ")");
        writer.Outdent();
        writer.Outdent();
        writer.Open();
        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override string StateName(int state) => (uint)state < (uint)s_stateNames.Length ? s_stateNames[state] : \"(unknown state)\";");
        writer.Line();
        WriteConditionCodes(writer, spec);
        WriteMetadata(writer, spec);
    }

    /// <summary>Description, sources and the Mermaid graph, for `modules list` and `modules graph`.</summary>
    private static void WriteMetadata(CodeWriter writer, ModuleProgram spec)
    {
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override string Description => " + Literals.String(spec.Description) + ";");
        writer.Line();
        if (!spec.Sources.IsEmpty)
        {
            var sources = new List<string>();
            foreach (var source in spec.Sources) sources.Add(Literals.String(source));
            writer.Line("/// <inheritdoc/>");
            writer.Line("public override global::System.Collections.Generic.IReadOnlyList<string> Sources => s_sources;");
            writer.Line();
            writer.Line("private static readonly string[] s_sources = { " + string.Join(", ", sources) + " };");
            writer.Line();
        }
        // A raw string keeps the flowchart readable in the generated file (labels never contain three quotes).
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override string Graph => \"\"\"");
        writer.Indent();
        foreach (var line in spec.Graph.Split('\n'))
        {
            writer.Line(line);
        }
        writer.Line("\"\"\";");
        writer.Outdent();
        writer.Line();
    }

    /// <summary>The codes of every condition the module can record: the baseline leaves those conditions to it.</summary>
    private static void WriteConditionCodes(CodeWriter writer, ModuleProgram spec)
    {
        var codes = spec.ConditionCodes;
        if (codes.Count == 0) return;
        writer.Line("/// <summary>Codes of the conditions this module records (its condition_onset states).</summary>");
        writer.Line("public override global::System.Collections.Generic.IReadOnlyList<string> ConditionCodes => s_conditionCodes;");
        writer.Line();
        var list = new List<string>();
        foreach (var code in codes) list.Add(Literals.String(code));
        writer.Line("private static readonly string[] s_conditionCodes = { " + string.Join(", ", list) + " };");
        writer.Line();
    }

    private static void WriteStep(CodeWriter writer, ModuleEmitContext context)
    {
        writer.Line("/// <inheritdoc/>");
        writer.Open("public override " + RuntimeNames.StepOutcome + " Step(ref " + RuntimeNames.ModuleRun + " run, " + RuntimeNames.PatientContext + " patient)");
        writer.Open("switch ((State)run.State)");
        for (int i = 0; i < context.Program.States.Count; i++)
        {
            StateEmitter.Emit(writer, i, context);
            writer.Line();
        }
        writer.Line("default:");
        writer.Indent();
        writer.Line("return Terminated;");
        writer.Outdent();
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        writer.Open("private static " + RuntimeNames.StepOutcome + " Next(ref " + RuntimeNames.ModuleRun + " run, State next)");
        writer.Line("run.State = (int)next;");
        writer.Line("return Continue;");
        writer.Close();
    }

    private static string Categories(IReadOnlyList<string> flags)
    {
        if (flags.Count == 0) return RuntimeNames.ModuleCategories + ".None";
        var names = new List<string>();
        foreach (var flag in flags) names.Add(RuntimeNames.ModuleCategories + "." + flag);
        return string.Join(" | ", names);
    }
}
