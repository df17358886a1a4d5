using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Modules.Interpretation;

namespace SyntheticPatients.Cli.Generation;

/// <summary>
/// <c>--modules-dir</c>: loads the folder's YAML modules through the module front-end and interpreter. Any error is bad
/// input: every diagnostic (<c>file(line,col): error SPM...</c>) in one message, exit code 2, nothing written.
/// </summary>
internal static class RuntimeModules
{
    /// <summary>The folder's modules, or null without --modules-dir.</summary>
    public static RuntimeModuleSet? Load(RunOptions options, ModuleCatalog catalog)
    {
        var directory = options.ModulesDirectory;
        if (directory is null)
        {
            if (options.RuntimeModulesOnly) throw new InputException("--runtime-modules-only needs --modules-dir <folder>.");
            return null;
        }
        if (!Directory.Exists(directory)) throw new InputException($"{directory}: modules folder not found.");
        RuntimeModuleSet set;
        try
        {
            set = RuntimeModuleLoader.Load(directory, catalog.Modules, catalog.AttributeNames, options.Terminology);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{directory}: {ex.Message}");
        }
        if (set.HasErrors) throw new InputException(string.Join(Environment.NewLine, set.Diagnostics));
        if (set.Modules.Count == 0) throw new InputException($"{directory}: no module YAML files (expected *.yaml under modules/, or in the folder itself).");
        return set;
    }

    /// <summary>The manifest options of --modules-dir (none without it, so other runs' manifests are unchanged): the folder as given.</summary>
    public static IDictionary<string, string> ManifestOptions(RunOptions options)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        if (options.ModulesDirectory is not null) entries["modules_dir"] = options.ModulesDirectory.Replace('\\', '/');
        if (options.RuntimeModulesOnly) entries["runtime_modules_only"] = "true";
        return entries;
    }

    /// <summary>Warnings on stderr, then one line per compiled module a run-time module replaces.</summary>
    public static void Announce(RuntimeModuleSet set)
    {
        foreach (var warning in set.Diagnostics.Where(d => d.Level != DiagnosticLevel.Error)) Console.Error.WriteLine(warning);
        foreach (var module in set.Replaced) Console.WriteLine($"module '{module.Name}' from {module.FilePath} replaces the compiled module");
    }
}
