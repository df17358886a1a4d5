using BenchmarkDotNet.Attributes;
using SyntheticPatients.Exporters;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Benchmarks;

/// <summary>
/// Benchmarks that write files: every iteration gets a fresh folder under the temp folder (so no iteration reuses
/// another's files) and removes it afterwards.
/// </summary>
public abstract class FileOutputBenchmark
{
    /// <summary>The current iteration's folder.</summary>
    protected string OutputDirectory { get; private set; } = "";

    [IterationSetup]
    public void NewDirectory()
    {
        OutputDirectory = Path.Combine(Path.GetTempPath(), "sp-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(OutputDirectory);
    }

    [IterationCleanup]
    public void DeleteDirectory() => Directory.Delete(OutputDirectory, recursive: true);

    /// <summary>Writes every record with one exporter, as the orchestrator calls it; returns the rows written.</summary>
    protected static long WriteAll(IRecordExporter exporter, IEnumerable<PatientRecord> records)
    {
        using (exporter)
        {
            foreach (var record in records) exporter.Write(record);
            exporter.Complete();
            return exporter.RowCounts.Values.Sum();
        }
    }
}
