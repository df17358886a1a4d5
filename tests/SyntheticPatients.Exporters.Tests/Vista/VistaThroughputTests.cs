using System.Diagnostics;
using System.Globalization;
using SyntheticPatients.Exporters.Vista;
using SyntheticPatients.Runtime.Records;
using Xunit.Abstractions;

namespace SyntheticPatients.Exporters.Tests.Vista;

/// <summary>
/// Times the exporter alone: 1,000 pipeline patients are generated first and kept in memory, then written three times
/// (best run reported, next to the CSV exporter on the same records); every run must give the same bytes. Not run in
/// parallel with other tests, so the timing is not shared with them.
/// </summary>
[Collection(nameof(VistaThroughputTests))]
public sealed class VistaThroughputTests
{
    private const int Patients = 1000;
    private readonly ITestOutputHelper _output;

    public VistaThroughputTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Export_throughput_on_pipeline_patients()
    {
        var records = VistaCohort.Build(Patients);
        var vista = Measure(dir => new VistaExporter(dir), records, out var files, out var bytes, out var nodes);
        var csv = Measure(dir => new CsvExporter(dir), records, out _, out var csvBytes, out _);
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"VistA (fileman_internal): {Patients} patients, {files} files, {nodes:N0} nodes, {bytes / 1e6:F1} MB in {vista.TotalMilliseconds:F0} ms: " +
            $"{Patients / vista.TotalSeconds:F0} patients/s, {nodes / vista.TotalSeconds:N0} nodes/s, {bytes / 1e6 / vista.TotalSeconds:F0} MB/s"));
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CSV, same records: {csvBytes / 1e6:F1} MB in {csv.TotalMilliseconds:F0} ms: {Patients / csv.TotalSeconds:F0} patients/s"));
        Assert.True(nodes > Patients * 10L);
    }

    /// <summary>Best of three runs (write every record, complete); checks the runs wrote identical files.</summary>
    private static TimeSpan Measure(Func<string, IRecordExporter> create, IReadOnlyList<PatientRecord> records, out int files, out long bytes, out long nodes)
    {
        var best = TimeSpan.MaxValue;
        Dictionary<string, byte[]>? first = null;
        files = 0;
        bytes = nodes = 0;
        for (int run = 0; run < 3; run++)
        {
            using var dir = new TempDirectory();
            var clock = Stopwatch.StartNew();
            var exporter = create(dir.Path);
            using (exporter)
            {
                foreach (var r in records) exporter.Write(r);
                exporter.Complete();
            }
            clock.Stop();
            if (clock.Elapsed < best) best = clock.Elapsed;
            var contents = exporter.Files.ToDictionary(f => f, f => File.ReadAllBytes(dir.File(f)));
            if (first is null)
            {
                first = contents;
                files = contents.Count;
                bytes = contents.Values.Sum(b => (long)b.Length);
                nodes = contents.Values.Sum(b => b.Count(c => c == (byte)'\n') - 2L);
            }
            else
            {
                foreach (var (file, content) in contents) Assert.True(first[file].AsSpan().SequenceEqual(content), $"{file} differs between runs");
            }
        }
        return best;
    }
}

[CollectionDefinition(nameof(VistaThroughputTests), DisableParallelization = true)]
public sealed class VistaThroughputCollection;
