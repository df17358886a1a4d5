using System.Security.Cryptography;
using System.Text.Json;

namespace SyntheticPatients.Exporters;

/// <summary>What a run's manifest records besides the files (which <see cref="ManifestWriter"/> hashes itself).</summary>
public sealed class ManifestInfo
{
    /// <summary>Version of the generator that wrote the run.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>The run's seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The scenario's name.</summary>
    public required string Scenario { get; init; }

    /// <summary>Number of patients generated.</summary>
    public required long Patients { get; init; }

    /// <summary>Every other setting that determines the output (end date, modules, formats...), as text.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>Rows per table (an exporter's <see cref="IRecordExporter.RowCounts"/>).</summary>
    public IReadOnlyDictionary<string, long> RowCounts { get; init; } = new Dictionary<string, long>();

    /// <summary>
    /// The files to list, relative to the directory with '/' separators (exporters' <see cref="IRecordExporter.Files"/>);
    /// null lists every file under the directory except the manifest itself.
    /// </summary>
    public IReadOnlyList<string>? Files { get; init; }
}

/// <summary>
/// Writes <c>&lt;directory&gt;/manifest.json</c>: what produced the run, how many rows each table has, and the size and
/// SHA-256 of every file. Call it last, after every exporter completed: the hashes are of the files as they are then.
/// </summary>
public static class ManifestWriter
{
    /// <summary>The manifest's file name.</summary>
    public const string FileName = "manifest.json";

    /// <summary>Version of the manifest's layout (docs/outputs.md).</summary>
    public const int FormatVersion = 1;

    /// <summary>Hashes the files and writes the manifest (through a temporary file, so it appears complete or not at all).</summary>
    /// <returns>The manifest's path.</returns>
    public static string Write(string directory, ManifestInfo info)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(info);

        var files = (info.Files ?? ListFiles(directory))
            .Select(f => f.Replace('\\', '/'))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        var path = Path.Combine(directory, FileName);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("manifestVersion", FormatVersion);
            json.WriteString("toolVersion", info.ToolVersion);
            json.WriteNumber("seed", info.Seed);
            json.WriteString("scenario", info.Scenario);
            json.WriteNumber("patients", info.Patients);

            json.WriteStartObject("options");
            foreach (var (key, value) in info.Options.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }
            json.WriteEndObject();

            json.WriteStartObject("tables");
            foreach (var (table, rows) in OrderTables(info.RowCounts))
            {
                json.WriteNumber(table, rows);
            }
            json.WriteEndObject();

            json.WriteStartArray("files");
            foreach (var file in files)
            {
                var full = Resolve(directory, file);
                var (bytes, hash) = Hash(full);
                json.WriteStartObject();
                json.WriteString("path", file);
                json.WriteNumber("bytes", bytes);
                json.WriteString("sha256", hash);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>
    /// Checks a written run against its manifest: every listed file exists with its size and SHA-256.
    /// Returns the problems found (none when the run is intact).
    /// </summary>
    public static IReadOnlyList<string> Verify(string directory)
    {
        var problems = new List<string>();
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            problems.Add($"{FileName} is missing.");
            return problems;
        }
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        if (!document.RootElement.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{FileName} has no files array.");
            return problems;
        }
        foreach (var entry in files.EnumerateArray())
        {
            var file = entry.GetProperty("path").GetString() ?? "";
            string full;
            try
            {
                full = Resolve(directory, file);
            }
            catch (ArgumentException e)
            {
                problems.Add(e.Message);
                continue;
            }
            if (!File.Exists(full))
            {
                problems.Add($"{file}: missing.");
                continue;
            }
            var (bytes, hash) = Hash(full);
            if (bytes != entry.GetProperty("bytes").GetInt64())
            {
                problems.Add($"{file}: {bytes} bytes, the manifest says {entry.GetProperty("bytes").GetInt64()}.");
            }
            if (!string.Equals(hash, entry.GetProperty("sha256").GetString(), StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{file}: SHA-256 {hash} differs from the manifest's.");
            }
        }
        return problems;
    }

    /// <summary>Size and lower-case hexadecimal SHA-256 of a file.</summary>
    public static (long Bytes, string Sha256) Hash(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        var hash = SHA256.HashData(stream);
        return (stream.Length, Convert.ToHexStringLower(hash));
    }

    private static IEnumerable<string> ListFiles(string directory) =>
        System.IO.Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Where(f => f != FileName && f != FileName + ".tmp");

    /// <summary>Tables in <see cref="Tables.All"/> order, then any others by name.</summary>
    private static IEnumerable<KeyValuePair<string, long>> OrderTables(IReadOnlyDictionary<string, long> counts) =>
        counts.OrderBy(p => Tables.Find(p.Key)?.Index ?? int.MaxValue).ThenBy(p => p.Key, StringComparer.Ordinal);

    /// <summary>The full path of a relative file, which must stay inside the directory.</summary>
    private static string Resolve(string directory, string file)
    {
        var root = Path.GetFullPath(directory);
        var full = Path.GetFullPath(Path.Combine(root, file));
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        if (Path.IsPathRooted(file) || !full.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{file}: not a path inside the output directory.");
        }
        return full;
    }
}
