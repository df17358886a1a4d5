using System.Collections.Generic;
using SyntheticPatients.Language.Binding;
using SyntheticPatients.Language.Checking;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Parameters;
using SyntheticPatients.Language.Terminology;
using SyntheticPatients.Language.Text;
using SyntheticPatients.Language.Yaml;

namespace SyntheticPatients.Language.Compilation;

/// <summary>
/// The per-module front-end step shared by the source generator and the run-time loader:
/// bind the YAML tree (resolving parameters), then run the single-module semantic checks.
/// </summary>
public static class ModuleCompiler
{
    public static ModuleCompilation Compile(YamlDocumentSyntax document, ParameterSet parameters)
        => Compile(document, parameters, TerminologyCatalog.Empty);

    /// <summary>Binds and checks a module, including its codes against the terminology catalogs (SPM0023, SPM0024).</summary>
    public static ModuleCompilation Compile(YamlDocumentSyntax document, ParameterSet parameters, TerminologyCatalog terminology)
    {
        var bound = ModuleBinder.Bind(document, parameters);
        if (bound.Spec is null) return new ModuleCompilation(null, bound.Diagnostics);
        var diagnostics = new List<DiagnosticInfo>(bound.Diagnostics);
        var checks = new List<DiagnosticInfo>(ModuleChecker.Check(bound.Spec));
        checks.AddRange(TerminologyChecker.Check(bound.Spec, terminology));
        diagnostics.AddRange(DiagnosticOrder.Sort(checks));
        return new ModuleCompilation(bound.Spec, diagnostics.ToEquatableArray());
    }

    /// <summary>Builds the terminology catalog from every catalog file, keeping their diagnostics.</summary>
    public static (TerminologyCatalog Catalog, EquatableArray<DiagnosticInfo> Diagnostics) BuildTerminology(IEnumerable<TerminologyFileSyntax> files)
        => TerminologyCatalogBuilder.Build(files);

    /// <summary>Builds the parameter set from every parameters file, keeping their diagnostics.</summary>
    public static (ParameterSet Parameters, EquatableArray<DiagnosticInfo> Diagnostics) BuildParameters(IEnumerable<ParameterFileSyntax> files)
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
}

/// <summary>A compiled module: its model (null when it could not be built) and every diagnostic found.</summary>
public sealed record ModuleCompilation(ModuleSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool HasErrors
    {
        get
        {
            foreach (var diagnostic in Diagnostics)
            {
                if (diagnostic.Level == DiagnosticLevel.Error) return true;
            }
            return false;
        }
    }
}
