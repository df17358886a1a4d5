using System;
using System.Collections.Generic;
using System.Globalization;
using SyntheticPatients.Language.Checking;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Parameters;
using SyntheticPatients.Language.Text;
using SyntheticPatients.Language.Yaml;

namespace SyntheticPatients.Language.Scenarios;

/// <summary>
/// The scenario front-end shared by the source generator (built-in scenarios under scenarios/) and the run-time
/// loader (<c>--scenario-file</c>): read the YAML, bind it with the parameter set, then check the module names.
/// The same steps give the same diagnostics in both places.
/// </summary>
public static class ScenarioFrontEnd
{
    /// <summary>Compiles one scenario file: the model (null when unusable) and every diagnostic, in file order.</summary>
    public static ScenarioCompilation Compile(string path, string text, ParameterSet parameters, IEnumerable<string> knownModuleNames)
    {
        var bound = ScenarioBinder.Bind(YamlTreeReader.Read(path, text), parameters);
        var diagnostics = new List<DiagnosticInfo>(bound.Diagnostics);
        if (bound.Spec is not null) diagnostics.AddRange(CheckModules(bound.Spec, knownModuleNames));
        return new ScenarioCompilation(bound.Spec, DiagnosticOrder.Sort(diagnostics).ToEquatableArray());
    }

    /// <summary>SPM0014 for each module the scenario lists that is not among <paramref name="knownModuleNames"/>.</summary>
    public static EquatableArray<DiagnosticInfo> CheckModules(ScenarioSpec spec, IEnumerable<string> knownModuleNames)
    {
        var known = new HashSet<string>(knownModuleNames, StringComparer.Ordinal);
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var module in spec.Modules)
        {
            if (known.Contains(module.Name)) continue;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.UnknownSubmodule, spec.FilePath, module.Span,
                module.Name, Spelling.Hint(module.Name, known)));
        }
        return diagnostics.ToEquatableArray();
    }

    /// <summary>SPM0022 for each scenario whose name an earlier one (by file path) already has.</summary>
    public static EquatableArray<DiagnosticInfo> CheckNames(IEnumerable<ScenarioSpec> scenarios)
    {
        var ordered = new List<ScenarioSpec>(scenarios);
        ordered.Sort(static (a, b) => string.CompareOrdinal(a.FilePath, b.FilePath));
        var first = new Dictionary<string, ScenarioSpec>(StringComparer.Ordinal);
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var scenario in ordered)
        {
            if (first.TryGetValue(scenario.Name, out var earlier))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.DuplicateScenario, scenario.FilePath, scenario.NameSpan, scenario.Name,
                    $"{FileKinds.Display(earlier.FilePath)} (line {earlier.NameSpan.Line.ToString(CultureInfo.InvariantCulture)})"));
                continue;
            }
            first.Add(scenario.Name, scenario);
        }
        return diagnostics.ToEquatableArray();
    }

    /// <summary>
    /// The scenarios a registry lists: those without errors, one per name (the first by file path), ordinal by name.
    /// </summary>
    public static List<ScenarioSpec> Registrable(IEnumerable<ScenarioCompilation> compilations)
    {
        var candidates = new List<ScenarioSpec>();
        foreach (var compilation in compilations)
        {
            if (compilation.Spec is not null && !compilation.HasErrors) candidates.Add(compilation.Spec);
        }
        candidates.Sort(static (a, b) => string.CompareOrdinal(a.FilePath, b.FilePath));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<ScenarioSpec>();
        foreach (var spec in candidates)
        {
            if (seen.Add(spec.Name)) result.Add(spec);
        }
        result.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return result;
    }
}
