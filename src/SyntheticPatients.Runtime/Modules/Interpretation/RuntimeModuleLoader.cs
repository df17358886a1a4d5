using SyntheticPatients.Language.Compilation;
using SyntheticPatients.Language.Model;

namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>
/// Loads YAML modules at run time through the generator's front-end (same parser, binder, checks and diagnostics)
/// (<see cref="ModuleFrontEnd"/>) and runs the programs of the valid ones as <see cref="InterpretedModule"/>s. Folder layout: see <see cref="ModuleDirectory"/>.
/// The folder's files are completed with the library's parameters and catalogs by <see cref="RuntimeInputs"/>, as
/// <c>modules check</c> does.
/// </summary>
public static class RuntimeModuleLoader
{
    /// <summary>
    /// Loads every module of <paramref name="directory"/>. <paramref name="compiledModules"/> are the modules of this
    /// build (call targets and what may be replaced), <paramref name="compiledAttributeNames"/> their attribute slots,
    /// <paramref name="terminology"/> the --terminology setting (strict or compat; a module's own key wins).
    /// </summary>
    public static RuntimeModuleSet Load(string directory, IReadOnlyList<CompiledModule> compiledModules, IReadOnlyList<string> compiledAttributeNames,
        TerminologyMode terminology = TerminologyMode.Default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"{directory}: folder not found.");
        var files = ModuleDirectory.Read(directory);
        return Load(files.Modules, files.Parameters, files.Terminology, compiledModules, compiledAttributeNames, terminology);
    }

    /// <summary>Loads modules from (path, text) pairs; parameters and terminology as in the folder form.</summary>
    public static RuntimeModuleSet Load(
        IReadOnlyList<(string Path, string Text)> moduleFiles,
        IReadOnlyList<(string Path, string Text)> parameterFiles,
        IReadOnlyList<(string Path, string Text)> terminologyFiles,
        IReadOnlyList<CompiledModule> compiledModules,
        IReadOnlyList<string> compiledAttributeNames,
        TerminologyMode terminology = TerminologyMode.Default)
    {
        ArgumentNullException.ThrowIfNull(compiledModules);
        ArgumentNullException.ThrowIfNull(compiledAttributeNames);
        var input = new FrontEndInput { Terminology = terminology };
        input.Modules.AddRange(moduleFiles.OrderBy(f => f.Path, StringComparer.Ordinal));
        input.ParameterFiles.AddRange(parameterFiles.Select(f => FrontEndStages.ReadParameterFile(FrontEndStages.ReadYaml(f.Path, f.Text))));
        input.TerminologyFiles.AddRange(terminologyFiles.Select(f => FrontEndStages.ReadTerminologyFile(f.Path, f.Text)));
        RuntimeInputs.Complete(input, compiledModules, compiledAttributeNames);
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
}
