using System.Text.Json;
using System.Text.RegularExpressions;

namespace SyntheticPatients.Package.Tests;

/// <summary>
/// examples/custom-generator, restored from the packed feed as docs/tailored-generator.md tells: the generator builds,
/// runs its own module into CSV and FHIR, passes its snapshot test, and a broken module fails the build at the YAML.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ExampleProjectTests(PackageFeed feed)
{
    [Fact]
    public void The_example_generator_builds_runs_and_reports_a_broken_module_at_its_line()
    {
        var example = Path.Combine(feed.Root, "example");
        CopyExample(Path.Combine(PackageFeed.RepoRoot, "examples", "custom-generator"), example);
        feed.WriteNuGetConfig(example);
        var project = Path.Combine(example, "FhRegistry", "FhRegistry.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("Include=\"SyntheticPatients\" Version=\"0.1.0\"", $"Include=\"SyntheticPatients\" Version=\"{feed.Version}\"", StringComparison.Ordinal));

        var build = feed.Run(example, "build", "FhRegistry");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("warning SPM", build.Output); // the built-in library compiles clean in a user's project too
        // The package gives the program the synthpatients tool's runtime settings (hot loops compiled optimized at once).
        var runtimeConfig = File.ReadAllText(Path.Combine(example, "FhRegistry", "bin", "Debug", "net10.0", "FhRegistry.runtimeconfig.json"));
        Assert.Contains("\"System.Runtime.TieredPGO\": false", runtimeConfig);
        Assert.Contains("\"System.Runtime.TieredCompilation.QuickJitForLoops\": false", runtimeConfig);

        AssertIdeItems(feed.Run(example, "msbuild", Path.Combine("FhRegistry", "FhRegistry.csproj"), "-getItem:AdditionalFiles", "-getItem:None"));

        var run = feed.Run(example, Path.Combine("FhRegistry", "bin", "Debug", "net10.0", "FhRegistry.dll"), "generate", "-n", "20", "--seed", "1", "--scenario", "fh_cohort", "-o", "out");
        Assert.True(run.ExitCode == 0, run.ToString());
        var output = Path.Combine(example, "out");
        Assert.Contains(",SNOMED-CT,398036000,Familial hypercholesterolemia", File.ReadAllText(Path.Combine(output, "csv", "conditions.csv")));
        Assert.Matches(",(259255|617311),atorvastatin", File.ReadAllText(Path.Combine(output, "csv", "medications.csv")));
        var bundles = Directory.GetFiles(Path.Combine(output, "fhir"), "*.json").Select(File.ReadAllText).ToList();
        Assert.Contains(bundles, b => b.Contains("\"code\":\"398036000\"", StringComparison.Ordinal) && b.Contains("\"code\":\"E78.01\"", StringComparison.Ordinal));

        var snapshot = feed.Run(example, "test", "FhRegistry.Tests");
        Assert.True(snapshot.ExitCode == 0, SnapshotFailure(example, snapshot));

        // A transition to a state that does not exist: SPM0006 at the transition, relative to the project.
        var module = Path.Combine(example, "FhRegistry", "modules", "fh_registry.yaml");
        var lines = File.ReadAllLines(module);
        int line = Array.IndexOf(lines, "      - to: direct_ldl");
        Assert.True(line >= 0, "the example module changed: update the line this test breaks");
        lines[line] = "      - to: direct_lld";
        File.WriteAllLines(module, lines);

        var broken = feed.Run(example, "build", "FhRegistry");
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Matches(new Regex($@"/FhRegistry/modules/fh_registry\.yaml\({line + 1},13\): error SPM0006: Transition target 'direct_lld' is not a state of module 'fh_registry' \(did you mean 'direct_ldl'\?\)"), broken.Output);
    }

    /// <summary>
    /// What the IDE shows: the project's YAML and catalogs as AdditionalFiles (not twice, as None too), the built-in
    /// library's files as AdditionalFiles from the package, hidden.
    /// </summary>
    private static void AssertIdeItems(Dotnet.Result evaluation)
    {
        Assert.True(evaluation.ExitCode == 0, evaluation.ToString());
        var items = JsonDocument.Parse(evaluation.Output).RootElement.GetProperty("Items");
        var additional = items.GetProperty("AdditionalFiles").EnumerateArray()
            .Select(i => (Path: i.GetProperty("Identity").GetString()!, Hidden: i.TryGetProperty("Visible", out var v) && v.GetString() == "false"))
            .ToList();
        string[] own = ["data/parameters/fh_registry.yaml", "data/terminology/icd10cm.csv", "data/terminology/snomed.csv", "modules/fh_registry.yaml", "scenarios/fh_cohort.yaml"];
        Assert.Equal(own, additional.Where(i => !i.Hidden).Select(i => i.Path.Replace('\\', '/')).Order(StringComparer.Ordinal));
        var builtIn = additional.Where(i => i.Hidden).ToList();
        Assert.Contains(builtIn, i => i.Path.Replace('\\', '/').EndsWith("/builtin/modules/asthma.yaml", StringComparison.Ordinal));
        Assert.All(builtIn, i => Assert.Contains("/syntheticpatients/", i.Path.Replace('\\', '/'), StringComparison.Ordinal));
        Assert.Empty(items.GetProperty("None").EnumerateArray());
    }

    /// <summary>
    /// The example's approved output pins the baseline's rows too, so a deliberate change to generation fails here:
    /// put ApprovalTests' .received.txt beside the approved file in the repository (as a local run would) and say so.
    /// </summary>
    private static string SnapshotFailure(string example, Dotnet.Result result)
    {
        var repository = Path.Combine(PackageFeed.RepoRoot, "examples", "custom-generator", "FhRegistry.Tests");
        foreach (var received in Directory.GetFiles(Path.Combine(example, "FhRegistry.Tests"), "*.received.txt"))
        {
            File.Copy(received, Path.Combine(repository, Path.GetFileName(received)), overwrite: true);
        }
        return $"The example's snapshot test failed. If the change is intended, copy the .received.txt now in {repository} over its .approved.txt.\n{result}";
    }

    private static void CopyExample(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            // Build output of a local walkthrough, if any, is not part of the example.
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "out")) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }
}
