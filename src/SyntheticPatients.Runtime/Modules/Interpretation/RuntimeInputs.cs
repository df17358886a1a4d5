using SyntheticPatients.Language.Compilation;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Parameters;
using SyntheticPatients.Language.Terminology;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>
/// What a run-time folder is compiled with, beside its own files: the library's parameter files and terminology
/// catalogs (<see cref="BuiltInData"/>) and the compiled modules a folder module may call. <c>modules check</c> and
/// <c>generate --modules-dir</c> both complete their input here, so the same folder gets the same diagnostics.
/// </summary>
public static class RuntimeInputs
{
    /// <summary>
    /// Adds to <paramref name="input"/> (the folder's files, already read) the built-in parameter domains the folder does
    /// not define, the built-in catalog rows the folder does not override, and the compiled modules as call targets.
    /// </summary>
    public static void Complete(FrontEndInput input, IReadOnlyList<CompiledModule> compiledModules, IReadOnlyList<string> compiledAttributeNames)
    {
        ArgumentNullException.ThrowIfNull(input);
        var parameters = WithBuiltInParameters(input.ParameterFiles);
        input.ParameterFiles.Clear();
        input.ParameterFiles.AddRange(parameters);
        var terminology = WithBuiltInTerminology(input.TerminologyFiles);
        input.TerminologyFiles.Clear();
        input.TerminologyFiles.AddRange(terminology);
        input.OtherModules.AddRange(Compiled(compiledModules, compiledAttributeNames));
    }

    /// <summary>The folder's parameter files, then the built-in domains the folder does not define.</summary>
    private static List<ParameterFileSyntax> WithBuiltInParameters(IReadOnlyList<ParameterFileSyntax> folder)
    {
        var read = folder.ToList();
        var domains = new HashSet<string>(read.Select(f => f.Domain), StringComparer.Ordinal);
        var builtIn = BuiltInData.ParameterFiles().Select(f => FrontEndStages.ReadParameterFile(FrontEndStages.ReadYaml(f.Path, f.Text)));
        read.AddRange(builtIn.Where(f => !domains.Contains(f.Domain)));
        return read;
    }

    /// <summary>
    /// The folder's catalog rows plus the built-in ones. A folder row wins over the built-in row of the same code, so the
    /// one row SPM0023 asks for is enough, and a folder holding a copy of the library's catalogs loads as well.
    /// </summary>
    private static List<TerminologyFileSyntax> WithBuiltInTerminology(IReadOnlyList<TerminologyFileSyntax> folder)
    {
        var read = folder.ToList();
        var folderCodes = new HashSet<(string?, string)>(read.SelectMany(f => f.Entries.Select(e => (f.System, e.Code))));
        var builtIn = BuiltInData.TerminologyFiles().Select(f => FrontEndStages.ReadTerminologyFile(f.Path, f.Text));
        read.AddRange(builtIn.Select(f => f with { Entries = f.Entries.Where(e => !folderCodes.Contains((f.System, e.Code))).ToEquatableArray() }));
        return read;
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
}
