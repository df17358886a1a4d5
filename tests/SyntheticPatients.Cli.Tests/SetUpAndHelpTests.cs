using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace SyntheticPatients.Cli.Tests;

/// <summary>
/// What a new user reads before the first run (issue 12, item 12): the README's set-up steps (the same commands CI
/// runs), help texts that say what a run writes, and output sizes that match a measured run.
/// </summary>
public sealed partial class SetUpAndHelpTests
{
    private const string InstallCommand = "for installer in .ci/install-*.sh; do bash \"$installer\"; done";
    private const string TestCommand = "dotnet test SyntheticPatients.sln";

    private static string RepositoryFile(string relative)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SyntheticPatients.sln"))) directory = directory.Parent;
        return File.ReadAllText(Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("SyntheticPatients.sln not found"), relative));
    }

    private static string ReadmeSection(string heading)
    {
        var readme = RepositoryFile("README.md").Replace("\r\n", "\n");
        var start = readme.IndexOf("\n" + heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no section '{heading}'");
        var end = readme.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    [Fact]
    public void The_readme_set_up_installs_the_checkers_first_and_ci_runs_exactly_its_commands()
    {
        // On a fresh machine `dotnet test` failed 13 tests because the installers were mentioned only further down.
        var commands = CodeBlock().Matches(ReadmeSection("## Set up and run")).Select(m => m.Groups["code"].Value.Trim()).ToList();
        Assert.True(commands.Count >= 2, "the set-up section has no commands");
        Assert.Equal(InstallCommand, commands[0]);
        Assert.Equal(TestCommand, commands[1]);

        var ci = RepositoryFile(".ci/run").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.Equal(new[] { InstallCommand, TestCommand }, ci.Where(l => l.StartsWith("for ") || l.StartsWith("dotnet test")));
        Assert.True(ci.IndexOf(InstallCommand) < ci.IndexOf(TestCommand), ".ci/run must install the checkers before it tests");
        Assert.DoesNotContain(ci, l => l.Contains("--filter") || l.Contains("Skip"));
    }

    [Fact]
    public void Every_format_flag_says_what_a_run_writes()
    {
        var help = CliRunner.Run(CliRunner.TempDirectory(), "generate", "--help").Stdout;
        string Description(string flag) => Regex.Match(help, $@"\n\s+{Regex.Escape(flag)}\s+(?<text>.+?)(?=\n\s+-)", RegexOptions.Singleline).Groups["text"].Value;

        // "--csv: Write CSV only", yet FHIR, HL7 and VistA were written too.
        Assert.DoesNotContain("only", Description("--csv"));
        foreach (var folder in new[] { "csv/", "fhir/", "hl7/", "vista/", "dashboard/", "report.txt" }) Assert.Contains(folder, Description("--csv"));
        Assert.Contains("parquet/", Description("--parquet"));
        Assert.Contains("No dashboard/ or report.txt", Description("--parquet"));
        Assert.Contains("csv/", Description("--both"));
        Assert.Contains("parquet/", Description("--both"));
        Assert.Contains("fhir/", Description("--skip-fhir"));
        Assert.Contains("hl7/", Description("--skip-hl7"));
        Assert.Contains("vista/", Description("--skip-vista"));
        Assert.Contains("dashboard/", Description("--skip-report"));
    }

    [Fact]
    public void Parquet_without_csv_says_there_is_no_dashboard_and_writes_what_its_help_says()
    {
        // --parquet silently dropped the dashboard.
        var work = CliRunner.TempDirectory();
        var result = CliRunner.Run(work, "generate", "-n", "3", "-o", "out", "--parquet");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Stderr}");
        Assert.Contains("no dashboard/ or report.txt", result.Stderr);
        Assert.Equal(new[] { ".synthpatients.lock", "fhir", "hl7", "manifest.json", "parquet", "vista" },
            Directory.EnumerateFileSystemEntries(Path.Combine(work, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_readme_states_the_measured_size_per_patient_of_every_format()
    {
        // 100 patients were 220 MB and the README never said how big output gets. The figures are checked against the
        // run they came from (same seed, count and formats), so they cannot drift from the generator.
        var work = CliRunner.TempDirectory();
        Dictionary<string, long> bytes;
        try
        {
            var run = CliRunner.Run(work, "generate", "-n", "100", "--seed", "42", "-o", "out", "--both");
            Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Stderr}");
            using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(work, "out", "manifest.json")));
            bytes = manifest.RootElement.GetProperty("files").EnumerateArray()
                .GroupBy(f => f.GetProperty("path").GetString()!.Split('/')[0])
                .ToDictionary(g => g.Key, g => g.Sum(f => f.GetProperty("bytes").GetInt64()));
        }
        finally
        {
            CliRunner.Delete(work); // 225 MB
        }

        var section = ReadmeSection("### Output size");
        foreach (var folder in new[] { "csv", "parquet", "fhir", "hl7", "vista" })
        {
            var row = Regex.Match(section, $@"^\|[^|\n]*\| `{folder}/` \| (?<kb>[\d,]+) KB \|$", RegexOptions.Multiline);
            Assert.True(row.Success, $"README.md \"Output size\" has no row for {folder}/");
            var stated = double.Parse(row.Groups["kb"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            Assert.Equal(Math.Round(bytes[folder] / 100.0 / 1024), stated);
        }
    }

    [GeneratedRegex(@"```\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
