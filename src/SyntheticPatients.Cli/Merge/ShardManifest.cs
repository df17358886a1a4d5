using System.Globalization;
using System.Text.Json;
using SyntheticPatients.Cli.Generation;
using SyntheticPatients.Exporters;

namespace SyntheticPatients.Cli;

/// <summary>What <c>merge</c> reads from one shard's manifest.json: the settings, its patient range, rows and files.</summary>
internal sealed record ShardManifest(
    string Folder,
    string ToolVersion,
    ulong Seed,
    string Scenario,
    long First,
    long Patients,
    IReadOnlyDictionary<string, string> Options,
    IReadOnlyDictionary<string, long> Tables,
    IReadOnlyList<string> Files)
{
    /// <summary>Manifest option: the index of a slice's first patient (absent for a run from patient 0).</summary>
    public const string FirstPatientKey = "first_patient";

    /// <summary>Manifest option: "K/N" for a <c>--shard</c> run.</summary>
    public const string ShardKey = "shard";

    /// <summary>The options every shard of one population shares (all but where the slice starts).</summary>
    public IReadOnlyDictionary<string, string> SharedOptions { get; } =
        Options.Where(o => o.Key is not FirstPatientKey and not ShardKey).ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);

    /// <summary>Reads and checks <c>&lt;folder&gt;/manifest.json</c> (every file present with its size and SHA-256).</summary>
    public static ShardManifest Read(string folder)
    {
        var path = Path.Combine(folder, ManifestWriter.FileName);
        if (!File.Exists(path)) throw new InputException($"error: '{folder}' has no {ManifestWriter.FileName}: give the output folders of completed generate runs.");
        var problems = ManifestWriter.Verify(folder);
        if (problems.Count > 0) throw new InputException($"error: '{folder}' does not match its manifest ({string.Join("; ", problems.Take(3))}): generate that shard again.");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var options = root.GetProperty("options").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
            long first = options.TryGetValue(FirstPatientKey, out var text) ? long.Parse(text, CultureInfo.InvariantCulture) : 0;
            return new ShardManifest(
                folder,
                root.GetProperty("toolVersion").GetString() ?? "",
                root.GetProperty("seed").GetUInt64(),
                root.GetProperty("scenario").GetString() ?? "",
                first,
                root.GetProperty("patients").GetInt64(),
                options,
                root.GetProperty("tables").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal),
                root.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString() ?? "").ToArray());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InputException($"error: {path} is not a synthpatients manifest ({ex.Message}).");
        }
    }

    /// <summary>The settings that must agree for shards to be parts of one population, as one comparable line.</summary>
    public string Settings => string.Join("; ",
        new[] { $"toolVersion={ToolVersion}", $"seed={Seed}", $"scenario={Scenario}" }
            .Concat(SharedOptions.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}")));
}
