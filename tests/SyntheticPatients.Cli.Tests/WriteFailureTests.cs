using Xunit;

namespace SyntheticPatients.Cli.Tests;

/// <summary>
/// Folders the run cannot write to (issue 12, item 7): a full disk, a read-only file system, an immutable folder. Each is
/// one message naming the problem and what to do, a documented exit code, no stack trace, and nothing left behind.
/// The disk and the read-only file system are real: a 1 MB tmpfs mounted in a private mount namespace (unshare).
/// These need Linux (unshare, tmpfs, chattr), as CI and the project's machines are.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class WriteFailureTests
{
    private static void AssertOneMessage(CliRunner.Result result, int exitCode, string expected)
    {
        Assert.True(result.ExitCode == exitCode, $"exit {result.ExitCode}, expected {exitCode}\n{result.Stderr}");
        Assert.Contains(expected, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.DoesNotContain("Unhandled exception", result.Stderr);
    }

    [Fact]
    public void A_full_disk_is_one_message_exit_3_and_leaves_nothing_behind()
    {
        var work = CliRunner.TempDirectory();
        Directory.CreateDirectory(Path.Combine(work, "small"));
        // 20 patients in every format are several megabytes: the 1 MB file system fills up while the exporters write.
        var result = CliRunner.RunInMountNamespace(work, "mount -t tmpfs -o size=1m tmpfs small", "ls -A small > left.txt",
            "generate", "-n", "20", "-o", "small/out");

        AssertOneMessage(result, 3, "error: the disk is full");
        Assert.Contains("partial run was removed", result.Stderr);
        // No staging folder, lock or empty out/ left on the full disk (the run created out/, so it removes it).
        Assert.Equal("", File.ReadAllText(Path.Combine(work, "left.txt")).Trim());
    }

    [Fact]
    public void A_read_only_file_system_is_one_message_naming_the_output_folder()
    {
        var work = CliRunner.TempDirectory();
        Directory.CreateDirectory(Path.Combine(work, "ro"));
        var result = CliRunner.RunInMountNamespace(work, "mount -t tmpfs -o ro,size=1m tmpfs ro", "true", "generate", "-n", "5", "-o", "ro/out");
        AssertOneMessage(result, 2, "error: cannot write into --output-dir 'ro/out'");
    }

    [Fact]
    public void An_immutable_output_folder_is_one_message_naming_it_and_is_left_unchanged()
    {
        var work = CliRunner.TempDirectory();
        var locked = Path.Combine(work, "locked");
        Directory.CreateDirectory(locked);
        // As root (CI), only the immutable attribute stops writes; as another user, removing write permission does.
        bool root = Environment.UserName == "root";
        if (root) RunTool("chattr", "+i", locked);
        else File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var result = CliRunner.Run(work, "generate", "-n", "5", "-o", "locked");
            AssertOneMessage(result, 2, "error: cannot write into --output-dir 'locked'");
            Assert.Empty(Directory.EnumerateFileSystemEntries(locked));
        }
        finally
        {
            if (root) RunTool("chattr", "-i", locked);
            else File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static void RunTool(string tool, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(tool, args);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)} failed");
    }
}
