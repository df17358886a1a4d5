using System.Reflection;
using System.Xml.Linq;

namespace SyntheticPatients.Package.Tests;

/// <summary>
/// The SyntheticPatients package, packed once per test run into a temporary local feed under a unique prerelease
/// version, plus what a project needs to restore it: a nuget.config naming the feed, and a private packages folder
/// (the machine's package cache is only a read-only fallback for the dependencies, so nothing stale is ever served
/// and nothing is left behind). Everything lives under <see cref="Root"/>, deleted at the end.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    public PackageFeed()
    {
        var runs = Path.Combine(Path.GetTempPath(), "synthpatients-package-tests");
        DeleteStaleRuns(runs);
        Root = Path.Combine(runs, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "." + Guid.NewGuid().ToString("N")[..8];
        Feed = Path.Combine(Root, "feed");
        Environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Root, "packages") };

        var pack = Dotnet.Run(RepoRoot, Environment,
            "pack", Path.Combine(RepoRoot, "src", "SyntheticPatients.Package", "SyntheticPatients.Package.csproj"),
            "--no-build", "-c", Configuration, "-o", Feed, "-p:PackageVersion=" + Version, "-p:NuspecOutputPath=" + Path.Combine(Root, "nuspec") + "/");
        PackagePath = Path.Combine(Feed, $"SyntheticPatients.{Version}.nupkg");
        if (pack.ExitCode != 0 || !File.Exists(PackagePath))
        {
            Dispose(); // xunit does not dispose a fixture whose constructor threw
            throw new InvalidOperationException("dotnet pack failed: " + pack);
        }
    }

    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    public string PackagePath { get; }

    /// <summary>Environment for every dotnet command of the tests: the private packages folder.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The configuration these tests were built in, which is the one the package project was built in.</summary>
    public static string Configuration { get; } = typeof(PackageFeed).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>Writes nuget.config into a project folder: this feed, then the machine's usual sources and cache.</summary>
    public void WriteNuGetConfig(string directory)
    {
        var cache = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        new XDocument(new XElement("configuration",
            new XElement("packageSources", new XElement("add", new XAttribute("key", "e2e"), new XAttribute("value", Feed))),
            new XElement("fallbackPackageFolders", new XElement("add", new XAttribute("key", "machine"), new XAttribute("value", cache)))))
            .Save(Path.Combine(directory, "nuget.config"));
    }

    /// <summary>Runs dotnet with the feed's environment.</summary>
    public Dotnet.Result Run(string workingDirectory, params string[] args) => Dotnet.Run(workingDirectory, Environment, args);

    public void Dispose() => DeleteQuietly(Root);

    /// <summary>A run killed before its cleanup leaves its folder behind: remove those older than any run takes.</summary>
    private static void DeleteStaleRuns(string runs)
    {
        if (!Directory.Exists(runs)) return;
        foreach (var run in Directory.GetDirectories(runs))
        {
            if (Directory.GetLastWriteTimeUtc(run) < DateTime.UtcNow.AddHours(-2)) DeleteQuietly(run);
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file still held open leaves the folder behind under the temp directory; the next run removes it.
        }
    }

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SyntheticPatients.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new DirectoryNotFoundException("SyntheticPatients.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFeed>
{
    /// <summary>One feed for all tests, which run one after the other (each builds projects; the machine has 2 cores).</summary>
    public const string Name = "package";
}
