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
/// The whole front-end over a set of files, for callers outside the compiler (the run-time module loader,
/// `modules check`, tests): the same steps, in the same order, as the source generator's pipeline. Terminology
/// catalogs (<c>data/terminology/*.csv</c>) among the files are read and the modules' codes checked against them.
/// </summary>
public static class ModuleFrontEnd
{
    public static FrontEndResult Compile(IEnumerable<(string Path, string Text)> files)
    {
        var moduleDocuments = new List<YamlDocumentSyntax>();
        var scenarioFiles = new List<(string Path, string Text)>();
        var parameterFiles = new List<ParameterFileSyntax>();
        var terminologyFiles = new List<TerminologyFileSyntax>();
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var (path, text) in files)
        {
            switch (FileKinds.Classify(path))
            {
                case YamlFileKind.Module:
                    moduleDocuments.Add(YamlTreeReader.Read(path, text));
                    break;
                case YamlFileKind.Parameters:
                    parameterFiles.Add(ParameterFileReader.Read(YamlTreeReader.Read(path, text)));
                    break;
                case YamlFileKind.Scenario:
                    scenarioFiles.Add((path, text));
                    break;
                case YamlFileKind.Terminology:
                    terminologyFiles.Add(TerminologyFileReader.Read(path, text));
                    break;
            }
        }

        var (parameters, parameterDiagnostics) = ModuleCompiler.BuildParameters(parameterFiles);
        diagnostics.AddRange(parameterDiagnostics);
        var (terminology, terminologyDiagnostics) = ModuleCompiler.BuildTerminology(terminologyFiles);
        diagnostics.AddRange(terminologyDiagnostics);
        var modules = new List<ModuleSpec>();
        var summaries = new List<ModuleSummary>();
        foreach (var document in moduleDocuments)
        {
            var compilation = ModuleCompiler.Compile(document, parameters, terminology);
            diagnostics.AddRange(compilation.Diagnostics);
            if (compilation.Spec is null) continue;
            modules.Add(compilation.Spec);
            summaries.Add(SummaryBuilder.Build(compilation.Spec));
        }
        diagnostics.AddRange(CrossModuleChecker.Check(summaries));

        // Scenarios after modules: their module lists are checked against the modules just compiled.
        var moduleNames = new List<string>();
        foreach (var summary in summaries) moduleNames.Add(summary.Name);
        var scenarios = new List<Scenarios.ScenarioSpec>();
        foreach (var (path, text) in scenarioFiles)
        {
            var scenario = Scenarios.ScenarioFrontEnd.Compile(path, text, parameters, moduleNames);
            diagnostics.AddRange(scenario.Diagnostics);
            if (scenario.Spec is not null) scenarios.Add(scenario.Spec);
        }
        diagnostics.AddRange(Scenarios.ScenarioFrontEnd.CheckNames(scenarios));
        return new FrontEndResult(modules, summaries, diagnostics, scenarios);
    }
}

public sealed record FrontEndResult(IReadOnlyList<ModuleSpec> Modules, IReadOnlyList<ModuleSummary> Summaries, IReadOnlyList<DiagnosticInfo> Diagnostics, IReadOnlyList<Scenarios.ScenarioSpec> Scenarios);
