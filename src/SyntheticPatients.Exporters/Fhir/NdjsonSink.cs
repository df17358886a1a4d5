using System.Buffers;
using System.Text.Json;

namespace SyntheticPatients.Exporters.Fhir;

/// <summary>
/// Resources as FHIR Bulk Data NDJSON: one file per resource type, one resource per line (UTF-8, LF), references
/// as <c>Type/id</c>. Organizations and practitioners are written once per run.
/// </summary>
internal sealed class NdjsonSink : ResourceSink, IDisposable
{
    private static readonly byte[] NewLine = { (byte)'\n' };

    private readonly Stream[] _streams;
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly Utf8JsonWriter _writer;
    private readonly HashSet<(FhirResourceType, Guid)> _claimed = new();

    /// <param name="streams">One writable stream per <see cref="FhirResourceType"/>, in its order; the sink owns them.</param>
    public NdjsonSink(Stream[] streams, JsonWriterOptions options)
    {
        _streams = streams;
        _writer = new Utf8JsonWriter(_buffer, options);
    }

    public override bool UrnReferences => false;

    public override bool Claim(FhirResourceType type, Guid id) => _claimed.Add((type, id));

    protected override Utf8JsonWriter StartResource(FhirResourceType type, Guid id)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        return _writer;
    }

    protected override void EndResource(FhirResourceType type, string? ifNoneExist)
    {
        _writer.WriteEndObject();
        _writer.Flush();
        var stream = _streams[(int)type];
        stream.Write(_buffer.WrittenSpan);
        stream.Write(NewLine);
    }

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _writer.Dispose();
        foreach (var s in _streams) s.Dispose();
    }
}
