using SyntheticPatients.Cli.Errors;
using SyntheticPatients.Cli.Generation;

namespace SyntheticPatients.Cli.Output;

/// <summary>
/// The output folder contract (docs/outputs.md, "The output folder"): the tool owns only what a manifest lists. A run
/// refuses a folder holding anything else (unless --force), locks the folder, stages its files in a hidden folder and,
/// when it succeeds, replaces exactly the previous run's files with its own, manifest.json last. A failed or interrupted
/// run removes its staging folder and leaves the folder as it was.
/// </summary>
internal sealed class OutputDirectory : IDisposable
{
    private const int ForeignShown = 5;

    private readonly bool _created;
    private readonly OutputLock? _lock;
    private readonly OwnedFiles _owned = null!;
    private bool _committed;

    /// <param name="given">--output-dir as the user wrote it (messages name it so).</param>
    /// <param name="force">--force: write into a folder holding files the tool did not write (they are kept).</param>
    public OutputDirectory(string given, bool force)
    {
        Target = OutputPath.Check(given);
        _created = !Directory.Exists(Target);
        // Checked before anything is created or locked, so a refused folder is left exactly as it was.
        if (!_created && !force) RefuseForeign(given, OwnedFiles.Read(Target));
        try
        {
            Directory.CreateDirectory(Target);
            _lock = OutputLock.Acquire(Target);
            _owned = OwnedFiles.Read(Target);
            RemovedStaging = StagingFolders.RemoveAbandoned(Target);
            Staging = StagingFolders.Create(Target);
        }
        catch (Exception ex)
        {
            Dispose();
            if (FileSystemErrors.IsNotWritable(ex))
            {
                throw new InputException($"error: cannot write into --output-dir '{given}' ({ex.Message}): choose a folder you can write to, or fix its permissions.");
            }
            throw;
        }
    }

    public string Target { get; }

    /// <summary>Where exporters write during the run.</summary>
    public string Staging { get; } = "";

    /// <summary>Staging folders of killed runs that this run removed (names only).</summary>
    public IReadOnlyList<string> RemovedStaging { get; } = Array.Empty<string>();

    /// <summary>
    /// Replaces the previous run's files (those its manifest lists) with the staged ones; the new manifest goes last, so
    /// the folder's manifest.json always describes a complete run. Files the tool does not own are never touched.
    /// </summary>
    public void Commit(string manifestName)
    {
        StagedTree.CheckNoConflict(Staging, Target);
        foreach (var file in _owned.Files)
        {
            if (file == manifestName) continue;
            var path = Path.Combine(Target, file);
            if (File.Exists(path)) File.Delete(path);
        }
        RemoveEmptyOwnedFolders();
        StagedTree.Move(Staging, Target, skip: manifestName);
        File.Move(Path.Combine(Staging, manifestName), Path.Combine(Target, manifestName), overwrite: true);
        Directory.Delete(Staging, recursive: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed && Staging.Length > 0) DeleteQuietly(() => Directory.Delete(Staging, recursive: true));
        // A folder this run created is removed again when the run fails, so a failed run leaves nothing. Only while
        // holding the lock: a run that lost the race to create the folder must not delete the winner's lock file.
        bool removeFolder = !_committed && _created && _lock is not null;
        if (removeFolder) DeleteQuietly(() => File.Delete(Path.Combine(Target, OutputLock.FileName)));
        _lock?.Dispose();
        if (removeFolder) DeleteQuietly(() => Directory.Delete(Target)); // not recursive: never anything but an empty folder
    }

    private void RemoveEmptyOwnedFolders()
    {
        var folders = _owned.Files.SelectMany(Ancestors).Distinct().OrderByDescending(f => f.Count(c => c == '/'));
        foreach (var folder in folders)
        {
            var path = Path.Combine(Target, folder);
            if (Directory.Exists(path) && !Directory.EnumerateFileSystemEntries(path).Any()) Directory.Delete(path);
        }
    }

    private static IEnumerable<string> Ancestors(string file)
    {
        for (int slash = file.LastIndexOf('/'); slash > 0; slash = file.LastIndexOf('/', slash - 1)) yield return file[..slash];
    }

    private void RefuseForeign(string given, OwnedFiles owned)
    {
        var foreign = ForeignEntries.Find(Target, owned, ForeignShown + 1);
        if (foreign.Count == 0) return;
        var shown = string.Join(", ", foreign.Take(ForeignShown)) + (foreign.Count > ForeignShown ? ", ..." : "");
        throw new InputException(
            $"error: --output-dir '{given}' holds files synthpatients did not write ({shown}). A run replaces only the files " +
            "listed by the folder's manifest.json: choose a new or empty folder, or add --force to write beside them " +
            "(files named like the run's are replaced, all others are kept).");
    }

    private static void DeleteQuietly(Action delete)
    {
        try
        {
            delete();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort after a failure: the next run into the folder removes a leftover staging folder.
        }
    }
}
