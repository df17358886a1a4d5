using SyntheticPatients.Language.Diagnostics;

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
        foreach (var file in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (IsBuildOrPackageFolder(root, file)) continue;
            bool yaml = file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
            bool terminology = file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && file.Replace('\\', '/').Contains("/terminology/", StringComparison.Ordinal);
            if (!yaml && !terminology) continue;
            var path = bare && yaml ? root + Virtual + file.Substring(root.Length) : file;
            files.Add((path, File.ReadAllText(file)));
        }
        return new ModuleFiles(root, files);
    }

    /// <summary>bin/, obj/, node_modules/ and hidden folders hold copies and third-party files, not the user's modules.</summary>
    private static bool IsBuildOrPackageFolder(string root, string file)
    {
        foreach (var segment in Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar)[..^1])
        {
            if (segment is "bin" or "obj" or "node_modules" || segment.StartsWith('.')) return true;
        }
        return false;
    }

    public static ModuleFiles Single(string file)
    {
        var full = Path.GetFullPath(file);
        var root = Path.GetDirectoryName(full)!;
        return new ModuleFiles(root, new[] { (root + Virtual + full.Substring(root.Length), File.ReadAllText(full)) });
    }

    /// <summary>A diagnostic as the user should read it: with the file's real path.</summary>
    public string Display(DiagnosticInfo diagnostic) => diagnostic.ToString().Replace(_root + Virtual, _root, StringComparison.Ordinal);
}
