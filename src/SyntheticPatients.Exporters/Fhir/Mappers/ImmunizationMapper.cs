using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Fhir.Mappers;

/// <summary>Immunization (US Core Immunization): the CVX vaccine given, when, and the dose number in its series.</summary>
internal static class ImmunizationMapper
{
    public static void Write(PatientScope scope, ImmunizationRecord i, int index)
    {
        var w = scope.Sink.Begin(FhirResourceType.Immunization, ResourceIds.Derive(scope.PatientId, ResourceIds.Kind.Immunization, index));
        FhirJson.Meta(w, UsCoreProfiles.Immunization);
        w.WriteString("status"u8, "completed"u8);
        FhirJson.Concept(w, "vaccineCode"u8, i.Definition.Codes, Terminology.Text(i.Definition, CodeSystems.Cvx));
        scope.PatientReference(w, "patient"u8);
        scope.EncounterReference(w, i.EncounterId);
        FhirJson.DateTime(w, "occurrenceDateTime"u8, i.Date);
        FhirJson.DateTime(w, "recorded"u8, i.Date);
        w.WriteBoolean("primarySource"u8, true);
        if (i.Definition.DoseNumber > 0)
        {
            w.WriteStartArray("protocolApplied"u8);
            w.WriteStartObject();
            w.WriteNumber("doseNumberPositiveInt"u8, i.Definition.DoseNumber);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        scope.Sink.End(FhirResourceType.Immunization);
    }
}
