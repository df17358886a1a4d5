using System.Security.Cryptography;
using System.Text.Json;

namespace SyntheticPatients.Exporters.Tests;

public class ManifestWriterTests
{
    private static (TempDirectory Dir, IRecordExporter Exporter) WriteRun()
    {
        var dir = new TempDirectory();
        var exporter = Export.Run(new CompositeExporter(new CsvExporter(dir.Path), new ParquetExporter(dir.Path)), Export.Sample());
        return (dir, exporter);
    }

    private static ManifestInfo Info(IRecordExporter exporter, bool listFiles = true) => new()
    {
        ToolVersion = "0.1.0-test",
        Seed = 18446744073709551615UL,
        Scenario = "general",
        Patients = 3,
        Options = new Dictionary<string, string> { ["formats"] = "csv,parquet", ["endDate"] = "2026-01-01" },
        RowCounts = exporter.RowCounts,
        Files = listFiles ? exporter.Files : null,
    };

    [Fact]
    public void Manifest_records_the_run_and_hashes_every_file()
    {
        var (dir, exporter) = WriteRun();
        using var _ = dir;
        var path = ManifestWriter.Write(dir.Path, Info(exporter));

        Assert.Equal(dir.File("manifest.json"), path);
        Assert.False(File.Exists(path + ".tmp"));
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("manifestVersion").GetInt32());
        Assert.Equal("0.1.0-test", root.GetProperty("toolVersion").GetString());
        Assert.Equal(18446744073709551615UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal("general", root.GetProperty("scenario").GetString());
        Assert.Equal(3, root.GetProperty("patients").GetInt64());
        Assert.Equal("csv,parquet", root.GetProperty("options").GetProperty("formats").GetString());
        Assert.Equal(new[] { "endDate", "formats" }, root.GetProperty("options").EnumerateObject().Select(p => p.Name));

        var tables = root.GetProperty("tables").EnumerateObject().ToList();
        Assert.Equal(Tables.All.Select(t => t.Name), tables.Select(t => t.Name));
        Assert.All(tables, t => Assert.Equal(exporter.RowCounts[t.Name], t.Value.GetInt64()));

        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(exporter.Files.Order(StringComparer.Ordinal), files.Select(f => f.GetProperty("path").GetString()));
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(dir.File(file.GetProperty("path").GetString()!));
            Assert.Equal(bytes.LongLength, file.GetProperty("bytes").GetInt64());
            Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), file.GetProperty("sha256").GetString());
        }
        Assert.Empty(ManifestWriter.Verify(dir.Path));
    }

    [Fact]
    public void Without_a_file_list_every_file_but_the_manifest_is_listed()
    {
        var (dir, exporter) = WriteRun();
        using var _ = dir;
        ManifestWriter.Write(dir.Path, Info(exporter));
        ManifestWriter.Write(dir.Path, Info(exporter, listFiles: false));

        using var json = JsonDocument.Parse(File.ReadAllBytes(dir.File("manifest.json")));
        var paths = json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToList();
        Assert.Equal(exporter.Files.Order(StringComparer.Ordinal), paths);
    }

    [Fact]
    public void Verify_reports_changed_and_missing_files()
    {
        var (dir, exporter) = WriteRun();
        using var _ = dir;
        ManifestWriter.Write(dir.Path, Info(exporter));

        File.AppendAllText(dir.File("csv/patients.csv"), "tampered\r\n");
        File.Delete(dir.File("parquet/deaths.parquet"));
        var problems = ManifestWriter.Verify(dir.Path);

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("csv/patients.csv: ", StringComparison.Ordinal) && p.Contains("bytes"));
        Assert.Contains(problems, p => p.StartsWith("csv/patients.csv: SHA-256", StringComparison.Ordinal));
        Assert.Contains("parquet/deaths.parquet: missing.", problems);
    }

    [Fact]
    public void Same_run_gives_the_same_manifest()
    {
        var (a, ea) = WriteRun();
        var (b, eb) = WriteRun();
        using var __ = a;
        using var ___ = b;
        ManifestWriter.Write(a.Path, Info(ea));
        ManifestWriter.Write(b.Path, Info(eb));
        Assert.Equal(File.ReadAllBytes(a.File("manifest.json")), File.ReadAllBytes(b.File("manifest.json")));
    }

    [Fact]
    public void Files_outside_the_directory_are_refused()
    {
        using var dir = new TempDirectory();
        var info = new ManifestInfo { ToolVersion = "x", Seed = 1, Scenario = "s", Patients = 0, Files = new[] { "../etc/passwd" } };
        Assert.Throws<ArgumentException>(() => ManifestWriter.Write(dir.Path, info));
    }
}
