using System.IO.Compression;
using System.Xml.Linq;

namespace SyntheticPatients.Package.Tests;

/// <summary>What the .nupkg holds: the libraries, the generator as an analyzer, the build files and the built-in YAML.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackageFeed feed)
{
    /// <summary>The projects whose assemblies go into lib/ (the Cli and everything it references).</summary>
    private static readonly string[] Libraries =
    {
        "SyntheticPatients.Language", "SyntheticPatients.Runtime.Core", "SyntheticPatients.Runtime", "SyntheticPatients.Exporters", "SyntheticPatients.Reporting",
        "SyntheticPatients.Cli",
    };

    [Fact]
    public void Libraries_generator_and_build_files_are_where_NuGet_looks()
    {
        var entries = Entries();

        Assert.Equal(Libraries.Select(l => $"lib/net10.0/{l}.dll").Order(StringComparer.Ordinal), Under(entries, "lib/"));
        Assert.Equal(new[] { "analyzers/dotnet/cs/SyntheticPatients.Generators.dll", "analyzers/dotnet/cs/YamlDotNet.dll" }, Under(entries, "analyzers/"));
        Assert.Equal(new[] { "build/SyntheticPatients.props", "build/SyntheticPatients.targets" }, Under(entries, "build/"));
        // The built-in library ships as YAML, compiled into the user's assembly: its prebuilt types would clash.
        Assert.DoesNotContain(entries, e => e.Contains("ModuleLibrary", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("modules", "*.yaml")]
    [InlineData("scenarios", "*.yaml")]
    [InlineData("data/parameters", "*.yaml")]
    [InlineData("data/terminology", "*.csv")]
    [InlineData("schemas", "*.json")]
    public void The_built_in_library_is_shipped_whole(string folder, string pattern)
    {
        var root = Path.Combine(PackageFeed.RepoRoot, folder);
        var expected = Directory.GetFiles(root, pattern, SearchOption.AllDirectories)
            .Select(f => $"builtin/{folder}/" + Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, Under(Entries(), $"builtin/{folder}/"));
    }

    [Fact]
    public void Dependencies_are_the_third_party_packages_of_the_libraries()
    {
        // Every PackageReference of a library in lib/ must be a dependency, or a user's program fails to load it.
        var versions = XDocument.Load(Path.Combine(PackageFeed.RepoRoot, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!);
        var expected = Libraries
            .SelectMany(l => XDocument.Load(Path.Combine(PackageFeed.RepoRoot, "src", l, l + ".csproj")).Descendants("PackageReference"))
            .Select(r => (string)r.Attribute("Include")!)
            .Distinct()
            .Select(id => $"{id} {versions[id]}")
            .Order(StringComparer.Ordinal);

        using var package = ZipFile.OpenRead(feed.PackagePath);
        using var nuspec = package.GetEntry("SyntheticPatients.nuspec")!.Open();
        var actual = XDocument.Load(nuspec).Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(d => $"{(string)d.Attribute("id")!} {(string)d.Attribute("version")!}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    private List<string> Entries()
    {
        using var package = ZipFile.OpenRead(feed.PackagePath);
        return package.Entries.Select(e => e.FullName).ToList();
    }

    private static IEnumerable<string> Under(IEnumerable<string> entries, string prefix)
        => entries.Where(e => e.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);
}
