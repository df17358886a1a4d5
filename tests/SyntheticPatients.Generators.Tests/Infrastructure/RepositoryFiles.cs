using System.IO;

namespace SyntheticPatients.Generators.Tests.Infrastructure;

/// <summary>Finds files of the repository (the sample modules under modules/) from the test's output folder.</summary>
public static class RepositoryFiles
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(System.AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SyntheticPatients.sln")))
            {
                directory = directory.Parent;
            }
            return directory?.FullName ?? throw new DirectoryNotFoundException("SyntheticPatients.sln not found above " + System.AppContext.BaseDirectory);
        }
    }

    /// <summary>
    /// Every YAML file under modules/ and data/parameters/, and the terminology catalogs data/terminology/*.csv, as
    /// (path relative to the repository, text): what the ModuleLibrary project hands the generator.
    /// </summary>
    public static (string Path, string Text)[] ModuleLibrary()
    {
        var root = Root;
        var result = new System.Collections.Generic.List<(string, string)>();
        foreach (var (folder, pattern, option) in new[]
        {
            ("modules", "*.yaml", SearchOption.AllDirectories),
            (Path.Combine("data", "parameters"), "*.yaml", SearchOption.AllDirectories),
            (Path.Combine("data", "terminology"), "*.csv", SearchOption.TopDirectoryOnly),
        })
        {
            var full = Path.Combine(root, folder);
            if (!Directory.Exists(full)) continue;
            foreach (var file in Directory.GetFiles(full, pattern, option))
            {
                result.Add((Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllText(file)));
            }
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return result.ToArray();
    }
}
