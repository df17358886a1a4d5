using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Fhir.Mappers;

/// <summary>Encounter (US Core Encounter): class, type, clinician, period, reason and the facility.</summary>
internal static class EncounterMapper
{
    public static void Write(PatientScope scope, EncounterRecord e)
    {
        var w = scope.Sink.Begin(FhirResourceType.Encounter, e.Id);
        FhirJson.Meta(w, UsCoreProfiles.Encounter);
        FhirJson.UuidIdentifier(w, e.Id);
        w.WriteString("status"u8, "finished"u8);
        var (classCode, classDisplay) = Terminology.EncounterClass(e.Definition.Class);
        FhirJson.Coding(w, "class"u8, Terminology.V3ActCode, classCode, classDisplay);
        w.WriteStartArray("type"u8);
        FhirJson.Concept(w, e.Definition.Codes, Terminology.Text(e.Definition, CodeSystems.Snomed));
        w.WriteEndArray();
        scope.PatientReference(w, "subject"u8);
        if (e.ProviderId != Guid.Empty)
        {
            w.WriteStartArray("participant"u8);
            w.WriteStartObject();
            FhirJson.ConceptArray(w, "type"u8, Terminology.V3ParticipationType, "PPRF", "primary performer", "primary performer");
            FhirJson.Period(w, "period"u8, e.Start, e.Stop);
            scope.Reference(w, "individual"u8, FhirResourceType.Practitioner, e.ProviderId);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        FhirJson.Period(w, "period"u8, e.Start, e.Stop);
        FhirJson.ConceptArray(w, "reasonCode"u8, e.Reason);
        if (e.OrganizationId != Guid.Empty) scope.Reference(w, "serviceProvider"u8, FhirResourceType.Organization, e.OrganizationId);
        scope.Sink.End(FhirResourceType.Encounter);
    }
}
