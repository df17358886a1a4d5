using SyntheticPatients.Exporters;
using Xunit;

namespace SyntheticPatients.Cli.Tests;

/// <summary>
/// Runs that do not end normally (issue 12, items 3 and 10): the real program is started, then killed, interrupted
/// or raced by a second run into the same folder, and the folder is checked the way the next user would find it.
/// </summary>
public sealed class InterruptedRunTests
{
    /// <summary>Long enough (tens of seconds on one thread) that the run is still generating when the test acts.</summary>
    private static readonly string[] LongRun = ["generate", "-n", "20000", "--threads", "1", "-o", "out", "--skip-report"];

    private static string[] StagingFolders(string output) => Directory.GetDirectories(output, ".synthpatients-partial-*");

    private static CliProcess StartAndWaitForStaging(string work)
    {
        var run = CliRunner.Start(work, LongRun);
        run.WaitUntil(() => Directory.Exists(Path.Combine(work, "out", ".synthpatients-partial-" + run.Id, "csv")), "its staging folder");
        return run;
    }

    private static void AssertSucceeded(CliRunner.Result result) => Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Stderr}");

    [Fact]
    public void The_next_run_removes_the_staging_folder_of_a_run_killed_with_SIGKILL_and_is_not_blocked_by_its_lock()
    {
        var work = CliRunner.TempDirectory();
        var output = Path.Combine(work, "out");
        int killed;
        using (var run = StartAndWaitForStaging(work))
        {
            killed = run.Id;
            run.KillHard();
            run.WaitForExit();
        }
        Assert.Single(StagingFolders(output)); // what SIGKILL leaves: nothing can clean up inside the process

        var next = CliRunner.Run(work, "generate", "-n", "5", "-o", "out");

        AssertSucceeded(next);
        Assert.Contains($"removed .synthpatients-partial-{killed}", next.Stderr);
        Assert.Empty(StagingFolders(output));
        Assert.Empty(ManifestWriter.Verify(output));
    }

    [Theory]
    [InlineData("INT")] // Ctrl-C in a terminal
    [InlineData("TERM")] // kill, docker stop, systemd
    public void Ctrl_C_stops_the_run_removes_its_staging_says_so_and_exits_130(string signal)
    {
        var work = CliRunner.TempDirectory();
        var output = Path.Combine(work, "out");
        AssertSucceeded(CliRunner.Run(work, "generate", "-n", "5", "-o", "out", "--skip-report"));
        var manifest = File.ReadAllText(Path.Combine(output, "manifest.json"));

        CliRunner.Result interrupted;
        using (var run = StartAndWaitForStaging(work))
        {
            run.Signal(signal);
            interrupted = run.WaitForExit();
        }

        Assert.Equal(130, interrupted.ExitCode);
        Assert.Contains("interrupted", interrupted.Stderr);
        Assert.Contains("partial output was removed", interrupted.Stderr);
        Assert.DoesNotContain("   at ", interrupted.Stderr);
        Assert.Empty(StagingFolders(output));
        Assert.Equal(manifest, File.ReadAllText(Path.Combine(output, "manifest.json")));
        Assert.Empty(ManifestWriter.Verify(output));
    }

    [Fact]
    public void A_second_run_into_a_folder_being_written_is_refused_and_the_first_completes()
    {
        var work = CliRunner.TempDirectory();
        var output = Path.Combine(work, "out");
        try
        {
            using var first = CliRunner.Start(work, "generate", "-n", "1000", "--threads", "1", "--seed", "1", "-o", "out", "--skip-report", "--skip-fhir", "--skip-hl7", "--skip-vista");
            first.WaitUntil(() => Directory.Exists(Path.Combine(output, ".synthpatients-partial-" + first.Id, "csv")), "its staging folder");

            var second = CliRunner.Run(work, "generate", "-n", "5", "--seed", "2", "-o", "out");

            Assert.Equal(2, second.ExitCode);
            Assert.Contains("another synthpatients run is writing into", second.Stderr);
            Assert.False(first.HasExited, "the first run must still be running when the second is refused (make it longer)");
            Assert.True(Directory.Exists(Path.Combine(output, ".synthpatients-partial-" + first.Id)), "the live run's staging folder was removed");
            AssertSucceeded(first.WaitForExit());
            Assert.Contains("\"seed\": 1,", File.ReadAllText(Path.Combine(output, "manifest.json")));
            Assert.Contains("\"patients\": 1000,", File.ReadAllText(Path.Combine(output, "manifest.json")));
            Assert.Empty(ManifestWriter.Verify(output));
        }
        finally
        {
            CliRunner.Delete(work); // 1,000 patients of CSV
        }
    }
}
