using System.Text.Json;
using SyntheticPatients.Exporters;

namespace SyntheticPatients.Cli.Output;

/// <summary>
/// What the tool owns in an output folder: the files its manifest.json lists, and those listed by the manifest inside a
/// staging folder (a run killed while it moved its files in had that manifest ready). Nothing else is ever deleted.
/// </summary>
internal sealed class OwnedFiles
{
    private readonly HashSet<string> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _folders = new(StringComparer.Ordinal);

    private OwnedFiles()
    {
    }

    /// <summary>Relative paths with '/' separators, as the manifests write them.</summary>
    public IReadOnlyCollection<string> Files => _files;

    public bool IsFile(string relative) => _files.Contains(relative);

    /// <summary>A folder that holds an owned file (at any depth).</summary>
    public bool IsFolder(string relative) => _folders.Contains(relative);

    public static OwnedFiles Read(string folder)
    {
        var owned = new OwnedFiles();
        owned.AddManifest(Path.Combine(folder, ManifestWriter.FileName));
        foreach (var staging in Directory.EnumerateDirectories(folder, StagingFolders.Prefix + "*"))
        {
            owned.AddManifest(Path.Combine(staging, ManifestWriter.FileName));
        }
        return owned;
    }

    private void AddManifest(string manifest)
    {
        if (!File.Exists(manifest)) return;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(manifest));
            if (!document.RootElement.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array) return;
            foreach (var entry in files.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("path", out var path) && path.GetString() is { } relative)
                {
                    Add(relative);
                }
            }
        }
        catch (JsonException)
        {
            // Not a manifest this tool wrote: it vouches for nothing, so its files count as the user's.
        }
    }

    private void Add(string relative)
    {
        // A manifest is a file anyone can edit: a path leaving the folder ("../x", "/etc/x") must never be deleted.
        var segments = relative.Split('/');
        if (Path.IsPathRooted(relative) || segments.Any(s => s is "" or "." or ".." || s.Contains('\\'))) return;
        _files.Add(relative);
        for (int i = 1; i < segments.Length; i++) _folders.Add(string.Join('/', segments, 0, i));
    }
}
