using System.Text.Json;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;
using FhirModel = Hl7.Fhir.Model;

namespace SyntheticPatients.Exporters.Tests.Fhir;

/// <summary>
/// Firely's SDK (Hl7.Fhir.R4) as the independent parser and validator of what the exporter writes: its strict
/// deserializer (required elements, required-binding codes, unknown elements, primitive formats, urn:uuid GUIDs)
/// and its attribute validation (<c>poco.Validate()</c>: cardinality).
/// </summary>
public static class FirelyCheck
{
    /// <summary>Parses one resource (a Bundle, or an NDJSON line) strictly; returns it and every problem found.</summary>
    public static (FhirModel.Resource? Resource, List<string> Problems) Parse(ReadOnlySpan<byte> json, string where)
    {
        var problems = new List<string>();
        var reader = new Utf8JsonReader(json);
        FhirJsonDeserializer.STRICT.TryDeserializeResource(ref reader, out var resource, out var issues);
        foreach (var issue in issues) problems.Add($"{where}: parser: {issue.ErrorCode} {issue.Message}");
        if (resource is not null)
        {
            foreach (var issue in resource.Validate()) problems.Add($"{where}: Validate(): {issue.ErrorCode} {issue.Message}");
        }
        else
        {
            problems.Add($"{where}: no resource parsed.");
        }
        return (resource, problems);
    }

    /// <summary>Firely's own serialization of a parsed resource (compact JSON).</summary>
    public static string Serialize(FhirModel.Resource resource) => FhirJsonSerializer.Default.SerializeToString(resource);
}
