using System.Globalization;
using SyntheticPatients.Cli.Generation;
using SyntheticPatients.Exporters;
using SyntheticPatients.Exporters.Fhir;
using SyntheticPatients.Exporters.Vista;
using SyntheticPatients.Reporting;

namespace SyntheticPatients.Cli;

/// <summary>
/// Joins the shards of one population into one dataset in <paramref name="staging"/>: the tables have the rows of the
/// single run in its order (CSV, HL7, FHIR and VistA files byte for byte), Parquet as hive-style partitions, the
/// dashboard rebuilt from the joined CSV, and the manifest recomputed (docs/scale-out.md).
/// </summary>
internal sealed class DatasetMerger(IReadOnlyList<ShardManifest> shards, string staging)
{
    private const string ParquetFolder = "parquet/";
    private readonly Dictionary<string, long> _recounted = new(StringComparer.Ordinal);
    private readonly List<string> _files = new();

    public IReadOnlyList<string> Files => _files;

    /// <summary>Writes every file and the manifest; returns the merged manifest's information.</summary>
    public ManifestInfo Merge()
    {
        var byPath = shards.SelectMany(s => s.Files).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        bool dashboard = false;
        foreach (var path in byPath)
        {
            if (IsDashboard(path))
            {
                dashboard = true;
                continue;
            }
            var sources = shards.Where(s => s.Files.Contains(path)).Select(s => Path.Combine(s.Folder, path)).ToList();
            MergeFile(path, sources);
        }
        var first = shards[0];
        if (dashboard) _files.AddRange(DashboardBuilder.Build(staging, Dashboard(first)).Files);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var shard in shards)
        {
            foreach (var (table, rows) in shard.Tables) counts[table] = counts.GetValueOrDefault(table) + rows;
        }
        foreach (var (table, rows) in _recounted) counts[table] = rows;
        return new ManifestInfo
        {
            ToolVersion = first.ToolVersion,
            Seed = first.Seed,
            Scenario = first.Scenario,
            Patients = shards.Sum(s => s.Patients),
            Options = first.SharedOptions,
            RowCounts = counts,
            Files = _files,
        };
    }

    private void MergeFile(string path, IReadOnlyList<string> sources)
    {
        var target = Path.Combine(staging, path);
        if (path.StartsWith(ParquetFolder, StringComparison.Ordinal))
        {
            MergeParquet(path, sources);
            return;
        }
        _files.Add(path);
        if (path.EndsWith(".csv", StringComparison.Ordinal)) FileMerges.Concatenate(target, sources, headerLines: 1);
        else if (path.EndsWith(".hl7", StringComparison.Ordinal)) FileMerges.Concatenate(target, sources, headerLines: 0);
        else if (FhirExporter.IsSharedNdjson(path)) _recounted[FhirExporter.CountPrefix + Path.GetFileNameWithoutExtension(path)] = FileMerges.Union(target, sources);
        else if (path.EndsWith(".ndjson", StringComparison.Ordinal)) FileMerges.Concatenate(target, sources, headerLines: 0);
        else if (path.StartsWith(FhirExporter.SubDirectory + "/", StringComparison.Ordinal) && path.EndsWith(".json", StringComparison.Ordinal)) CopyPatientFile(target, sources);
        else if (path.EndsWith(".zwr", StringComparison.Ordinal))
        {
            _recounted[path[..^".zwr".Length]] = FileMerges.Zwr(target, sources, VistaExporter.IsDictionaryFile(path));
        }
        else if (path == VistaExporter.SubDirectory + "/vista_globals.mumps")
        {
            var keys = new[] { "DPT", "AUPNVSIT", "AUPNPROB" }.Select(k => VistaExporter.SubDirectory + "/" + k).ToArray();
            foreach (var (key, rows) in FileMerges.Legacy(target, sources, keys)) _recounted[key] = rows;
        }
        else throw new InputException($"error: merge does not know how to join '{path}' (a file of a newer or a modified synthpatients?).");
    }

    /// <summary>A FHIR bundle, named by its patient's id: in one shard only.</summary>
    private static void CopyPatientFile(string target, IReadOnlyList<string> sources)
    {
        if (sources.Count > 1) throw new InputException($"error: {string.Join(" and ", sources)} are the same patient's bundle: the shards overlap.");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(sources[0], target);
    }

    /// <summary>parquet/&lt;table&gt;.parquet of shard i becomes parquet/&lt;table&gt;/shard=i/part.parquet (hive-style: one table to Spark or DuckDB).</summary>
    private void MergeParquet(string path, IReadOnlyList<string> sources)
    {
        var table = Path.GetFileNameWithoutExtension(path);
        for (int i = 0; i < shards.Count; i++)
        {
            var source = Path.Combine(shards[i].Folder, path);
            if (!sources.Contains(source)) continue;
            var part = string.Create(CultureInfo.InvariantCulture, $"{ParquetFolder}{table}/shard={i:D5}/part.parquet");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(staging, part))!);
            File.Copy(source, Path.Combine(staging, part));
            _files.Add(part);
        }
    }

    private static bool IsDashboard(string path) => path.StartsWith("dashboard/", StringComparison.Ordinal) || path == "report.txt";

    private static DashboardOptions Dashboard(ShardManifest shard) => new()
    {
        EndDate = shard.Options.TryGetValue("end_date", out var end) ? DateOnly.ParseExact(end, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        Scenario = shard.Scenario,
        Seed = shard.Seed,
    };
}
