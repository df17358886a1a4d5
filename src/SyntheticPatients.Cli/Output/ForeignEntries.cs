using SyntheticPatients.Exporters;

namespace SyntheticPatients.Cli.Output;

/// <summary>
/// Finds what in an output folder the tool did not write: anything but its manifest, lock, staging folders and the
/// files a manifest lists (<see cref="OwnedFiles"/>). A run refuses such a folder unless --force.
/// </summary>
internal static class ForeignEntries
{
    /// <summary>Up to <paramref name="limit"/> foreign entries, relative with '/' (a foreign folder is named once, not walked).</summary>
    public static IReadOnlyList<string> Find(string folder, OwnedFiles owned, int limit)
    {
        var found = new List<string>();
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            if (entry.Name is ManifestWriter.FileName or OutputLock.FileName || StagingFolders.IsStaging(entry.Name)) continue;
            Walk(entry, entry.Name, owned, found, limit);
            if (found.Count >= limit) break;
        }
        return found;
    }

    private static void Walk(FileSystemInfo entry, string relative, OwnedFiles owned, List<string> found, int limit)
    {
        // A symbolic link is never followed: the tool writes none, and walking one could leave the folder.
        if (entry is DirectoryInfo directory && entry.LinkTarget is null)
        {
            if (!owned.IsFolder(relative))
            {
                found.Add(relative + "/");
                return;
            }
            foreach (var child in directory.EnumerateFileSystemInfos())
            {
                Walk(child, relative + "/" + child.Name, owned, found, limit);
                if (found.Count >= limit) return;
            }
        }
        else if (!owned.IsFile(relative))
        {
            found.Add(relative);
        }
    }
}
