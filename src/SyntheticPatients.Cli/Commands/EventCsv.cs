using System.Globalization;
using SyntheticPatients.Runtime;
using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Events;

namespace SyntheticPatients.Cli;

/// <summary>Writes a patient's module events as CSV rows (one table for every kind of event).</summary>
internal static class EventCsv
{
    public static int Write(TextWriter writer, long patient, PatientContext context)
    {
        int rows = 0;
        rows += Rows(writer, patient, "encounter", context.Encounters.AsSpan());
        rows += Rows(writer, patient, "condition", context.Conditions.AsSpan());
        rows += Rows(writer, patient, "medication", context.Medications.AsSpan());
        rows += Rows(writer, patient, "observation", context.Observations.AsSpan());
        rows += Rows(writer, patient, "procedure", context.Procedures.AsSpan());
        rows += Rows(writer, patient, "immunization", context.Immunizations.AsSpan());
        rows += Rows(writer, patient, "careplan", context.CarePlans.AsSpan());
        rows += Rows(writer, patient, "allergy", context.Allergies.AsSpan());
        return rows;
    }

    private static int Rows<T>(TextWriter writer, long patient, string type, ReadOnlySpan<ClinicalEvent<T>> events)
        where T : ClinicalDefinition
    {
        foreach (ref readonly var e in events)
        {
            writer.Write(patient.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(type);
            writer.Write(',');
            writer.Write(Date(e.Start));
            writer.Write(',');
            writer.Write(e.End == ClinicalEvent<T>.Open ? string.Empty : Date(e.End));
            writer.Write(',');
            writer.Write(e.Definition.PrimaryCode?.Value ?? string.Empty);
            writer.Write(',');
            writer.Write(Quote(e.Definition.Name));
            writer.Write(',');
            writer.WriteLine(double.IsNaN(e.Value) ? string.Empty : e.Value.ToString("R", CultureInfo.InvariantCulture));
        }
        return events.Length;
    }

    private static string Date(long ticks) => new DateTime(ticks).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Quote(string text) => text.Contains(',') || text.Contains('"') ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
