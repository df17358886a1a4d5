using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters;

/// <summary>Several exporters as one (CSV and Parquet of the same run): every call goes to each, in order.</summary>
public sealed class CompositeExporter : IRecordExporter
{
    private readonly IRecordExporter[] _exporters;

    /// <param name="exporters">At least one exporter; the composite owns (disposes) them.</param>
    public CompositeExporter(params IRecordExporter[] exporters)
    {
        ArgumentNullException.ThrowIfNull(exporters);
        if (exporters.Length == 0) throw new ArgumentException("At least one exporter is needed.", nameof(exporters));
        _exporters = exporters;
        Files = exporters.SelectMany(e => e.Files).ToArray();
    }

    /// <summary>The row counts of the first exporter: every exporter writes the same rows.</summary>
    public IReadOnlyDictionary<string, long> RowCounts => _exporters[0].RowCounts;

    /// <summary>The files of every exporter, in exporter order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <inheritdoc />
    public void Write(PatientRecord patient)
    {
        foreach (var e in _exporters) e.Write(patient);
    }

    /// <inheritdoc />
    public void Complete()
    {
        foreach (var e in _exporters) e.Complete();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        List<Exception>? errors = null;
        foreach (var e in _exporters)
        {
            try
            {
                e.Dispose();
            }
            catch (Exception ex)
            {
                (errors ??= new()).Add(ex);
            }
        }
        if (errors is not null) throw new AggregateException(errors);
    }
}
