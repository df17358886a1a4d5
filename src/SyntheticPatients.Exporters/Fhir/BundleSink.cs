using System.Text.Json;

namespace SyntheticPatients.Exporters.Fhir;

/// <summary>
/// Resources as the entries of a transaction Bundle: <c>fullUrl</c> <c>urn:uuid:&lt;id&gt;</c>, the resource, and a
/// <c>request</c> (POST to the type; a conditional create for shared organizations and practitioners, so loading many
/// patients' bundles into one server creates each of them once).
/// </summary>
internal sealed class BundleSink : ResourceSink
{
    private readonly HashSet<(FhirResourceType, Guid)> _claimed = new();
    private Utf8JsonWriter? _writer;

    public override bool UrnReferences => true;

    /// <summary>Starts one patient's Bundle: the entries follow, then <see cref="EndBundle"/>.</summary>
    public void StartBundle(Utf8JsonWriter writer, Guid bundleId)
    {
        _writer = writer;
        _claimed.Clear();
        writer.WriteStartObject();
        writer.WriteString("resourceType"u8, "Bundle"u8);
        FhirJson.Id(writer, bundleId);
        writer.WriteString("type"u8, "transaction"u8);
        writer.WriteStartArray("entry"u8);
    }

    public void EndBundle()
    {
        var writer = _writer ?? throw new InvalidOperationException("No bundle is being written.");
        writer.WriteEndArray();
        writer.WriteEndObject();
        _writer = null;
    }

    public override bool Claim(FhirResourceType type, Guid id) => _claimed.Add((type, id));

    protected override Utf8JsonWriter StartResource(FhirResourceType type, Guid id)
    {
        var w = _writer ?? throw new InvalidOperationException("No bundle is being written.");
        Span<byte> url = stackalloc byte[45];
        "urn:uuid:"u8.CopyTo(url);
        id.TryFormat(url[9..], out _, "D");
        w.WriteStartObject();
        w.WriteString("fullUrl"u8, url);
        w.WriteStartObject("resource"u8);
        return w;
    }

    protected override void EndResource(FhirResourceType type, string? ifNoneExist)
    {
        var w = _writer!;
        w.WriteEndObject();
        w.WriteStartObject("request"u8);
        w.WriteString("method"u8, "POST"u8);
        w.WriteString("url"u8, FhirResourceTypes.Utf8Name(type));
        if (ifNoneExist is not null) w.WriteString("ifNoneExist"u8, ifNoneExist);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
