using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Tests;

public sealed class ParallelExportTests
{
    [Fact]
    public void Every_exporter_sees_every_patient_of_the_batch_in_order()
    {
        var batch = Enumerable.Range(0, 50).Select(i => new PatientRecord { Index = i }).ToArray();
        var exporters = Enumerable.Range(0, 4).Select(_ => new RecordingExporter()).ToArray();

        ParallelExport.Write(exporters, new ArraySegment<PatientRecord>(batch, 5, 40));

        Assert.All(exporters, e => Assert.Equal(Enumerable.Range(5, 40).Select(i => (long)i), e.Seen));
    }

    [Fact]
    public void An_exporter_error_comes_out_unwrapped()
    {
        var exporters = new IRecordExporter[] { new RecordingExporter(), new RecordingExporter { Fail = true } };

        var error = Assert.Throws<IOException>(() => ParallelExport.Write(exporters, new[] { new PatientRecord() }));

        Assert.Equal("disk full", error.Message);
    }

    private sealed class RecordingExporter : IRecordExporter
    {
        public List<long> Seen { get; } = new();

        public bool Fail { get; init; }

        public IReadOnlyDictionary<string, long> RowCounts => new Dictionary<string, long>();

        public IReadOnlyList<string> Files => Array.Empty<string>();

        public void Write(PatientRecord patient)
        {
            if (Fail) throw new IOException("disk full");
            Seen.Add(patient.Index);
        }

        public void Complete()
        {
        }

        public void Dispose()
        {
        }
    }
}
