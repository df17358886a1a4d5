using System.Text;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Fhir.Mappers;

/// <summary>
/// CarePlan (US Core CarePlan): a generated narrative, the assess-plan category plus the plan's own code, the
/// condition it addresses (when the patient has it) and its activities.
/// </summary>
internal static class CarePlanMapper
{
    public static void Write(PatientScope scope, CarePlanRecord c)
    {
        var d = c.Definition;
        var title = Terminology.Text(d, CodeSystems.Snomed);
        bool active = c.Stop is null && scope.Patient.Death is null;
        int condition = scope.ConditionFor(c.Reason, c.Start);

        var w = scope.Sink.Begin(FhirResourceType.CarePlan, c.Id);
        FhirJson.Meta(w, UsCoreProfiles.CarePlan);
        w.WriteStartObject("text"u8);
        w.WriteString("status"u8, "generated"u8);
        w.WriteString("div"u8, Narrative(c, title));
        w.WriteEndObject();
        w.WriteString("status"u8, active ? "active"u8 : "completed"u8);
        w.WriteString("intent"u8, "plan"u8);
        w.WriteStartArray("category"u8);
        FhirJson.Concept(w, Terminology.CarePlanCategory, "assess-plan", "Assessment and Plan of Treatment");
        if (d.Codes.Count > 0) FhirJson.Concept(w, d.Codes, title);
        w.WriteEndArray();
        scope.PatientReference(w, "subject"u8);
        scope.EncounterReference(w, c.EncounterId);
        FhirJson.Period(w, "period"u8, c.Start, c.Stop);
        if (condition >= 0)
        {
            w.WriteStartArray("addresses"u8);
            scope.Reference(w, FhirResourceType.Condition, scope.ConditionId(condition));
            w.WriteEndArray();
        }
        if (d.Activities.Count > 0)
        {
            w.WriteStartArray("activity"u8);
            foreach (var a in d.Activities)
            {
                w.WriteStartObject();
                w.WriteStartObject("detail"u8);
                FhirJson.Concept(w, "code"u8, a.Codes, a.Name);
                w.WriteString("status"u8, ActivityStatus(a.Status) ?? (active ? "in-progress" : "completed"));
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        scope.Sink.End(FhirResourceType.CarePlan);
    }

    private static string? ActivityStatus(string? status) => status switch
    {
        "not-started" or "scheduled" or "in-progress" or "on-hold" or "completed" or "cancelled" or "stopped" => status,
        _ => null,
    };

    /// <summary>The plan in words, as XHTML (US Core requires a narrative for a care plan).</summary>
    private static string Narrative(CarePlanRecord c, string title)
    {
        var text = new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Care plan: ");
        Escape(text, title);
        text.Append(".</p>");
        if (c.Reason is { } reason)
        {
            text.Append("<p>Reason: ");
            Escape(text, reason.Display is { Length: > 0 } display ? display : reason.Value);
            text.Append(".</p>");
        }
        if (c.Definition.Activities.Count > 0)
        {
            text.Append("<p>Activities:</p><ul>");
            foreach (var a in c.Definition.Activities)
            {
                text.Append("<li>");
                Escape(text, a.Name);
                text.Append("</li>");
            }
            text.Append("</ul>");
        }
        return text.Append("</div>").ToString();
    }

    private static void Escape(StringBuilder text, string value)
    {
        foreach (char ch in value)
        {
            switch (ch)
            {
                case '&': text.Append("&amp;"); break;
                case '<': text.Append("&lt;"); break;
                case '>': text.Append("&gt;"); break;
                case '\r' or '\n' or '\t': text.Append(' '); break;
                default:
                    if (!char.IsControl(ch)) text.Append(ch);
                    break;
            }
        }
    }
}
