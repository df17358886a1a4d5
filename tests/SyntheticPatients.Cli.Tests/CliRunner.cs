using System.Diagnostics;
using System.Globalization;

namespace SyntheticPatients.Cli.Tests;

/// <summary>Runs the built synthpatients program in a child process and captures what a user would see.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string workingDirectory, params string[] args) => Start(workingDirectory, args).WaitForExit();

    /// <summary>Starts synthpatients without waiting, for tests that signal or race a running process.</summary>
    public static CliProcess Start(string workingDirectory, params string[] args) => StartCommand(workingDirectory, "dotnet", [Program, .. args]);

    /// <summary>Starts synthpatients with these environment variables set (a null value removes the variable).</summary>
    public static CliProcess Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        StartCommand(workingDirectory, "dotnet", [Program, .. args], environment);

    /// <summary>
    /// Runs synthpatients in a private mount namespace: <paramref name="mount"/> (e.g. a 1 MB tmpfs) before it,
    /// <paramref name="after"/> (e.g. listing what it left there into a file outside the mount) after it. The mounts
    /// exist only for that process and vanish with it; unshare's user namespace lets a non-root user mount too.
    /// </summary>
    public static Result RunInMountNamespace(string workingDirectory, string mount, string after, params string[] args)
        => StartCommand(workingDirectory, "unshare",
            ["--user", "--map-root-user", "--mount", "sh", "-c", $"{mount} || exit 97; \"$0\" \"$@\"; code=$?; {after}; exit $code", "dotnet", Program, .. args])
            .WaitForExit();

    private static string Program => Path.Combine(AppContext.BaseDirectory, "synthpatients.dll");

    private static CliProcess StartCommand(string workingDirectory, string command, string[] args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(command) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return new CliProcess(Process.Start(start)!, string.Join(' ', args));
    }

    /// <summary>
    /// Every folder of this test run lives under one root, named after the test host's process and removed when it
    /// exits: generate runs write hundreds of megabytes, and leftovers from earlier runs once filled the disk. The
    /// clean-up at exit can be cut short (a stopped host has seconds, deleting gigabytes takes longer), so each run
    /// first removes the roots of test hosts that are no longer running.
    /// </summary>
    private static readonly Lazy<string> Root = new(() =>
    {
        var parent = Path.Combine(Path.GetTempPath(), "synthpatients-tests");
        RemoveDeadRoots(parent);
        var root = Path.Combine(parent, Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(root);
        return root;
    });

    /// <summary>
    /// Roots named "pid-guid" whose process is gone, and roots of the older unnamed form not touched for two hours.
    /// A root whose process id was reused by another process stays until a later run.
    /// </summary>
    private static void RemoveDeadRoots(string parent)
    {
        if (!Directory.Exists(parent)) return;
        foreach (var folder in Directory.EnumerateDirectories(parent))
        {
            var name = Path.GetFileName(folder);
            int dash = name.IndexOf('-');
            bool dead = dash > 0 && int.TryParse(name.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                ? !IsRunning(pid)
                : dash < 0 && Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddHours(-2);
            if (dead) DeleteQuietly(folder);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no process with that id
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A new empty folder, removed with the others when the test run ends.</summary>
    public static string TempDirectory()
    {
        var path = Path.Combine(Root.Value, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// Removes a test's folder as soon as the test is done. Tests that write hundreds of megabytes call it: the clean-up
    /// at exit can be cut short when the test host is stopped, and then left gigabytes behind.
    /// </summary>
    public static void Delete(string path) => DeleteQuietly(path);

    private static void DeleteQuietly(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; never fail the run over it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
