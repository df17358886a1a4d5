namespace SyntheticPatients.Exporters.Fhir.Mappers;

/// <summary>Practitioner (US Core Practitioner) who saw the patient: NPI and name.</summary>
internal static class PractitionerMapper
{
    public static void Write(PatientScope scope, Guid id)
    {
        var npi = ProviderDirectory.Npi(id);
        var (given, family) = ProviderDirectory.PractitionerName(id);
        var w = scope.Sink.Begin(FhirResourceType.Practitioner, id);
        FhirJson.Meta(w, UsCoreProfiles.Practitioner);
        w.WriteStartArray("identifier"u8);
        w.WriteStartObject();
        w.WriteString("system"u8, Terminology.Npi);
        w.WriteString("value"u8, npi);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteBoolean("active"u8, true);
        w.WriteStartArray("name"u8);
        w.WriteStartObject();
        w.WriteString("family"u8, family);
        w.WriteStartArray("given"u8);
        w.WriteStringValue(given);
        w.WriteEndArray();
        w.WriteStartArray("prefix"u8);
        w.WriteStringValue("Dr.");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        scope.Sink.End(FhirResourceType.Practitioner, "identifier=" + Terminology.Npi + "|" + npi);
    }
}
