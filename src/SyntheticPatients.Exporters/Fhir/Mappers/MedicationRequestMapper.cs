using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Fhir.Mappers;

/// <summary>MedicationRequest (US Core MedicationRequest): an order of an RxNorm medication, its requester and reason.</summary>
internal static class MedicationRequestMapper
{
    public static void Write(PatientScope scope, MedicationRecord m, int index)
    {
        var w = scope.Sink.Begin(FhirResourceType.MedicationRequest, ResourceIds.Derive(scope.PatientId, ResourceIds.Kind.MedicationRequest, index));
        FhirJson.Meta(w, UsCoreProfiles.MedicationRequest);
        w.WriteString("status"u8, Status(scope, m));
        w.WriteString("intent"u8, "order"u8);
        FhirJson.Concept(w, "medicationCodeableConcept"u8, m.Definition.Codes, Terminology.Text(m.Definition, CodeSystems.RxNorm));
        scope.PatientReference(w, "subject"u8);
        scope.EncounterReference(w, m.EncounterId);
        FhirJson.DateTime(w, "authoredOn"u8, m.Start);
        var (type, id) = scope.Requester(m.EncounterId, m.Start);
        scope.Reference(w, "requester"u8, type, id);
        FhirJson.ConceptArray(w, "reasonCode"u8, m.Reason);
        if (!string.IsNullOrWhiteSpace(m.Definition.Dose))
        {
            w.WriteStartArray("dosageInstruction"u8);
            w.WriteStartObject();
            w.WriteNumber("sequence"u8, 1);
            w.WriteString("text"u8, m.Definition.Dose);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteStartObject("dispenseRequest"u8);
        FhirJson.Period(w, "validityPeriod"u8, m.Start, m.Stop);
        if (m.Dispenses > 0) w.WriteNumber("numberOfRepeatsAllowed"u8, m.Dispenses - 1);
        w.WriteEndObject();
        scope.Sink.End(FhirResourceType.MedicationRequest);
    }

    /// <summary>completed once stopped; stopped when the patient died while taking it; else active.</summary>
    private static string Status(PatientScope scope, MedicationRecord m)
    {
        if (m.Stop is { } stop) return scope.Patient.Death is { } death && death.Date <= stop ? "stopped" : "completed";
        return scope.Patient.Death is null ? "active" : "stopped";
    }
}
