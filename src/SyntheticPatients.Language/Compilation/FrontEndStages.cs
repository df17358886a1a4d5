using System.Collections.Generic;
using SyntheticPatients.Language.Binding;
using SyntheticPatients.Language.Checking;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Lowering;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Parameters;
using SyntheticPatients.Language.Terminology;
using SyntheticPatients.Language.Text;
using SyntheticPatients.Language.Yaml;

namespace SyntheticPatients.Language.Compilation;

/// <summary>
/// The front-end's stages, each a pure function of equatable values. The source generator wires each stage into an
/// incremental step of the same name (TrackingNames); <see cref="ModuleFrontEnd"/> runs them in sequence for
/// `modules check` and the run-time loader. So every consumer reads, binds, checks and lowers a module the same way.
/// <list type="number">
/// <item><see cref="ReadYaml"/>, <see cref="ReadParameterFile"/>, <see cref="ReadTerminologyFile"/>: one file each.</item>
/// <item><see cref="CollectParameters"/>, <see cref="CollectTerminology"/>: every file of a kind into one set.</item>
/// <item><see cref="CompileModule"/>: bind a module with the parameters, then the single-module checks.</item>
/// <item><see cref="Summarize"/> and <see cref="CheckAcrossModules"/>: what modules say about each other.</item>
/// <item><see cref="Lower"/>: a module without errors into the program both engines run.</item>
/// </list>
/// Scenarios have their stages in <see cref="Scenarios.ScenarioFrontEnd"/>.
/// </summary>
public static class FrontEndStages
{
    public static YamlDocumentSyntax ReadYaml(string path, string text) => YamlTreeReader.Read(path, text);

    public static ParameterFileSyntax ReadParameterFile(YamlDocumentSyntax document) => ParameterFileReader.Read(document);

    public static TerminologyFileSyntax ReadTerminologyFile(string path, string text) => TerminologyFileReader.Read(path, text);

    /// <summary>The parameter set of every parameters file, keeping their diagnostics.</summary>
    public static (ParameterSet Parameters, EquatableArray<DiagnosticInfo> Diagnostics) CollectParameters(IEnumerable<ParameterFileSyntax> files)
    {
        var entries = new List<ParameterEntry>();
        var domains = new List<string>();
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var file in files)
        {
            domains.Add(file.Domain);
            entries.AddRange(file.Entries);
            diagnostics.AddRange(file.Diagnostics);
        }
        return (ParameterSet.Create(entries, domains), diagnostics.ToEquatableArray());
    }

    /// <summary>The terminology catalog of every catalog file, keeping their diagnostics.</summary>
    public static (TerminologyCatalog Catalog, EquatableArray<DiagnosticInfo> Diagnostics) CollectTerminology(IEnumerable<TerminologyFileSyntax> files)
        => TerminologyCatalogBuilder.Build(files);

    /// <summary>
    /// Binds a module (resolving parameters) and checks it, codes included (SPM0023, SPM0024). <paramref name="terminologyMode"/>
    /// is the project's setting (<see cref="TerminologyPolicy"/>); a module's own <c>terminology:</c> key wins.
    /// </summary>
    public static ModuleCompilation CompileModule(YamlDocumentSyntax document, ParameterSet parameters, TerminologyCatalog terminology,
        TerminologyMode terminologyMode = TerminologyMode.Default)
    {
        var bound = ModuleBinder.Bind(document, parameters);
        if (bound.Spec is null) return new ModuleCompilation(null, bound.Diagnostics);
        var diagnostics = new List<DiagnosticInfo>(bound.Diagnostics);
        var checks = new List<DiagnosticInfo>(ModuleChecker.Check(bound.Spec));
        checks.AddRange(TerminologyChecker.Check(bound.Spec, terminology, terminologyMode));
        diagnostics.AddRange(DiagnosticOrder.Sort(checks));
        return new ModuleCompilation(bound.Spec, diagnostics.ToEquatableArray());
    }

    /// <summary>What other modules need to know of a module: its name, attributes and calls.</summary>
    public static ModuleSummary Summarize(ModuleSpec spec) => SummaryBuilder.Build(spec);

    /// <summary>Duplicate names, unknown or cyclic calls, attributes read but never set.</summary>
    public static EquatableArray<DiagnosticInfo> CheckAcrossModules(IReadOnlyList<ModuleSummary> summaries)
        => CrossModuleChecker.Check(summaries).ToEquatableArray();

    /// <summary>The program of a module the checks passed.</summary>
    public static ModuleProgram Lower(ModuleSpec spec) => ModuleLowering.Lower(spec);
}

/// <summary>A compiled module: its model (null when it could not be built) and every diagnostic found.</summary>
public sealed record ModuleCompilation(ModuleSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool HasErrors => DiagnosticInfo.AnyError(Diagnostics);
}
