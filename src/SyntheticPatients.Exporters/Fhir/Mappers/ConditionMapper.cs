using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Fhir.Mappers;

/// <summary>
/// Condition: an encounter diagnosis when recorded in an encounter (US Core Condition Encounter Diagnosis), else a
/// problem list item (US Core Condition Problems and Health Concerns). Clinical status from the stop date (or the
/// definition's status at onset), verification status confirmed.
/// </summary>
internal static class ConditionMapper
{
    public static void Write(PatientScope scope, ConditionRecord c, int index)
    {
        bool inEncounter = scope.Encounter(c.EncounterId) is not null;
        var w = scope.Sink.Begin(FhirResourceType.Condition, scope.ConditionId(index));
        FhirJson.Meta(w, inEncounter ? UsCoreProfiles.ConditionEncounterDiagnosis : UsCoreProfiles.ConditionProblems);
        var status = ClinicalStatus(c);
        FhirJson.Concept(w, "clinicalStatus"u8, Terminology.ConditionClinical, status, Display(status));
        FhirJson.Concept(w, "verificationStatus"u8, Terminology.ConditionVerification, "confirmed", "Confirmed");
        if (inEncounter) FhirJson.ConceptArray(w, "category"u8, Terminology.ConditionCategory, "encounter-diagnosis", "Encounter Diagnosis");
        else FhirJson.ConceptArray(w, "category"u8, Terminology.ConditionCategory, "problem-list-item", "Problem List Item");
        FhirJson.Concept(w, "code"u8, c.Definition.Codes, Terminology.Text(c.Definition, CodeSystems.Snomed));
        scope.PatientReference(w, "subject"u8);
        scope.EncounterReference(w, c.EncounterId);
        FhirJson.DateTime(w, "onsetDateTime"u8, c.Start);
        if (c.Stop is { } stop) FhirJson.DateTime(w, "abatementDateTime"u8, stop < c.Start ? c.Start : stop);
        FhirJson.DateTime(w, "recordedDate"u8, c.Start);
        scope.Sink.End(FhirResourceType.Condition);
    }

    /// <summary>resolved once stopped; else the status the module gives at onset when it is an active one, else active.</summary>
    private static string ClinicalStatus(ConditionRecord c)
    {
        if (c.Stop is not null) return "resolved";
        return c.Definition.Status switch
        {
            "recurrence" => "recurrence",
            "relapse" => "relapse",
            _ => "active",
        };
    }

    private static string Display(string status) => status switch
    {
        "resolved" => "Resolved",
        "recurrence" => "Recurrence",
        "relapse" => "Relapse",
        _ => "Active",
    };
}
