using System;
using System.Collections.Generic;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Lowering;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Parameters;
using SyntheticPatients.Language.Scenarios;
using SyntheticPatients.Language.Terminology;
using SyntheticPatients.Language.Text;
using SyntheticPatients.Language.Yaml;

namespace SyntheticPatients.Language.Compilation;

/// <summary>
/// The whole front-end over a set of files, for callers outside the compiler (`modules check`, the run-time module
/// loader, tests): the <see cref="FrontEndStages"/> in the order the source generator's pipeline runs them.
/// </summary>
public static class ModuleFrontEnd
{
    /// <summary>Compiles files classified by folder (modules/, scenarios/, parameters/, data/terminology/).</summary>
    public static FrontEndResult Compile(IEnumerable<(string Path, string Text)> files) => Compile(Classify(files));

    /// <summary>The input of files classified by folder (modules/, scenarios/, parameters/, data/terminology/), to complete before compiling.</summary>
    public static FrontEndInput Classify(IEnumerable<(string Path, string Text)> files)
    {
        var input = new FrontEndInput();
        foreach (var (path, text) in files)
        {
            switch (FileKinds.Classify(path))
            {
                case YamlFileKind.Module:
                    input.Modules.Add((path, text));
                    break;
                case YamlFileKind.Parameters:
                    input.ParameterFiles.Add(FrontEndStages.ReadParameterFile(FrontEndStages.ReadYaml(path, text)));
                    break;
                case YamlFileKind.Scenario:
                    input.Scenarios.Add((path, text));
                    break;
                case YamlFileKind.Terminology:
                    input.TerminologyFiles.Add(FrontEndStages.ReadTerminologyFile(path, text));
                    break;
            }
        }
        return input;
    }

    /// <summary>Compiles modules and scenarios with the given parameter and terminology files, in the generator's order.</summary>
    public static FrontEndResult Compile(FrontEndInput input)
    {
        if (input is null) throw new ArgumentNullException(nameof(input));
        var diagnostics = new List<DiagnosticInfo>();
        var (parameters, parameterDiagnostics) = FrontEndStages.CollectParameters(input.ParameterFiles);
        diagnostics.AddRange(parameterDiagnostics);
        var (terminology, terminologyDiagnostics) = FrontEndStages.CollectTerminology(input.TerminologyFiles);
        diagnostics.AddRange(terminologyDiagnostics);

        var compilations = new List<ModuleCompilation>();
        var summaries = new List<ModuleSummary>();
        foreach (var (path, text) in input.Modules)
        {
            var compilation = FrontEndStages.CompileModule(FrontEndStages.ReadYaml(path, text), parameters, terminology, input.Terminology);
            diagnostics.AddRange(compilation.Diagnostics);
            if (compilation.Spec is null) continue;
            compilations.Add(compilation);
            summaries.Add(FrontEndStages.Summarize(compilation.Spec));
        }
        // A module of the input replaces a module of the same name that exists elsewhere.
        var known = new List<ModuleSummary>(summaries);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var summary in summaries) names.Add(summary.Name);
        foreach (var other in input.OtherModules)
        {
            if (!names.Contains(other.Name)) known.Add(other);
        }
        diagnostics.AddRange(FrontEndStages.CheckAcrossModules(known));

        // Scenarios after modules: their module lists are checked against the modules just compiled.
        var moduleNames = new List<string>();
        foreach (var summary in known) moduleNames.Add(summary.Name);
        var scenarios = new List<ScenarioSpec>();
        foreach (var (path, text) in input.Scenarios)
        {
            var scenario = ScenarioFrontEnd.Compile(path, text, parameters, moduleNames);
            diagnostics.AddRange(scenario.Diagnostics);
            if (scenario.Spec is not null) scenarios.Add(scenario.Spec);
        }
        diagnostics.AddRange(ScenarioFrontEnd.CheckNames(scenarios));

        var modules = new List<ModuleSpec>();
        var programs = new List<ModuleProgram>();
        foreach (var compilation in compilations)
        {
            modules.Add(compilation.Spec!);
            if (!compilation.HasErrors) programs.Add(FrontEndStages.Lower(compilation.Spec!));
        }
        return new FrontEndResult(modules, summaries, diagnostics, scenarios) { Programs = programs };
    }
}

/// <summary>
/// What <see cref="ModuleFrontEnd.Compile(FrontEndInput)"/> compiles: module and scenario texts, the parameter and
/// terminology files already read, and summaries of modules that exist elsewhere (the compiled modules a run-time
/// module may call); an input module with the name of one of those replaces it.
/// </summary>
public sealed class FrontEndInput
{
    public List<(string Path, string Text)> Modules { get; } = new();

    public List<(string Path, string Text)> Scenarios { get; } = new();

    public List<ParameterFileSyntax> ParameterFiles { get; } = new();

    public List<TerminologyFileSyntax> TerminologyFiles { get; } = new();

    /// <summary>The terminology setting of the project or command line (<see cref="TerminologyPolicy"/>); a module's own key wins.</summary>
    public TerminologyMode Terminology { get; set; } = TerminologyMode.Default;

    public List<ModuleSummary> OtherModules { get; } = new();
}

/// <summary>
/// The front-end's output: every module that could be bound, its summary, every diagnostic, the scenarios, and the
/// programs of the modules without errors.
/// </summary>
public sealed record FrontEndResult(IReadOnlyList<ModuleSpec> Modules, IReadOnlyList<ModuleSummary> Summaries, IReadOnlyList<DiagnosticInfo> Diagnostics, IReadOnlyList<ScenarioSpec> Scenarios)
{
    public IReadOnlyList<ModuleProgram> Programs { get; init; } = Array.Empty<ModuleProgram>();

    public bool HasErrors => DiagnosticInfo.AnyError(Diagnostics);
}
