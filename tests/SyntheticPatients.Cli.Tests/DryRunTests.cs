using System.Text.RegularExpressions;
using Xunit;

namespace SyntheticPatients.Cli.Tests;

/// <summary>`generate --dry-run`: every record encoded in every selected format, nothing written.</summary>
public sealed class DryRunTests
{
    private static readonly string[] AllFormats = { "-n", "20", "--seed", "7", "--both", "--skip-report" };

    [Fact]
    public void A_dry_run_creates_no_directory_and_says_so()
    {
        var work = CliRunner.TempDirectory();
        var result = CliRunner.Run(work, ["generate", "-o", "out", "--dry-run", .. AllFormats]);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Stderr}");
        Assert.False(Directory.Exists(Path.Combine(work, "out")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
        Assert.Contains("generated 20/20 patients", result.Stdout + result.Stderr);
        Assert.Matches(@"^20 patients, dry run: .* nothing written$", result.Stdout.Trim().Split('\n')[^1].TrimEnd('\r'));
    }

    [Fact]
    public void A_dry_run_encodes_exactly_the_files_and_bytes_a_real_run_writes_and_leaves_earlier_output_alone()
    {
        var work = CliRunner.TempDirectory();
        var real = CliRunner.Run(work, ["generate", "-o", "out", .. AllFormats]);
        Assert.True(real.ExitCode == 0, $"exit {real.ExitCode}\n{real.Stderr}");
        var output = Path.Combine(work, "out");
        var written = Directory.GetFiles(output, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is not ("manifest.json" or ".synthpatients.lock")) // the lock is the folder's, not the run's output
            .ToArray();
        var before = written.ToDictionary(f => f, File.ReadAllBytes);
        var manifest = File.ReadAllText(Path.Combine(output, "manifest.json"));

        var dry = CliRunner.Run(work, ["generate", "-o", "out", "--dry-run", .. AllFormats]);

        Assert.True(dry.ExitCode == 0, $"exit {dry.ExitCode}\n{dry.Stderr}");
        var summary = Regex.Match(dry.Stdout, @"dry run: (\d+) files, (\d+) bytes encoded");
        Assert.True(summary.Success, dry.Stdout);
        Assert.Equal(written.Length, int.Parse(summary.Groups[1].Value));
        Assert.Equal(written.Sum(f => new FileInfo(f).Length), long.Parse(summary.Groups[2].Value));
        Assert.Equal(manifest, File.ReadAllText(Path.Combine(output, "manifest.json")));
        Assert.All(before, file => Assert.Equal(file.Value, File.ReadAllBytes(file.Key)));
        Assert.Empty(Directory.GetDirectories(output, ".synthpatients-partial-*"));
    }
}
