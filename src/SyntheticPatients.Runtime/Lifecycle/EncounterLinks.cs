using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Gives every clinical row recorded outside a visit an encounter, as Synthea's data dictionary requires (a row
/// with an empty ENCOUNTER falls out of encounter joins): the patient's encounter in progress at the row's time
/// (the latest started, when several are), else a new one at that time: a death certification for the death, an
/// outpatient procedure visit for a procedure, an ambulatory "encounter for problem" for anything else. A new
/// visit lasts 15 minutes (a procedure's own length when longer), cut at the next encounter so visits do not
/// overlap, and at the record's end. Runs once the rows lie inside the lifespan, in a fixed table order, so the
/// random draws (ids, hospital providers) come from the patient's stream in the same order on every run.
/// </summary>
public static class EncounterLinks
{
    private static readonly TimeSpan VisitLength = TimeSpan.FromMinutes(15);

    public static void Attach(PatientRecord record, PatientRandom random)
    {
        var problem = EncounterCatalog.Problem;
        Link(record, random, record.Conditions, problem, static c => c.EncounterId, static c => (c.Start, c.Start), static c => c.Definition.PrimaryCode, static c => c.Source, static (c, id) => c with { EncounterId = id });
        Link(record, random, record.Medications, problem, static m => m.EncounterId, static m => (m.Start, m.Start), static m => m.Reason, static m => m.Source, static (m, id) => m with { EncounterId = id });
        Link(record, random, record.Observations, problem, static o => o.EncounterId, static o => (o.Date, o.Date), static _ => null, static o => o.Source, static (o, id) => o with { EncounterId = id });
        Link(record, random, record.Procedures, EncounterCatalog.OutpatientProcedure, static p => p.EncounterId, static p => (p.Start, p.Stop), static p => p.Reason, static p => p.Source, static (p, id) => p with { EncounterId = id });
        Link(record, random, record.Immunizations, problem, static i => i.EncounterId, static i => (i.Date, i.Date), static _ => null, static i => i.Source, static (i, id) => i with { EncounterId = id });
        Link(record, random, record.Allergies, problem, static a => a.EncounterId, static a => (a.Start, a.Start), static _ => null, static a => a.Source, static (a, id) => a with { EncounterId = id });
        Link(record, random, record.CarePlans, problem, static p => p.EncounterId, static p => (p.Start, p.Start), static p => p.Reason, static p => p.Source, static (p, id) => p with { EncounterId = id });
        if (record.Death is { EncounterId: null } death)
        {
            record.Death = death with { EncounterId = EncounterAt(record, random, death.Date, death.Date, EncounterCatalog.DeathCertification, death.Cause?.PrimaryCode, death.Source) };
        }
    }

    private static void Link<T>(PatientRecord record, PatientRandom random, List<T> rows, EncounterDefinition definition,
        Func<T, Guid?> encounterOf, Func<T, (DateTime First, DateTime Last)> spanOf, Func<T, Code?> reasonOf, Func<T, string> sourceOf, Func<T, Guid, T> withEncounter)
    {
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (encounterOf(row) is not null) continue;
            var (first, last) = spanOf(row);
            rows[i] = withEncounter(row, EncounterAt(record, random, first, last, definition, reasonOf(row), sourceOf(row)));
        }
    }

    /// <summary>The encounter in progress at <paramref name="first"/>, else a new one over [first, last] at least.</summary>
    private static Guid EncounterAt(PatientRecord record, PatientRandom random, DateTime first, DateTime last, EncounterDefinition definition, Code? reason, string source)
    {
        EncounterRecord? current = null;
        var next = record.End;
        foreach (var encounter in record.Encounters)
        {
            if (encounter.Start <= first && first <= encounter.Stop)
            {
                if (current is null || encounter.Start > current.Start) current = encounter;
            }
            else if (encounter.Start > first && encounter.Start < next) next = encounter.Start;
        }
        if (current is not null) return current.Id;
        var visitEnd = LifeDates.Min(first + VisitLength, next);
        var stop = LifeDates.Min(last > visitEnd ? last : visitEnd, record.End);
        return EncounterFactory.At(record, random, definition, first, stop, reason, source).Id;
    }
}
