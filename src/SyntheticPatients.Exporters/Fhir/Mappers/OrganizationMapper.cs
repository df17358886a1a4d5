namespace SyntheticPatients.Exporters.Fhir.Mappers;

/// <summary>Organization (US Core Organization) of a facility an encounter took place at: name and, when known, its state.</summary>
internal static class OrganizationMapper
{
    public static void Write(PatientScope scope, Guid id)
    {
        var value = id.ToString("D");
        var w = scope.Sink.Begin(FhirResourceType.Organization, id);
        FhirJson.Meta(w, UsCoreProfiles.Organization);
        w.WriteStartArray("identifier"u8);
        w.WriteStartObject();
        w.WriteString("system"u8, Terminology.OrganizationSystem);
        w.WriteString("value"u8, value);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteBoolean("active"u8, true);
        FhirJson.ConceptArray(w, "type"u8, Terminology.OrganizationType, "prov", "Healthcare Provider", "Healthcare Provider");
        w.WriteString("name"u8, ProviderDirectory.OrganizationName(id));
        if (ProviderDirectory.KnownOrganization(id) is { StateCode.Length: > 0 } known)
        {
            w.WriteStartArray("address"u8);
            w.WriteStartObject();
            w.WriteString("state"u8, known.StateCode);
            w.WriteString("country"u8, "US"u8);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        scope.Sink.End(FhirResourceType.Organization, "identifier=" + Terminology.OrganizationSystem + "|" + value);
    }
}
