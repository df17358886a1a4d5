using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Fhir.Mappers;

/// <summary>
/// FamilyMemberHistory (no US Core profile exists for it): one relative's condition, with the age at onset and
/// whether it killed them.
/// </summary>
internal static class FamilyMemberHistoryMapper
{
    public static void Write(PatientScope scope, FamilyHistoryRecord f)
    {
        var w = scope.Sink.Begin(FhirResourceType.FamilyMemberHistory, f.Id);
        w.WriteString("status"u8, "completed"u8);
        scope.PatientReference(w, "patient"u8);
        FhirJson.Date(w, "date"u8, f.Recorded);
        if (Terminology.IsFhirCode(f.RelationCode))
        {
            FhirJson.Concept(w, "relationship"u8, Terminology.V3RoleCode, f.RelationCode, f.Relation.Length > 0 ? f.Relation : null, f.Relation.Length > 0 ? f.Relation : null);
        }
        else
        {
            w.WriteStartObject("relationship"u8);
            w.WriteString("text"u8, f.Relation.Length > 0 ? f.Relation : f.RelationCode);
            w.WriteEndObject();
        }
        if (Terminology.RelativeSex(f.RelationCode) is { } sex)
        {
            FhirJson.Concept(w, "sex"u8, Terminology.AdministrativeGender, sex, sex == "female" ? "Female" : "Male");
        }
        if (f.Deceased) w.WriteBoolean("deceasedBoolean"u8, true);
        w.WriteStartArray("condition"u8);
        w.WriteStartObject();
        FhirJson.Concept(w, "code"u8, f.Condition.Codes, Terminology.Text(f.Condition, CodeSystems.Snomed));
        if (f.Deceased) w.WriteBoolean("contributedToDeath"u8, true);
        if (f.OnsetAge is { } age && age > 0)
        {
            w.WriteStartObject("onsetAge"u8);
            w.WriteNumber("value"u8, age);
            w.WriteString("unit"u8, "a"u8);
            w.WriteString("system"u8, Terminology.Ucum);
            w.WriteString("code"u8, "a"u8);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndArray();
        scope.Sink.End(FhirResourceType.FamilyMemberHistory);
    }
}
