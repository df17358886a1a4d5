namespace SyntheticPatients.Cli.Output;

/// <summary>
/// The hidden <c>.synthpatients-partial-&lt;pid&gt;</c> folders where runs write before they commit. A run killed by
/// SIGKILL or a power cut cannot remove its own, so the next run into the folder does.
/// </summary>
internal static class StagingFolders
{
    public const string Prefix = ".synthpatients-partial-";

    public static bool IsStaging(string name) => name.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>This process's staging folder, empty.</summary>
    public static string Create(string folder)
    {
        var staging = Path.Combine(folder, Prefix + Environment.ProcessId);
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        return staging;
    }

    /// <summary>
    /// Removes the staging folders of runs that are no longer alive. Call it holding the <see cref="OutputLock"/>: no live
    /// run of this version can then be staging here; the process check also spares a live run of an older version,
    /// which took no lock (a reused process id only delays the clean-up to a later run).
    /// </summary>
    public static IReadOnlyList<string> RemoveAbandoned(string folder)
    {
        var removed = new List<string>();
        foreach (var staging in Directory.EnumerateDirectories(folder, Prefix + "*"))
        {
            var name = Path.GetFileName(staging);
            if (int.TryParse(name.AsSpan(Prefix.Length), out var pid) && (pid == Environment.ProcessId || IsAlive(pid))) continue;
            Directory.Delete(staging, recursive: true);
            removed.Add(name);
        }
        return removed;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
