using System.Text;

namespace SyntheticPatients.Runtime.Tests.Lockstep;

/// <summary>Every event a patient context holds, one line each, for comparing two runs.</summary>
internal static class EventText
{
    public static string Of(PatientContext patient)
    {
        var text = new StringBuilder();
        Append(text, "encounter", patient.Encounters.AsSpan());
        Append(text, "condition", patient.Conditions.AsSpan());
        Append(text, "medication", patient.Medications.AsSpan());
        Append(text, "observation", patient.Observations.AsSpan());
        Append(text, "procedure", patient.Procedures.AsSpan());
        Append(text, "immunization", patient.Immunizations.AsSpan());
        Append(text, "care plan", patient.CarePlans.AsSpan());
        Append(text, "allergy", patient.Allergies.AsSpan());
        text.Append("death ").Append(patient.HasDied ? patient.DeathTicks : 0).Append('\n');
        for (int slot = 0; slot < patient.Attributes.Length; slot++) text.Append("attribute ").Append(slot).Append(' ').Append(patient.Attributes[slot]).Append('\n');
        return text.ToString();
    }

    private static void Append<T>(StringBuilder text, string kind, ReadOnlySpan<Events.ClinicalEvent<T>> events) where T : Definitions.ClinicalDefinition
    {
        foreach (var e in events)
        {
            text.Append(kind).Append(' ').Append(e.Start).Append(' ').Append(e.End).Append(' ').Append(e.Definition.Name)
                .Append(' ').Append(e.Value).Append(' ').Append(e.Encounter).Append(' ').Append(e.Status).Append('\n');
        }
    }
}
