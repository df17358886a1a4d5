using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters;

/// <summary>
/// Writes patient records to files, streaming: every row is written (or buffered up to a bounded size) when the
/// patient is handed over, and nothing is kept per run. One thread calls it, in patient-index order.
/// </summary>
/// <remarks>
/// A <see cref="PatientRecord"/> may be cleared and reused as soon as <see cref="Write"/> returns: exporters copy what
/// they need. Disposing without <see cref="Complete"/> closes the files as they are (a partial output, which the
/// caller discards).
/// </remarks>
public interface IRecordExporter : IDisposable
{
    /// <summary>Writes every row of one patient, in every table.</summary>
    /// <exception cref="InvalidOperationException">After <see cref="Complete"/> or <see cref="IDisposable.Dispose"/>.</exception>
    void Write(PatientRecord patient);

    /// <summary>Flushes and closes every file. Calling it again does nothing.</summary>
    void Complete();

    /// <summary>Rows written so far per table name (<see cref="Tables"/>): final once <see cref="Complete"/> returned.</summary>
    IReadOnlyDictionary<string, long> RowCounts { get; }

    /// <summary>
    /// The files this exporter writes, relative to the directory it was given, with '/' separators
    /// (for example "csv/patients.csv"), in table order.
    /// </summary>
    IReadOnlyList<string> Files { get; }
}
