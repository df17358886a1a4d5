using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Fhir.Mappers;

/// <summary>Procedure (US Core Procedure): code, when it was performed, by whom and why.</summary>
internal static class ProcedureMapper
{
    public static void Write(PatientScope scope, ProcedureRecord p, int index)
    {
        var w = scope.Sink.Begin(FhirResourceType.Procedure, ResourceIds.Derive(scope.PatientId, ResourceIds.Kind.Procedure, index));
        FhirJson.Meta(w, UsCoreProfiles.Procedure);
        w.WriteString("status"u8, "completed"u8);
        FhirJson.Concept(w, "code"u8, p.Definition.Codes, Terminology.Text(p.Definition, CodeSystems.Snomed));
        scope.PatientReference(w, "subject"u8);
        var encounter = scope.Encounter(p.EncounterId);
        if (encounter is not null) scope.Reference(w, "encounter"u8, FhirResourceType.Encounter, encounter.Id);
        FhirJson.Period(w, "performedPeriod"u8, p.Start, p.Stop);
        if (encounter is { ProviderId: var provider } && provider != Guid.Empty)
        {
            w.WriteStartArray("performer"u8);
            w.WriteStartObject();
            scope.Reference(w, "actor"u8, FhirResourceType.Practitioner, provider);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        FhirJson.ConceptArray(w, "reasonCode"u8, p.Reason);
        scope.Sink.End(FhirResourceType.Procedure);
    }
}
