namespace SyntheticPatients.Generators.Emit;

/// <summary>
/// Emits <c>GeneratedCatalog</c>: the compilation's modules, scenarios and attribute slots as one
/// <c>ModuleCatalog</c>, which the CLI runs (<c>SyntheticPatientsCli.Run(args, GeneratedCatalog.Instance)</c>). With the
/// entry point opted in (MSBuild <c>SyntheticPatientsGenerateEntryPoint</c>), also a <c>Program.Main</c> doing just that,
/// so a tailored generator needs no C# at all.
/// </summary>
public static class CatalogEmitter
{
    public const string HintName = "GeneratedCatalog.g.cs";
    public const string EntryPointHintName = "GeneratedEntryPoint.g.cs";

    /// <summary>The MSBuild property that opts in to the entry point (read as <c>build_property.*</c>).</summary>
    public const string EntryPointProperty = "SyntheticPatientsGenerateEntryPoint";

    private const string Catalog = "global::SyntheticPatients.Runtime.Modules.ModuleCatalog";

    /// <param name="hasScenarios">Whether <c>ScenarioRegistry</c> was emitted (it is not when no scenario file is valid).</param>
    public static string Emit(bool hasScenarios)
    {
        var writer = new CodeWriter();
        Header.Write(writer);
        writer.Open("namespace " + RuntimeNames.GeneratedNamespace);
        writer.Line("/// <summary>Everything this build compiled from YAML: modules, scenarios and attribute slots.</summary>");
        writer.Line(RuntimeNames.GeneratedCodeAttribute);
        writer.Open("public static class GeneratedCatalog");
        writer.Line("/// <summary>The catalog the CLI runs: <c>SyntheticPatientsCli.Run(args, GeneratedCatalog.Instance)</c>.</summary>");
        writer.Line("public static " + Catalog + " Instance { get; } = new " + Catalog + "(");
        writer.Indent();
        writer.Line("ModuleRegistry.All,");
        writer.Line(hasScenarios ? "ScenarioRegistry.All," : "global::System.Array.Empty<global::SyntheticPatients.Runtime.Scenarios.ScenarioDefinition>(),");
        writer.Line(hasScenarios ? "ScenarioRegistry.Default," : "null,");
        writer.Line("AttributeSlots.Names);");
        writer.Outdent();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    public static string EmitEntryPoint()
    {
        var writer = new CodeWriter();
        Header.Write(writer);
        writer.Open("namespace " + RuntimeNames.GeneratedNamespace);
        writer.Line("/// <summary>The program's entry point (" + EntryPointProperty + " is true): the synthpatients CLI over this build's modules.</summary>");
        writer.Line(RuntimeNames.GeneratedCodeAttribute);
        writer.Open("internal static class Program");
        writer.Line("public static int Main(string[] args) => global::SyntheticPatients.Cli.SyntheticPatientsCli.Run(args, GeneratedCatalog.Instance);");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
