namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>
/// The files of a run-time module folder: modules from <c>&lt;dir&gt;/modules/</c> when it exists (else every YAML
/// file of the folder outside <c>data/</c>), parameter files from <c>&lt;dir&gt;/data/parameters/</c> and terminology
/// catalogs from <c>&lt;dir&gt;/data/terminology/</c>. bin/, obj/, node_modules/ and hidden folders are skipped;
/// symbolic link loops and oversized files are bounded by <see cref="FolderWalker"/>.
/// Paths keep the folder as the caller gave it, so diagnostics read <c>dir/modules/x.yaml(3,5)</c>.
/// </summary>
internal sealed record ModuleDirectory(
    IReadOnlyList<(string Path, string Text)> Modules,
    IReadOnlyList<(string Path, string Text)> Parameters,
    IReadOnlyList<(string Path, string Text)> Terminology)
{
    public static ModuleDirectory Read(string directory)
    {
        var modulesFolder = Path.Combine(directory, "modules");
        bool nested = Directory.Exists(modulesFolder);
        var modules = Files(nested ? modulesFolder : directory, "*.y*ml", recursive: true)
            .Where(path => IsYaml(path) && (nested || !IsUnder(directory, path, "data")))
            .ToList();
        var parameters = Files(Path.Combine(directory, "data", "parameters"), "*.y*ml", recursive: true).Where(IsYaml).ToList();
        var terminology = Files(Path.Combine(directory, "data", "terminology"), "*.csv", recursive: false).ToList();
        return new ModuleDirectory(ReadAll(modules), ReadAll(parameters), terminology.Select(path => (path, FolderWalker.ReadTable(path))).ToList());
    }

    private static IEnumerable<string> Files(string folder, string pattern, bool recursive)
        => FolderWalker.Files(folder, pattern, recursive, IsSkipped);

    private static bool IsYaml(string path)
        => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static bool IsUnder(string root, string path, string folder)
        => Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0] == folder;

    /// <summary>bin/, obj/, node_modules/ and hidden folders hold copies and third-party files, not the user's modules.</summary>
    private static bool IsSkipped(string folderName) => folderName is "bin" or "obj" or "node_modules" || folderName.StartsWith('.');

    private static List<(string Path, string Text)> ReadAll(IEnumerable<string> paths) => paths.Select(path => (path, FolderWalker.ReadText(path))).ToList();
}
