using System.Text.Json;
using System.Text.Json.Nodes;
using SyntheticPatients.Exporters;
using Xunit;

namespace SyntheticPatients.Cli.Tests;

/// <summary>
/// The output-folder contract (docs/outputs.md, "The output folder"): the tool owns only what its manifest lists, refuses
/// a folder holding anything else unless --force, and a new run replaces exactly the previous run's files.
/// </summary>
public sealed class OutputFolderTests
{
    private static CliRunner.Result Generate(string work, params string[] extra)
    {
        var result = CliRunner.Run(work, ["generate", "-n", "5", "--seed", "3", "-o", "out", .. extra]);
        return result;
    }

    private static void AssertSucceeded(CliRunner.Result result) => Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Stderr}");

    /// <summary>Every file under the folder, relative with '/', except the lock file the contract keeps.</summary>
    private static List<string> FilesIn(string folder) => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
        .Where(f => f != ".synthpatients.lock")
        .Order(StringComparer.Ordinal)
        .ToList();

    private static List<string> ManifestFiles(string folder)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "manifest.json")));
        return manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).ToList();
    }

    [Fact]
    public void A_folder_holding_the_users_files_is_refused_and_left_exactly_as_it_was()
    {
        // Issue 12, item 1: a folder named csv/ (or fhir/, hl7/, ...) with the user's own files was deleted recursively.
        var work = CliRunner.TempDirectory();
        var output = Path.Combine(work, "out");
        Directory.CreateDirectory(Path.Combine(output, "csv"));
        File.WriteAllText(Path.Combine(output, "csv", "my-analysis.csv"), "mine");
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");
        var before = FilesIn(output);

        var result = Generate(work);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("did not write", result.Stderr);
        Assert.Contains("csv/", result.Stderr);
        Assert.Contains("--force", result.Stderr);
        Assert.Equal(before, FilesIn(output));
        Assert.Equal(new[] { "csv", "notes.txt" }, Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName).Order());
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "csv", "my-analysis.csv")));
    }

    [Fact]
    public void Force_writes_beside_the_users_files_and_keeps_them()
    {
        var work = CliRunner.TempDirectory();
        var output = Path.Combine(work, "out");
        Directory.CreateDirectory(Path.Combine(output, "csv"));
        File.WriteAllText(Path.Combine(output, "csv", "my-analysis.csv"), "mine");

        AssertSucceeded(Generate(work, "--force"));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "csv", "my-analysis.csv")));
        Assert.Empty(ManifestWriter.Verify(output));

        // The user's file is still not the tool's: a later run without --force refuses the folder again.
        Assert.Equal(2, Generate(work).ExitCode);
    }

    [Fact]
    public void A_second_run_with_fewer_formats_leaves_only_its_own_files()
    {
        // Issue 12, item 2: csv/, fhir/, hl7/, vista/, dashboard/ and report.txt of the first run stayed beside the
        // second run's manifest, which described another seed and count.
        var work = CliRunner.TempDirectory();
        var output = Path.Combine(work, "out");
        AssertSucceeded(Generate(work, "--both"));
        AssertSucceeded(Generate(work));
        var victim = Path.Combine(work, "victim.txt");
        File.WriteAllText(victim, "outside the output folder");
        // A manifest is a file anyone can edit: an entry leaving the folder must never be deleted by the next run.
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "manifest.json")))!;
        manifest["files"]!.AsArray().Add(new JsonObject { ["path"] = "../victim.txt", ["bytes"] = 0, ["sha256"] = "" });
        File.WriteAllText(Path.Combine(output, "manifest.json"), manifest.ToJsonString());

        var second = CliRunner.Run(work, "generate", "-n", "3", "--seed", "9", "-o", "out", "--parquet", "--skip-fhir", "--skip-hl7", "--skip-vista");

        AssertSucceeded(second);
        Assert.Equal(ManifestFiles(output).Append("manifest.json").Order(StringComparer.Ordinal), FilesIn(output));
        Assert.All(FilesIn(output), f => Assert.True(f.StartsWith("parquet/", StringComparison.Ordinal) || f == "manifest.json", f));
        Assert.Equal(new[] { ".synthpatients.lock", "manifest.json", "parquet" }, Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(ManifestWriter.Verify(output));
        Assert.True(File.Exists(victim));
    }
}
