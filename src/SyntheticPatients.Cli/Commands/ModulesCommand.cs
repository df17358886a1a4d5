using System.CommandLine;
using SyntheticPatients.Cli.Generation;
using SyntheticPatients.Cli.Schemas;
using SyntheticPatients.Language.Compilation;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Graphs;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Modules.Interpretation;

namespace SyntheticPatients.Cli;

/// <summary><c>synthpatients modules list|check|graph|schema</c>: the compiled library, run-time checks, Mermaid diagrams, JSON Schemas.</summary>
internal static class ModulesCommand
{
    public static Command Create(ModuleCatalog catalog)
    {
        var modules = new Command("modules", "Inspect, check and draw clinical modules.");
        modules.Subcommands.Add(List(catalog));
        modules.Subcommands.Add(Check(catalog));
        modules.Subcommands.Add(Graph(catalog));
        modules.Subcommands.Add(Schema());
        return modules;
    }

    private static Command List(ModuleCatalog catalog)
    {
        var list = new Command("list", "List the modules compiled into this build: name, states, description and sources.");
        list.SetAction(_ =>
        {
            foreach (var module in catalog.Modules)
            {
                Console.WriteLine($"{module.Name}  ({module.StateCount} states, {module.SourcePath})");
                if (module.Description.Length > 0) Console.WriteLine("    " + module.Description);
                if (module.Sources.Count > 0) Console.WriteLine("    sources: " + string.Join(", ", module.Sources));
            }
            Console.WriteLine($"{catalog.Modules.Count} modules");
            return 0;
        });
        return list;
    }

    private static Command Check(ModuleCatalog catalog)
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "Folder with modules/ (and optionally scenarios/, data/parameters/, data/terminology/), or a folder of module YAML files." };
        var terminology = TerminologyOption.Create();
        var check = new Command("check", "Check YAML modules at run time with the same diagnostics as the build, with the built-in parameters and terminology catalogs as generate --modules-dir uses them; exit code 1 on errors.") { directory, terminology };
        check.SetAction(parse =>
        {
            var root = parse.GetValue(directory)!;
            TerminologyMode mode;
            try
            {
                mode = TerminologyOption.Parse(parse.GetValue(terminology));
            }
            catch (InputException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return 2;
            }
            if (!root.Exists)
            {
                Console.Error.WriteLine($"{root.FullName}: folder not found.");
                return 2;
            }
            ModuleFiles files;
            try
            {
                files = ModuleFiles.Collect(root.FullName);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A symbolic link loop or an unreadable file: bad input, said once, like generate --modules-dir.
                Console.Error.WriteLine(ex.Message);
                return 2;
            }
            if (files.Files.Count == 0)
            {
                Console.Error.WriteLine($"{root.FullName}: no module YAML files (expected *.yaml under modules/).");
                return 2;
            }
            // The folder's files completed as generate --modules-dir completes them: same catalogs, parameters and call targets.
            var input = ModuleFrontEnd.Classify(files.Files);
            input.Terminology = mode;
            RuntimeInputs.Complete(input, catalog.Modules, catalog.AttributeNames);
            var result = ModuleFrontEnd.Compile(input);
            foreach (var diagnostic in result.Diagnostics) Console.WriteLine(files.Display(diagnostic));
            int errors = result.Diagnostics.Count(d => d.Level == DiagnosticLevel.Error);
            int warnings = result.Diagnostics.Count(d => d.Level == DiagnosticLevel.Warning);
            Console.WriteLine($"{result.Modules.Count} modules checked: {errors} errors, {warnings} warnings");
            return errors > 0 ? 1 : 0;
        });
        return check;
    }

    private static Command Graph(ModuleCatalog catalog)
    {
        var name = new Argument<string>("name") { Description = "Module name (see 'modules list') or a module YAML file." };
        var graph = new Command("graph", "Print a module's state machine as a Mermaid flowchart.") { name };
        graph.SetAction(parse =>
        {
            var target = parse.GetValue(name)!;
            if (File.Exists(target))
            {
                var file = ModuleFiles.Single(target);
                var result = ModuleFrontEnd.Compile(file.Files);
                var errors = result.Diagnostics.Where(d => d.Level == DiagnosticLevel.Error).ToList();
                if (errors.Count > 0 || result.Modules.Count == 0)
                {
                    foreach (var error in errors) Console.Error.WriteLine(file.Display(error));
                    return 2;
                }
                Console.Write(MermaidGraph.Build(result.Modules[0]));
                return 0;
            }
            var module = catalog.Find(target);
            if (module is null)
            {
                Console.Error.WriteLine($"Unknown module '{target}'. Run 'synthpatients modules list', or give a YAML file.");
                return 2;
            }
            Console.WriteLine(module.Graph);
            return 0;
        });
        return graph;
    }

    private static Command Schema()
    {
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Folder to write module.schema.json and scenario.schema.json into (default: the current folder)." };
        var schema = new Command("schema", "Write the JSON Schemas of module and scenario YAML, for completion and checks in editors (# yaml-language-server: $schema=...).") { output };
        schema.SetAction(parse =>
        {
            var folder = parse.GetValue(output)?.FullName ?? Directory.GetCurrentDirectory();
            try
            {
                foreach (var path in SchemaFiles.Write(folder)) Console.WriteLine(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine(ex.Message);
                return 2;
            }
            return 0;
        });
        return schema;
    }
}
