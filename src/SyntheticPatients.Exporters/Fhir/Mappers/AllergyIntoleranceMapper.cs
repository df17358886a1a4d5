using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Fhir.Mappers;

/// <summary>AllergyIntolerance (US Core AllergyIntolerance): substance, type, category, criticality and reactions.</summary>
internal static class AllergyIntoleranceMapper
{
    public static void Write(PatientScope scope, AllergyRecord a, int index)
    {
        var w = scope.Sink.Begin(FhirResourceType.AllergyIntolerance, ResourceIds.Derive(scope.PatientId, ResourceIds.Kind.AllergyIntolerance, index));
        FhirJson.Meta(w, UsCoreProfiles.AllergyIntolerance);
        bool resolved = a.Stop is not null;
        FhirJson.Concept(w, "clinicalStatus"u8, Terminology.AllergyClinical, resolved ? "resolved" : "active", resolved ? "Resolved" : "Active");
        FhirJson.Concept(w, "verificationStatus"u8, Terminology.AllergyVerification, "confirmed", "Confirmed");
        if (a.Type is "allergy" or "intolerance") w.WriteString("type"u8, a.Type);
        if (a.Category is "food" or "medication" or "environment" or "biologic")
        {
            w.WriteStartArray("category"u8);
            w.WriteStringValue(a.Category);
            w.WriteEndArray();
        }
        var severity1 = Severity(a.Severity1);
        var severity2 = Severity(a.Severity2);
        if (severity1 is not null || severity2 is not null)
        {
            w.WriteString("criticality"u8, severity1 == "severe" || severity2 == "severe" ? "high"u8 : "low"u8);
        }
        var code = a.Definition.CodeOf(CodeSystems.Snomed) ?? a.Definition.CodeOf(CodeSystems.RxNorm) ?? a.Definition.PrimaryCode;
        FhirJson.Concept(w, "code"u8, a.Definition.Codes, code?.Display is { Length: > 0 } d ? d : a.Definition.Name);
        scope.PatientReference(w, "patient"u8);
        scope.EncounterReference(w, a.EncounterId);
        FhirJson.DateTime(w, "onsetDateTime"u8, a.Start);
        FhirJson.DateTime(w, "recordedDate"u8, a.Start);
        if (a.Reaction1 is not null || a.Reaction2 is not null)
        {
            w.WriteStartArray("reaction"u8);
            Reaction(w, a.Reaction1, severity1);
            Reaction(w, a.Reaction2, severity2);
            w.WriteEndArray();
        }
        scope.Sink.End(FhirResourceType.AllergyIntolerance);
    }

    private static void Reaction(System.Text.Json.Utf8JsonWriter w, Code? manifestation, string? severity)
    {
        if (manifestation is null) return;
        w.WriteStartObject();
        w.WriteStartArray("manifestation"u8);
        FhirJson.Concept(w, manifestation);
        w.WriteEndArray();
        if (severity is not null) w.WriteString("severity"u8, severity);
        w.WriteEndObject();
    }

    /// <summary>FHIR's reaction severity (mild, moderate, severe) of a recorded one in any case; null otherwise.</summary>
    private static string? Severity(string? recorded)
    {
        if (recorded is null) return null;
        if (recorded.Equals("mild", StringComparison.OrdinalIgnoreCase)) return "mild";
        if (recorded.Equals("moderate", StringComparison.OrdinalIgnoreCase)) return "moderate";
        if (recorded.Equals("severe", StringComparison.OrdinalIgnoreCase)) return "severe";
        return null;
    }
}
