namespace SyntheticPatients.Cli.Generation;

/// <summary>
/// Stages a run's files in a hidden folder inside the output directory and moves them into place only when the
/// run succeeds. The manifest goes last: an output directory without manifest.json is never a finished run.
/// A failed or cancelled run removes its staging folder and leaves earlier output untouched.
/// </summary>
internal sealed class OutputDirectory : IDisposable
{
    private bool _committed;

    public OutputDirectory(string target)
    {
        Target = Path.GetFullPath(target);
        Directory.CreateDirectory(Target);
        Staging = Path.Combine(Target, ".synthpatients-partial-" + Environment.ProcessId);
        if (Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
        Directory.CreateDirectory(Staging);
    }

    public string Target { get; }

    /// <summary>Where exporters write during the run.</summary>
    public string Staging { get; }

    /// <summary>Moves every staged entry over its previous version; the manifest is removed first and moved last.</summary>
    public void Commit(string manifestName)
    {
        var oldManifest = Path.Combine(Target, manifestName);
        if (File.Exists(oldManifest)) File.Delete(oldManifest);
        foreach (var entry in Directory.EnumerateFileSystemEntries(Staging))
        {
            var name = Path.GetFileName(entry);
            if (name == manifestName) continue;
            var destination = Path.Combine(Target, name);
            if (Directory.Exists(destination)) Directory.Delete(destination, recursive: true);
            else if (File.Exists(destination)) File.Delete(destination);
            if (Directory.Exists(entry)) Directory.Move(entry, destination);
            else File.Move(entry, destination);
        }
        var stagedManifest = Path.Combine(Staging, manifestName);
        if (File.Exists(stagedManifest)) File.Move(stagedManifest, oldManifest);
        Directory.Delete(Staging, recursive: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed || !Directory.Exists(Staging)) return;
        try
        {
            Directory.Delete(Staging, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover hidden staging folder is harmless and is replaced by the next run.
        }
    }
}
