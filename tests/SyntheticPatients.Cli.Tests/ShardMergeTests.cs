using System.Text.Json;
using SyntheticPatients.Exporters.Tests;
using Xunit;

namespace SyntheticPatients.Cli.Tests;

/// <summary>
/// Shards (issue 16): 300 patients generated as one run and as three shards in separate processes (the shard number from
/// JOB_COMPLETION_INDEX, as in a Kubernetes Indexed Job, or explicit --first-patient ranges), merged, must give the
/// single run's dataset: every CSV, FHIR, HL7 and VistA file byte for byte, Parquet partitions with the same rows.
/// </summary>
public sealed class ShardMergeTests
{
    private const string Patients = "300";
    private const string Seed = "20261206";

    [Fact]
    public void Three_indexed_job_shards_merge_into_the_single_run_byte_for_byte()
    {
        var work = CliRunner.TempDirectory();
        try
        {
            string[] options = ["-n", Patients, "--seed", Seed, "--threads", "1"];
            Generate(work, "single", options);
            var shards = Enumerable.Range(0, 3).Select(k => CliRunner.Start(work,
                new Dictionary<string, string?> { ["JOB_COMPLETION_INDEX"] = k.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                ["generate", .. options, "--shard", "auto/3", "-o", $"shard{k}"])).ToList();
            foreach (var shard in shards) Succeeded(shard.WaitForExit());

            var shard1 = Manifest(work, "shard1");
            Assert.Equal(100, shard1.GetProperty("patients").GetInt64());
            Assert.Equal("100", shard1.GetProperty("options").GetProperty("first_patient").GetString());
            Assert.Equal("1/3", shard1.GetProperty("options").GetProperty("shard").GetString());

            Succeeded(CliRunner.Run(work, "merge", "shard2", "shard0", "shard1", "-o", "merged"));

            // The manifest lists the size and SHA-256 of every file (CSV, FHIR bundles, HL7, VistA, dashboard): equal
            // manifests are equal datasets, and no file is left out of either.
            Assert.Equal(File.ReadAllText(Path.Combine(work, "single", "manifest.json")), File.ReadAllText(Path.Combine(work, "merged", "manifest.json")));
            Assert.Equal(Listing(Path.Combine(work, "single")), Listing(Path.Combine(work, "merged")));
        }
        finally
        {
            CliRunner.Delete(work);
        }
    }

    [Fact]
    public void Uneven_ranges_in_every_other_format_merge_into_the_single_run()
    {
        var work = CliRunner.TempDirectory();
        try
        {
            string[] options = ["-n", Patients, "--seed", Seed, "--threads", "1", "--both", "--fhir-bulk", "--hl7-mllp", "--vista-mode", "legacy"];
            Generate(work, "single", options);
            var ranges = new[] { (First: 0, Count: 17), (First: 17, Count: 200), (First: 217, Count: 83) };
            var shards = ranges.Select(r => CliRunner.Start(work,
                ["generate", .. options[2..], "-n", $"{r.Count}", "--first-patient", $"{r.First}", "-o", $"from{r.First}"])).ToList();
            foreach (var shard in shards) Succeeded(shard.WaitForExit());
            Succeeded(CliRunner.Run(work, "merge", "from217", "from0", "from17", "-o", "merged"));

            var single = Manifest(work, "single");
            var merged = Manifest(work, "merged");
            Assert.Equal(single.GetProperty("patients").GetInt64(), merged.GetProperty("patients").GetInt64());
            Assert.Equal(single.GetProperty("options").ToString(), merged.GetProperty("options").ToString());
            Assert.Equal(single.GetProperty("tables").ToString(), merged.GetProperty("tables").ToString());

            // Everything but Parquet byte for byte (FHIR NDJSON with organizations and practitioners once, MLLP HL7, the
            // legacy VistA listing with its recomputed headers, CSV, dashboard).
            var singleFiles = Hashes(single).Where(f => !f.Key.StartsWith("parquet/", StringComparison.Ordinal)).ToList();
            Assert.Equal(singleFiles, Hashes(merged).Where(f => !f.Key.StartsWith("parquet/", StringComparison.Ordinal)).ToList());
            Assert.Contains(singleFiles, f => f.Key == "fhir/Organization.ndjson");

            // Parquet: parquet/<table>.parquet becomes parquet/<table>/shard=<i>/part.parquet, one per shard in patient
            // order; read in that order the partitions hold the single table's rows.
            var parquet = Hashes(single).Select(f => f.Key).Where(f => f.StartsWith("parquet/", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(parquet);
            foreach (var file in parquet)
            {
                var table = Path.GetFileNameWithoutExtension(file);
                var whole = ParquetTable.Read(Path.Combine(work, "single", file));
                var parts = Enumerable.Range(0, ranges.Length)
                    .Select(i => ParquetTable.Read(Path.Combine(work, "merged", "parquet", table, $"shard={i:D5}", "part.parquet"))).ToList();
                Assert.All(parts, p => Assert.Equal(whole.Names, p.Names));
                Assert.Equal(whole.Rows, parts.SelectMany(p => p.Rows).ToList());
            }
        }
        finally
        {
            CliRunner.Delete(work);
        }
    }

    [Theory]
    [InlineData("3/3", null, "shards are numbered from 0 to 2")]
    [InlineData("1", null, "is not K/N")]
    [InlineData("0/0", null, "is not K/N")]
    [InlineData("x/3", null, "'x' is not a shard number")]
    [InlineData("auto/3", null, "JOB_COMPLETION_INDEX, which is not set")]
    [InlineData("auto/3", "two", "JOB_COMPLETION_INDEX is 'two'")]
    [InlineData("0/7", null, "more shards than patients")]
    public void A_bad_shard_is_refused_before_anything_is_written(string shard, string? jobIndex, string message)
    {
        var work = CliRunner.TempDirectory();
        var result = CliRunner.Start(work, new Dictionary<string, string?> { ["JOB_COMPLETION_INDEX"] = jobIndex },
            ["generate", "-n", "6", "--shard", shard, "-o", "out"]).WaitForExit();
        AssertRejected(result, work, message);
    }

    [Fact]
    public void Shard_and_first_patient_together_and_a_negative_first_patient_are_refused()
    {
        var work = CliRunner.TempDirectory();
        AssertRejected(CliRunner.Run(work, "generate", "-n", "6", "--shard", "0/2", "--first-patient", "3", "-o", "out"), work, "--shard and --first-patient cannot be combined");
        AssertRejected(CliRunner.Run(work, "generate", "-n", "6", "--first-patient", "-1", "-o", "out"), work, "--first-patient is -1");
    }

    [Fact]
    public void Merge_refuses_a_missing_shard_shards_of_another_seed_and_writing_into_a_shard()
    {
        var work = CliRunner.TempDirectory();
        string[] quick = ["-n", "6", "--threads", "1", "--skip-fhir", "--skip-hl7", "--skip-vista", "--skip-report"];
        Generate(work, "a", [.. quick, "--shard", "0/3"]);
        Generate(work, "b", [.. quick, "--shard", "1/3"]);
        Generate(work, "c", [.. quick, "--shard", "2/3"]);
        Generate(work, "b7", [.. quick, "--shard", "1/3", "--seed", "7"]);

        AssertRejected(CliRunner.Run(work, "merge", "a", "c", "-o", "out"), work, "patients 2 to 3 are missing");
        AssertRejected(CliRunner.Run(work, "merge", "a", "b7", "c", "-o", "out"), work, "seed=7");
        AssertRejected(CliRunner.Run(work, "merge", "a", "b", "b", "c", "-o", "out"), work, "overlaps the patients before");
        var shardManifest = File.ReadAllText(Path.Combine(work, "a", "manifest.json"));
        AssertRejected(CliRunner.Run(work, "merge", "a", "b", "c", "-o", "a"), work, "is one of the shards");
        Assert.Equal(shardManifest, File.ReadAllText(Path.Combine(work, "a", "manifest.json")));
    }

    private static void Generate(string work, string folder, string[] options) =>
        Succeeded(CliRunner.Run(work, ["generate", .. options, "-o", folder]));

    private static void Succeeded(CliRunner.Result result) => Assert.True(result.ExitCode == 0, result.Stderr);

    private static void AssertRejected(CliRunner.Result result, string work, string expectedInMessage)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expectedInMessage, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(work, "out")), "a refused run must not create its output folder");
    }

    private static JsonElement Manifest(string work, string folder) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(work, folder, "manifest.json"))).RootElement;

    private static List<KeyValuePair<string, string>> Hashes(JsonElement manifest) =>
        manifest.GetProperty("files").EnumerateArray()
            .Select(f => new KeyValuePair<string, string>(f.GetProperty("path").GetString()!, f.GetProperty("sha256").GetString()!)).ToList();

    private static List<string> Listing(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();
}
