using SyntheticPatients.Language.Compilation;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Parameters;
using SyntheticPatients.Language.Terminology;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>
/// Loads YAML modules at run time through the generator's front-end (same parser, binder, checks and diagnostics)
/// (<see cref="ModuleFrontEnd"/>) and runs the programs of the valid ones as <see cref="InterpretedModule"/>s. Folder layout: see <see cref="ModuleDirectory"/>.
/// A parameter file of the folder replaces the library's file of its domain (<c>asthma.yaml</c>); terminology rows of
/// the folder are added to the library's catalogs (<see cref="BuiltInData"/>), replacing rows with the same code.
/// </summary>
public static class RuntimeModuleLoader
{
    /// <summary>
    /// Loads every module of <paramref name="directory"/>. <paramref name="compiledModules"/> are the modules of this
    /// build (call targets and what may be replaced), <paramref name="compiledAttributeNames"/> their attribute slots.
    /// </summary>
    public static RuntimeModuleSet Load(string directory, IReadOnlyList<CompiledModule> compiledModules, IReadOnlyList<string> compiledAttributeNames)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"{directory}: folder not found.");
        var files = ModuleDirectory.Read(directory);
        return Load(files.Modules, files.Parameters, files.Terminology, compiledModules, compiledAttributeNames);
    }

    /// <summary>Loads modules from (path, text) pairs; parameters and terminology as in the folder form.</summary>
    public static RuntimeModuleSet Load(
        IReadOnlyList<(string Path, string Text)> moduleFiles,
        IReadOnlyList<(string Path, string Text)> parameterFiles,
        IReadOnlyList<(string Path, string Text)> terminologyFiles,
        IReadOnlyList<CompiledModule> compiledModules,
        IReadOnlyList<string> compiledAttributeNames)
    {
        ArgumentNullException.ThrowIfNull(compiledModules);
        ArgumentNullException.ThrowIfNull(compiledAttributeNames);
        var input = new FrontEndInput();
        input.Modules.AddRange(moduleFiles.OrderBy(f => f.Path, StringComparer.Ordinal));
        input.ParameterFiles.AddRange(Parameters(parameterFiles));
        input.TerminologyFiles.AddRange(Terminology(terminologyFiles));
        input.OtherModules.AddRange(Compiled(compiledModules, compiledAttributeNames));
        var result = ModuleFrontEnd.Compile(input);

        var slots = new AttributeSlotTable(compiledAttributeNames);
        if (result.HasErrors) return new RuntimeModuleSet(Array.Empty<InterpretedModule>(), result.Diagnostics, compiledModules, slots.Names);

        // New attribute names get slots after the compiled ones, ordinal like the generator's AttributeSlots.
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var summary in result.Summaries)
        {
            names.UnionWith(summary.AttributesSet);
            names.UnionWith(summary.AttributesRead.Select(a => a.Name));
        }
        foreach (var name in names) slots.SlotOf(name);

        var modules = result.Modules.Zip(result.Programs, (spec, program) => InterpretedModule.Create(spec, program, slots))
            .OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        var set = new RuntimeModuleSet(modules, result.Diagnostics, compiledModules, slots.Names);
        foreach (var module in modules) module.Link(set.Find);
        return set;
    }

    /// <summary>
    /// The compiled modules as summaries with no calls: calls to them are known and they set the compiled attributes.
    /// A run-time module of the same name replaces one (the front-end drops its summary).
    /// </summary>
    private static IEnumerable<ModuleSummary> Compiled(IReadOnlyList<CompiledModule> compiled, IReadOnlyList<string> compiledAttributeNames)
    {
        var attributes = new EquatableArray<string>(compiledAttributeNames.ToArray());
        return compiled.Select(module => new ModuleSummary(module.Name, "(compiled) " + module.SourcePath, SourceSpan.None, attributes,
            EquatableArray<AttributeTarget>.Empty, EquatableArray<AttributeTarget>.Empty));
    }

    /// <summary>The folder's parameter files, then the built-in domains the folder does not define.</summary>
    private static List<ParameterFileSyntax> Parameters(IReadOnlyList<(string Path, string Text)> files)
    {
        var read = files.Select(f => FrontEndStages.ReadParameterFile(FrontEndStages.ReadYaml(f.Path, f.Text))).ToList();
        var domains = new HashSet<string>(read.Select(f => f.Domain), StringComparer.Ordinal);
        var builtIn = BuiltInData.ParameterFiles().Select(f => FrontEndStages.ReadParameterFile(FrontEndStages.ReadYaml(f.Path, f.Text)));
        read.AddRange(builtIn.Where(f => !domains.Contains(f.Domain)));
        return read;
    }

    /// <summary>
    /// The built-in catalogs plus the folder's rows. A folder row wins over the built-in row of the same code, so the
    /// one row SPM0023 asks for is enough, and a folder holding a copy of the library's catalogs loads as well.
    /// </summary>
    private static List<TerminologyFileSyntax> Terminology(IReadOnlyList<(string Path, string Text)> files)
    {
        var read = files.Select(f => FrontEndStages.ReadTerminologyFile(f.Path, f.Text)).ToList();
        var folderCodes = new HashSet<(string?, string)>(read.SelectMany(f => f.Entries.Select(e => (f.System, e.Code))));
        var builtIn = BuiltInData.TerminologyFiles().Select(f => FrontEndStages.ReadTerminologyFile(f.Path, f.Text));
        read.AddRange(builtIn.Select(f => f with { Entries = f.Entries.Where(e => !folderCodes.Contains((f.System, e.Code))).ToEquatableArray() }));
        return read;
    }
}
