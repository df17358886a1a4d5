using System.Text.Encodings.Web;
using System.Text.Json;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Fhir;

/// <summary>
/// Writes one patient's FHIR R4 transaction Bundle as JSON straight into a <see cref="Utf8JsonWriter"/> (no object
/// model in between: benchmarks/README.md measures this path against Firely's serializer). Not thread-safe: use one
/// instance per thread. Output depends only on the record.
/// </summary>
public sealed class FhirBundleWriter
{
    /// <summary>
    /// The writer options the exporter uses: compact, and only the characters JSON requires escaped (non-ASCII text
    /// stays readable UTF-8).
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly BundleSink _sink = new();
    private readonly PatientResources _resources = new();

    /// <summary>Writes the Bundle as one JSON value; the caller flushes <paramref name="writer"/>.</summary>
    public void Write(PatientRecord patient, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(writer);
        _sink.StartBundle(writer, BundleId(patient.Demographics.Id));
        _resources.Write(patient, _sink);
        _sink.EndBundle();
    }

    /// <summary>Resources written so far by this writer, by type.</summary>
    internal ReadOnlySpan<long> Counts => _sink.Counts;

    /// <summary>The id of a patient's Bundle (derived from the patient's id).</summary>
    public static Guid BundleId(Guid patientId) => ResourceIds.Derive(patientId, ResourceIds.Kind.Bundle, 0);
}
