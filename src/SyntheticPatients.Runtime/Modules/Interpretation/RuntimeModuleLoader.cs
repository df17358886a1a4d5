using SyntheticPatients.Language.Binding;
using SyntheticPatients.Language.Checking;
using SyntheticPatients.Language.Compilation;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Parameters;
using SyntheticPatients.Language.Terminology;
using SyntheticPatients.Language.Text;
using SyntheticPatients.Language.Yaml;

namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>
/// Loads YAML modules at run time through the generator's front-end (same parser, binder, checks and diagnostics)
/// and lowers the valid ones into <see cref="InterpretedModule"/>s. Folder layout: see <see cref="ModuleDirectory"/>.
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
        var diagnostics = new List<DiagnosticInfo>();
        var parameters = Parameters(parameterFiles, diagnostics);
        var terminology = Terminology(terminologyFiles, diagnostics);

        var specs = new List<ModuleSpec>();
        foreach (var (path, text) in moduleFiles.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var compilation = ModuleCompiler.Compile(YamlTreeReader.Read(path, text), parameters, terminology);
            diagnostics.AddRange(compilation.Diagnostics);
            if (compilation.Spec is not null) specs.Add(compilation.Spec);
        }
        var summaries = specs.Select(SummaryBuilder.Build).ToList();
        diagnostics.AddRange(CrossModuleChecker.Check(WithCompiled(summaries, compiledModules, compiledAttributeNames)));

        var slots = new AttributeSlotTable(compiledAttributeNames);
        if (diagnostics.Any(d => d.Level == DiagnosticLevel.Error)) return new RuntimeModuleSet(Array.Empty<InterpretedModule>(), diagnostics, compiledModules, slots.Names);

        // New attribute names get slots after the compiled ones, ordinal like the generator's AttributeSlots.
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var summary in summaries)
        {
            names.UnionWith(summary.AttributesSet);
            names.UnionWith(summary.AttributesRead.Select(a => a.Name));
        }
        foreach (var name in names) slots.SlotOf(name);

        var modules = specs.Select(spec => InterpretedModule.Create(spec, slots)).OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        var set = new RuntimeModuleSet(modules, diagnostics, compiledModules, slots.Names);
        foreach (var module in modules) module.Link(set.Find);
        return set;
    }

    /// <summary>
    /// The compiled modules that are not replaced, as summaries with no calls: calls to them are known, they set the
    /// compiled attributes, and they cannot clash with a run-time module of the same name (that one replaces them).
    /// </summary>
    private static List<ModuleSummary> WithCompiled(List<ModuleSummary> summaries, IReadOnlyList<CompiledModule> compiled, IReadOnlyList<string> compiledAttributeNames)
    {
        var all = new List<ModuleSummary>(summaries);
        var runtime = new HashSet<string>(summaries.Select(s => s.Name), StringComparer.Ordinal);
        var attributes = new EquatableArray<string>(compiledAttributeNames.ToArray());
        foreach (var module in compiled)
        {
            if (runtime.Contains(module.Name)) continue;
            all.Add(new ModuleSummary(module.Name, "(compiled) " + module.SourcePath, SourceSpan.None, attributes,
                EquatableArray<AttributeTarget>.Empty, EquatableArray<AttributeTarget>.Empty));
            attributes = EquatableArray<string>.Empty; // once is enough
        }
        return all;
    }

    /// <summary>The folder's parameter files, then the built-in domains the folder does not define.</summary>
    private static ParameterSet Parameters(IReadOnlyList<(string Path, string Text)> files, List<DiagnosticInfo> diagnostics)
    {
        var read = files.Select(f => ParameterFileReader.Read(YamlTreeReader.Read(f.Path, f.Text))).ToList();
        var domains = new HashSet<string>(read.Select(f => f.Domain), StringComparer.Ordinal);
        var builtIn = BuiltInData.ParameterFiles().Select(f => ParameterFileReader.Read(YamlTreeReader.Read(f.Path, f.Text)));
        read.AddRange(builtIn.Where(f => !domains.Contains(f.Domain)));
        var (parameters, parameterDiagnostics) = ModuleCompiler.BuildParameters(read);
        diagnostics.AddRange(parameterDiagnostics);
        return parameters;
    }

    /// <summary>
    /// The built-in catalogs plus the folder's rows. A folder row wins over the built-in row of the same code, so the
    /// one row SPM0023 asks for is enough, and a folder holding a copy of the library's catalogs loads as well.
    /// </summary>
    private static TerminologyCatalog Terminology(IReadOnlyList<(string Path, string Text)> files, List<DiagnosticInfo> diagnostics)
    {
        var read = files.Select(f => TerminologyFileReader.Read(f.Path, f.Text)).ToList();
        var folderCodes = new HashSet<(string?, string)>(read.SelectMany(f => f.Entries.Select(e => (f.System, e.Code))));
        var builtIn = BuiltInData.TerminologyFiles().Select(f => TerminologyFileReader.Read(f.Path, f.Text));
        read.AddRange(builtIn.Select(f => f with { Entries = f.Entries.Where(e => !folderCodes.Contains((f.System, e.Code))).ToEquatableArray() }));
        var (catalog, terminologyDiagnostics) = ModuleCompiler.BuildTerminology(read);
        diagnostics.AddRange(terminologyDiagnostics);
        return catalog;
    }
}
