using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Runtime.Modules;

namespace SyntheticPatients.Cli;

/// <summary>
/// Collects the front-end's inputs from a folder as the build would see them: YAML under modules/, scenarios/ and
/// data/parameters/, CSV under data/terminology/. A folder with no modules/ inside is read as a folder of modules;
/// its files get a virtual modules/ segment (the front-end classifies by folder) which <see cref="Display"/> removes.
/// </summary>
internal sealed class ModuleFiles
{
    private const string Virtual = "/.modules-folder/modules";

    private readonly string _root;

    private ModuleFiles(string root, IReadOnlyList<(string Path, string Text)> files)
    {
        _root = root;
        Files = files;
    }

    public IReadOnlyList<(string Path, string Text)> Files { get; }

    public static ModuleFiles Collect(string root)
    {
        root = Path.GetFullPath(root);
        bool bare = !Directory.Exists(Path.Combine(root, "modules"));
        var files = new List<(string, string)>();
        foreach (var file in FolderWalker.Files(root, "*.*", recursive: true, IsBuildOrPackageFolder))
        {
            bool yaml = file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
            bool terminology = file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && file.Replace('\\', '/').Contains("/terminology/", StringComparison.Ordinal);
            if (!yaml && !terminology) continue;
            var path = bare && yaml ? root + Virtual + file.Substring(root.Length) : file;
            files.Add((path, yaml ? FolderWalker.ReadText(file) : FolderWalker.ReadTable(file)));
        }
        return new ModuleFiles(root, files);
    }

    /// <summary>bin/, obj/, node_modules/ and hidden folders hold copies and third-party files, not the user's modules.</summary>
    private static bool IsBuildOrPackageFolder(string folderName) => folderName is "bin" or "obj" or "node_modules" || folderName.StartsWith('.');

    public static ModuleFiles Single(string file)
    {
        var full = Path.GetFullPath(file);
        var root = Path.GetDirectoryName(full)!;
        return new ModuleFiles(root, new[] { (root + Virtual + full.Substring(root.Length), FolderWalker.ReadText(full)) });
    }

    /// <summary>A diagnostic as the user should read it: with the file's real path.</summary>
    public string Display(DiagnosticInfo diagnostic) => diagnostic.ToString().Replace(_root + Virtual, _root, StringComparison.Ordinal);
}
