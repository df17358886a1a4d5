using System.Runtime.ExceptionServices;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters;

/// <summary>Hands a batch of patients to several exporters at once.</summary>
public static class ParallelExport
{
    /// <summary>
    /// Each exporter writes the whole batch on its own thread: one exporter is never called from two threads at once
    /// and sees the patients in order, so every file is the same as a sequential run's. With every format on, the
    /// exporters, not generation, were the bottleneck on one thread.
    /// </summary>
    public static void Write(IReadOnlyList<IRecordExporter> exporters, ArraySegment<PatientRecord> batch)
    {
        if (exporters.Count == 1)
        {
            foreach (var record in batch) exporters[0].Write(record);
            return;
        }
        try
        {
            Parallel.ForEach(exporters, exporter =>
            {
                foreach (var record in batch) exporter.Write(record);
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            // The same error as a sequential run would raise (a full disk, say), not wrapped.
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
    }
}
