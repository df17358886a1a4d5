namespace SyntheticPatients.Cli.Tests.Schemas;

/// <summary>Paths of the repository the tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

    /// <summary>The seed system's modules, unchanged (MIT, tests/fixtures/seed-project/LICENSE), shared with the terminology tests.</summary>
    public static string SeedModules => PathOf("tests", "fixtures", "seed-project", "modules");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SyntheticPatients.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new DirectoryNotFoundException("SyntheticPatients.sln not found");
    }
}
