using System.Text;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Hl7;

/// <summary>
/// Writes HL7 v2.5.1 messages to <c>&lt;directory&gt;/hl7/adt.hl7</c>, <c>oru.hl7</c> and <c>vxu.hl7</c>
/// (see <see cref="Hl7Encoder"/> for what each holds). UTF-8 without a byte order mark; segments end with CR; messages
/// follow each other with nothing in between, or, with <c>mllp</c>, each framed as MLLP does on the wire:
/// 0x0B, the message, 0x1C 0x0D.
/// </summary>
/// <remarks>
/// <see cref="RowCounts"/> counts messages per file (keys <c>adt</c>, <c>oru</c>, <c>vxu</c>);
/// <see cref="MessageCounts"/> per message type.
/// </remarks>
public sealed class Hl7Exporter : IRecordExporter, IHl7MessageSink
{
    /// <summary>The sub-directory the files go in.</summary>
    public const string SubDirectory = "hl7";

    /// <summary>MLLP start block (VT).</summary>
    public const char StartBlock = '\u000B';

    /// <summary>MLLP end block (FS), followed by a CR.</summary>
    public const char EndBlock = '\u001C';

    private static readonly string[] FeedNames = { "adt", "oru", "vxu" };
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly StreamWriter[] _writers = new StreamWriter[3];
    private readonly long[] _feedCounts = new long[3];
    private readonly long[] _typeCounts = new long[Hl7MessageType.All.Count];
    private readonly Hl7Encoder _encoder = new();
    private bool _completed;
    private bool _disposed;

    /// <summary>Creates <c>&lt;directory&gt;/hl7/</c> and opens the three files (overwriting).</summary>
    /// <param name="directory">The run's output directory.</param>
    /// <param name="mllp">Frame every message with MLLP's start and end blocks.</param>
    public Hl7Exporter(string directory, bool mllp = false)
        : this(OutputTarget.Folder(directory), mllp)
    {
    }

    /// <summary>Opens the three files in <paramref name="target"/> (a folder, or nowhere for a dry run).</summary>
    public Hl7Exporter(OutputTarget target, bool mllp = false)
    {
        ArgumentNullException.ThrowIfNull(target);
        Directory = target.Directory ?? "";
        Mllp = mllp;
        try
        {
            for (int i = 0; i < _writers.Length; i++)
            {
                var stream = target.Create(SubDirectory + "/" + FeedNames[i] + ".hl7", bufferSize: 0);
                _writers[i] = new StreamWriter(stream, Utf8, bufferSize: 64 * 1024) { AutoFlush = false };
            }
        }
        catch
        {
            foreach (var w in _writers) w?.Dispose();
            throw;
        }
        Files = FeedNames.Select(n => SubDirectory + "/" + n + ".hl7").ToArray();
        RowCounts = new CountView(FeedNames, _feedCounts);
        MessageCounts = new CountView(Hl7MessageType.All.Select(t => t.Name).ToArray(), _typeCounts);
    }

    /// <summary>The directory given to the constructor (the files are in its hl7/ sub-directory).</summary>
    public string Directory { get; }

    /// <summary>Whether messages are MLLP-framed.</summary>
    public bool Mllp { get; }

    /// <summary>Messages written per file: <c>adt</c>, <c>oru</c>, <c>vxu</c>.</summary>
    public IReadOnlyDictionary<string, long> RowCounts { get; }

    /// <summary>Messages written per type (<see cref="Hl7MessageType.Name"/>: ADT^A01, ADT^A03, ADT^A04, ADT^A08, ORU^R01, VXU^V04).</summary>
    public IReadOnlyDictionary<string, long> MessageCounts { get; }

    /// <summary><c>hl7/adt.hl7</c>, <c>hl7/oru.hl7</c>, <c>hl7/vxu.hl7</c>.</summary>
    public IReadOnlyList<string> Files { get; }

    public void Write(PatientRecord patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed) throw new InvalidOperationException("The exporter has completed.");
        _encoder.Encode(patient, this);
    }

    void IHl7MessageSink.Accept(Hl7MessageType type, StringBuilder message)
    {
        int feed = (int)type.Feed;
        var writer = _writers[feed];
        if (Mllp) writer.Write(StartBlock);
        writer.Write(message);
        if (Mllp)
        {
            writer.Write(EndBlock);
            writer.Write('\r');
        }
        _feedCounts[feed]++;
        for (int i = 0; i < _typeCounts.Length; i++)
        {
            if (ReferenceEquals(Hl7MessageType.All[i], type))
            {
                _typeCounts[i]++;
                break;
            }
        }
    }

    public void Complete()
    {
        if (_completed) return;
        ObjectDisposedException.ThrowIf(_disposed, this);
        _completed = true;
        foreach (var w in _writers) w.Dispose();
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var w in _writers) w.Dispose();
    }

    /// <summary>A live read-only view of counters by name.</summary>
    private sealed class CountView : IReadOnlyDictionary<string, long>
    {
        private readonly string[] _names;
        private readonly long[] _counts;

        public CountView(string[] names, long[] counts)
        {
            _names = names;
            _counts = counts;
        }

        public long this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);

        public IEnumerable<string> Keys => _names;

        public IEnumerable<long> Values => _counts;

        public int Count => _names.Length;

        public bool ContainsKey(string key) => Array.IndexOf(_names, key) >= 0;

        public bool TryGetValue(string key, out long value)
        {
            int i = Array.IndexOf(_names, key);
            value = i >= 0 ? _counts[i] : 0;
            return i >= 0;
        }

        public IEnumerator<KeyValuePair<string, long>> GetEnumerator()
        {
            for (int i = 0; i < _names.Length; i++) yield return new(_names[i], _counts[i]);
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
