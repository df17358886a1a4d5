using SyntheticPatients.Cli.Generation;

namespace SyntheticPatients.Cli.Output;

/// <summary>
/// Moves a staged run into the output folder entry by entry: a folder that does not exist yet moves whole (one rename),
/// one that exists is merged, so files the tool does not own (kept under --force) stay where they are.
/// </summary>
internal static class StagedTree
{
    /// <summary>Fails before anything moves when a staged file would land on a folder or a staged folder on a file.</summary>
    public static void CheckNoConflict(string source, string destination)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(source))
        {
            var target = Path.Combine(destination, Path.GetFileName(entry));
            bool isFolder = Directory.Exists(entry);
            if (isFolder ? File.Exists(target) : Directory.Exists(target))
            {
                throw new InputException($"error: '{target}' is in the way of the run's {(isFolder ? "folder" : "file")} of that name: move it away and run again.");
            }
            if (isFolder && Directory.Exists(target)) CheckNoConflict(entry, target);
        }
    }

    public static void Move(string source, string destination, string? skip = null)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(source).ToList())
        {
            var name = Path.GetFileName(entry);
            if (name == skip) continue;
            var target = Path.Combine(destination, name);
            if (!Directory.Exists(entry)) File.Move(entry, target, overwrite: true);
            else if (Directory.Exists(target)) Move(entry, target);
            else Directory.Move(entry, target);
        }
    }
}
