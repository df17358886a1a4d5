using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Vista;

/// <summary>
/// Writes VistA FileMan globals into <c>&lt;directory&gt;/vista/</c>. <see cref="VistaMode.FileManInternal"/> (the
/// default) writes one GT.M/YottaDB ZWR file per FileMan file (<c>DPT.zwr</c>, <c>AUPNVSIT.zwr</c>, ...) that
/// <c>mupip load -format=zwr</c> accepts unchanged; <see cref="VistaMode.Legacy"/> writes the seed's plain MUMPS
/// listing <c>vista_globals.mumps</c>. Layout: docs/outputs.md, "VistA globals".
/// </summary>
/// <remarks>
/// Streaming: each patient's nodes are written when the patient is handed over; dictionary entries (drugs, lab tests,
/// ICD codes...) are written the first time a record points at them; IENs depend only on the patient index or the
/// entry's meaning (<see cref="VistaIens"/>), so a shard writes the bytes its patients have in the whole run. The file header nodes (<c>^DPT(0)="PATIENT^2^last IEN^count"</c>)
/// need the final counts: <see cref="Complete"/> appends them as each file's last line. Memory held: one IEN per
/// distinct dictionary entry and the visits of the current patient.
/// </remarks>
public sealed class VistaExporter : IRecordExporter
{
    /// <summary>The sub-directory the files go in.</summary>
    public const string SubDirectory = "vista";

    private readonly IVistaWriter _writer;
    private bool _completed;
    private bool _disposed;

    /// <summary>Creates <c>&lt;directory&gt;/vista/</c> and opens its files (overwriting).</summary>
    public VistaExporter(string directory, VistaMode mode = VistaMode.FileManInternal)
        : this(OutputTarget.Folder(directory), mode)
    {
    }

    /// <summary>Opens its files in <paramref name="target"/> (a folder, or nowhere for a dry run).</summary>
    public VistaExporter(OutputTarget target, VistaMode mode = VistaMode.FileManInternal)
    {
        ArgumentNullException.ThrowIfNull(target);
        Directory = target.Directory ?? "";
        Mode = mode;
        _writer = mode switch
        {
            VistaMode.FileManInternal => new FileManWriter(target, SubDirectory),
            VistaMode.Legacy => new LegacyWriter(target, SubDirectory),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown VistA mode."),
        };
    }

    /// <summary>
    /// Whether <paramref name="path"/> ("vista/PSDRUG.zwr") is a dictionary file, whose entries several shards may each
    /// hold (merge keeps the first copy of each line), rather than a file of patient data, which shards never share.
    /// </summary>
    public static bool IsDictionaryFile(string path) =>
        path.StartsWith(SubDirectory + "/", StringComparison.Ordinal) && path.EndsWith(".zwr", StringComparison.Ordinal)
        && FileManWriter.DictionaryStems.Contains(path[(SubDirectory.Length + 1)..^4]);

    /// <summary>The directory given to the constructor (the files are in its vista/ sub-directory).</summary>
    public string Directory { get; }

    public VistaMode Mode { get; }

    /// <summary>
    /// Entries (IENs) written per FileMan file, keyed "vista/&lt;file&gt;" (for example "vista/DPT": patients,
    /// "vista/PSDRUG": distinct drugs), so the keys never collide with the CSV tables'.
    /// </summary>
    public IReadOnlyDictionary<string, long> RowCounts => new Dictionary<string, long>(_writer.Counts);

    /// <summary>"vista/DPT.zwr", ... (patient files first, then dictionaries), or "vista/vista_globals.mumps".</summary>
    public IReadOnlyList<string> Files => _writer.Files;

    public void Write(PatientRecord patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed) throw new InvalidOperationException("The exporter has completed.");
        _writer.Write(patient);
    }

    public void Complete()
    {
        if (_completed) return;
        ObjectDisposedException.ThrowIf(_disposed, this);
        _completed = true;
        _writer.Complete();
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _writer.Dispose();
    }
}

/// <summary>One way of writing the globals (a <see cref="VistaMode"/>).</summary>
internal interface IVistaWriter : IDisposable
{
    IReadOnlyList<string> Files { get; }

    IEnumerable<KeyValuePair<string, long>> Counts { get; }

    void Write(PatientRecord record);

    void Complete();
}
