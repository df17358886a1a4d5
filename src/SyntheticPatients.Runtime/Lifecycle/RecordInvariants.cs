using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Checks the temporal invariants every finished record must satisfy: all dates within [birth, end], stops not
/// before starts, every clinical row attached to an encounter that covers it, no COVID-19 vaccine before 2020-12-14. Returns the
/// violations (empty when the record is sound); tests and diagnostics use it.
/// </summary>
public static class RecordInvariants
{
    public static IReadOnlyList<string> Check(PatientRecord record)
    {
        var problems = new List<string>();
        var birth = record.Demographics.BirthDate;
        var end = record.End;
        var encounters = EncounterFactory.ById(record);

        void Date(string what, DateTime date)
        {
            if (date < birth || date > end) problems.Add($"{what} dated {date:O} outside [{birth:O}, {end:O}]");
        }
        void Span(string what, DateTime start, DateTime? stop)
        {
            Date(what, start);
            if (stop is { } s)
            {
                Date(what + " stop", s);
                if (s < start) problems.Add($"{what} stops ({s:O}) before it starts ({start:O})");
            }
        }
        void Inside(string what, Guid? encounterId, DateTime date)
        {
            // Every row belongs to a visit (EncounterLinks gives one to rows recorded outside one).
            if (encounterId is not { } id) { problems.Add($"{what} at {date:O} has no encounter"); return; }
            if (!encounters.TryGetValue(id, out var e)) problems.Add($"{what} refers to a missing encounter {id}");
            else if (date < e.Start || date > e.Stop) problems.Add($"{what} at {date:O} outside its encounter {e.Definition.Name} [{e.Start:O}, {e.Stop:O}]");
        }

        foreach (var e in record.Encounters) Span("encounter " + e.Definition.Name, e.Start, e.Stop);
        foreach (var c in record.Conditions) { Span("condition " + c.Definition.Name, c.Start, c.Stop); Inside("condition " + c.Definition.Name, c.EncounterId, c.Start); }
        foreach (var m in record.Medications) { Span("medication " + m.Definition.Name, m.Start, m.Stop); Inside("medication " + m.Definition.Name, m.EncounterId, m.Start); }
        foreach (var o in record.Observations) { Date("observation " + o.Definition.Name, o.Date); Inside("observation " + o.Definition.Name, o.EncounterId, o.Date); }
        foreach (var p in record.Procedures)
        {
            Span("procedure " + p.Definition.Name, p.Start, p.Stop);
            Inside("procedure " + p.Definition.Name, p.EncounterId, p.Start);
            Inside("procedure end " + p.Definition.Name, p.EncounterId, p.Stop);
        }
        foreach (var i in record.Immunizations)
        {
            Date("immunization " + i.Definition.Name, i.Date);
            Inside("immunization " + i.Definition.Name, i.EncounterId, i.Date);
            if (IsCovidVaccine(i.Definition) && i.Date < ImmunizationCatalog.CovidVaccineStart) problems.Add($"COVID-19 vaccine on {i.Date:O}, before 2020-12-14");
        }
        foreach (var a in record.Allergies) { Span("allergy " + a.Definition.Name, a.Start, a.Stop); Inside("allergy " + a.Definition.Name, a.EncounterId, a.Start); }
        foreach (var p in record.CarePlans) { Span("care plan " + p.Definition.Name, p.Start, p.Stop); Inside("care plan " + p.Definition.Name, p.EncounterId, p.Start); }
        foreach (var f in record.FamilyHistory) Date("family history " + f.Condition.Name, f.Recorded);
        if (record.Death is { } death) { Date("death", death.Date); Inside("death", death.EncounterId, death.Date); }
        return problems;
    }

    /// <summary>CVX codes of COVID-19 vaccines (207, 208, 210-213, 217-221, 225-230, 300-313 ranges used by the CDC).</summary>
    public static bool IsCovidVaccine(Definitions.ClinicalDefinition definition)
    {
        foreach (var code in definition.Codes)
        {
            if (!string.Equals(code.System, "CVX", StringComparison.OrdinalIgnoreCase) || !int.TryParse(code.Value, out int cvx)) continue;
            if (cvx is 207 or 208 or (>= 210 and <= 213) or (>= 217 and <= 221) or (>= 225 and <= 230) or (>= 300 and <= 313)) return true;
        }
        return false;
    }
}
