using SyntheticPatients.Runtime.Lifecycle;
using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Tests.Records;

/// <summary>
/// Counts, over finished records, the rows that break the encounter-link and medication-order rules
/// (docs/outputs.md): rows without a (covering) encounter per table, patients with a drug ordered twice at once,
/// orders open longer than their kind's course, chronic orders left unrenewed, and orders open over 10 years.
/// </summary>
public sealed class RecordLinkSurvey
{
    public int Patients { get; private set; }

    /// <summary>Per table: rows with an empty ENCOUNTER.</summary>
    public SortedDictionary<string, int> Unlinked { get; } = new(StringComparer.Ordinal);

    /// <summary>Per table: rows whose encounter is missing or does not cover the row's time.</summary>
    public SortedDictionary<string, int> Misplaced { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> Rows { get; } = new(StringComparer.Ordinal);

    public int PatientsWithDuplicateOpenDrug { get; private set; }

    /// <summary>Per kind: orders open longer than the kind's course.</summary>
    public SortedDictionary<MedicationKind, int> OverCourse { get; } = new();

    /// <summary>Per kind: orders open for more than 10 years.</summary>
    public SortedDictionary<MedicationKind, int> OpenOverTenYears { get; } = new();

    /// <summary>Chronic orders that stay open more than a year past an encounter with no encounter since.</summary>
    public int Unrenewed { get; private set; }

    public List<string> Examples { get; } = new();

    /// <summary>Encounters in all, and of the kinds a visit made for an unlinked row has (for before/after figures).</summary>
    public SortedDictionary<string, int> Encounters { get; } = new(StringComparer.Ordinal);

    public static RecordLinkSurvey Of(int patients)
    {
        var survey = new RecordLinkSurvey();
        GeneralScenarioRun.Run(patients, survey.Observe);
        return survey;
    }

    public void Observe(PatientRecord record)
    {
        Patients++;
        var encounters = EncounterFactory.ById(record);
        foreach (var e in record.Encounters)
        {
            Encounters["all"] = Encounters.GetValueOrDefault("all") + 1;
            if (e.Definition == EncounterCatalog.Problem || e.Definition == EncounterCatalog.OutpatientProcedure || e.Definition == EncounterCatalog.DeathCertification)
                Encounters[e.Definition.Name] = Encounters.GetValueOrDefault(e.Definition.Name) + 1;
        }
        void Row(string table, Guid? encounter, DateTime first, DateTime last)
        {
            Rows[table] = Rows.GetValueOrDefault(table) + 1;
            if (encounter is not { } id) Count(Unlinked, table, $"{table} at {first:O} without encounter (patient {record.Index})");
            else if (!encounters.TryGetValue(id, out var e) || first < e.Start || last > e.Stop) Count(Misplaced, table, $"{table} at {first:O} outside encounter {id} (patient {record.Index})");
        }
        foreach (var c in record.Conditions) Row("conditions", c.EncounterId, c.Start, c.Start);
        foreach (var m in record.Medications) Row("medications", m.EncounterId, m.Start, m.Start);
        foreach (var o in record.Observations) Row("observations", o.EncounterId, o.Date, o.Date);
        foreach (var p in record.Procedures) Row("procedures", p.EncounterId, p.Start, p.Stop);
        foreach (var i in record.Immunizations) Row("immunizations", i.EncounterId, i.Date, i.Date);
        foreach (var a in record.Allergies) Row("allergies", a.EncounterId, a.Start, a.Start);
        foreach (var p in record.CarePlans) Row("careplans", p.EncounterId, p.Start, p.Start);
        if (record.Death is { } death) Row("deaths", death.EncounterId, death.Date, death.Date);
        ObserveOrders(record);
    }

    private void ObserveOrders(PatientRecord record)
    {
        bool duplicate = false;
        var visits = record.Encounters.Select(e => e.Start).Order().ToArray();
        foreach (var group in record.Medications.GroupBy(m => m.Definition.PrimaryCode?.Value ?? m.Definition.Name))
        {
            var orders = group.OrderBy(m => m.Start).ToList();
            for (int i = 1; i < orders.Count; i++)
            {
                if (orders[i - 1].Stop is not { } stop || orders[i].Start < stop) duplicate = true;
            }
        }
        if (duplicate)
        {
            PatientsWithDuplicateOpenDrug++;
            if (Examples.Count < 20) Examples.Add($"patient {record.Index}: a drug ordered twice at once");
        }
        foreach (var m in record.Medications)
        {
            var kind = MedicationCourses.KindOf(m.Definition);
            var until = m.Stop ?? record.End;
            if ((until - m.Start).TotalDays > 3652.5) OpenOverTenYears[kind] = OpenOverTenYears.GetValueOrDefault(kind) + 1;
            if (MedicationCourses.Course(kind) is { } course && until - m.Start > course)
            {
                OverCourse[kind] = OverCourse.GetValueOrDefault(kind) + 1;
                if (Examples.Count < 20) Examples.Add($"patient {record.Index}: {kind} {m.Definition.Name} open {(until - m.Start).TotalDays:F0} days");
            }
            if (kind == MedicationKind.Chronic && GoesUnrenewed(m.Start, until, visits))
            {
                Unrenewed++;
                if (Examples.Count < 20) Examples.Add($"patient {record.Index}: chronic {m.Definition.Name} [{m.Start:d}, {until:d}] open over a year without a visit");
            }
        }
    }

    /// <summary>Whether an order open over [start, until] has a stretch longer than the renewal validity with no visit.</summary>
    private static bool GoesUnrenewed(DateTime start, DateTime until, DateTime[] visits)
    {
        var last = start;
        foreach (var visit in visits)
        {
            if (visit <= start) continue;
            if (visit > until) break;
            if (visit - last > MedicationCourses.RenewalValidity) return true;
            last = visit;
        }
        return until - last > MedicationCourses.RenewalValidity;
    }

    private void Count(SortedDictionary<string, int> counts, string table, string example)
    {
        counts[table] = counts.GetValueOrDefault(table) + 1;
        if (Examples.Count < 20) Examples.Add(example);
    }

    public override string ToString()
    {
        var text = new System.Text.StringBuilder($"{Patients} patients\n");
        foreach (var (table, rows) in Rows)
        {
            text.Append($"  {table,-14} rows {rows,9}  empty ENCOUNTER {Unlinked.GetValueOrDefault(table),7} ({100.0 * Unlinked.GetValueOrDefault(table) / rows:F1}%)  outside/missing encounter {Misplaced.GetValueOrDefault(table)}\n");
        }
        foreach (var (kind, count) in Encounters) text.Append($"  encounters {kind}: {count}\n");
        text.Append($"  patients with a drug ordered twice at once: {PatientsWithDuplicateOpenDrug}\n");
        foreach (MedicationKind kind in Enum.GetValues<MedicationKind>())
        {
            text.Append($"  {kind,-8} orders open > 10 years {OpenOverTenYears.GetValueOrDefault(kind),6}  longer than course {OverCourse.GetValueOrDefault(kind),6}\n");
        }
        text.Append($"  chronic orders open over a year without a visit: {Unrenewed}\n");
        foreach (var example in Examples) text.Append("  e.g. ").Append(example).Append('\n');
        return text.ToString();
    }
}
