using System.Runtime.InteropServices;
using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// The last step: makes the whole record (module events included) fit the patient's life. Medication orders get
/// their lifecycle (<see cref="MedicationOrders"/>: courses, renewal, one open order per drug). Events dated before
/// birth or after the record's end (death or end of simulation) are dropped; stop dates past the end become the
/// death date (or open, for a living patient); encounters are cut at the end; references to dropped encounters are
/// cleared; every row left without an encounter gets one (<see cref="EncounterLinks"/>); visits get their class's hours
/// and length (<see cref="EncounterTiming"/>); encounters are widened to
/// enclose the events attached to them; lists are sorted by date; healthcare expenses and coverage are totalled.
/// </summary>
public sealed class LifespanStep : IPatientStep
{
    public string Name => "lifespan";

    public void Run(PatientRecord record, StepContext context)
    {
        var d = record.Demographics;
        var birth = d.BirthDate;
        var end = record.End;
        bool died = record.Death is not null;
        MedicationOrders.Apply(record);
        DateTime? CutStop(DateTime? stop) => stop is { } s && s > end ? (died ? end : null) : stop;

        record.Encounters.RemoveAll(e => e.Start < birth || e.Start > end);
        for (int i = 0; i < record.Encounters.Count; i++)
        {
            var e = record.Encounters[i];
            var stop = e.Stop > end ? end : e.Stop < e.Start ? e.Start : e.Stop;
            if (stop != e.Stop) record.Encounters[i] = e with { Stop = stop };
        }
        var encounters = EncounterFactory.ById(record);
        Guid? Keep(Guid? id) => id is { } value && encounters.ContainsKey(value) ? id : null;

        // A row is copied ('with') only when something changes: most rows (a thousand observations per life) keep
        // their dates and encounter, and copying them all was a large share of the pipeline's allocations.
        Update(record.Conditions, c => c.Start < birth || c.Start > end, c => Same(c.Stop, Clamp(CutStop(c.Stop), c.Start), c.EncounterId, Keep(c.EncounterId)) ? c : c with { Stop = Clamp(CutStop(c.Stop), c.Start), EncounterId = Keep(c.EncounterId) });
        Update(record.Medications, m => m.Start < birth || m.Start > end, m => Same(m.Stop, Clamp(CutStop(m.Stop), m.Start), m.EncounterId, Keep(m.EncounterId)) ? m : m with { Stop = Clamp(CutStop(m.Stop), m.Start), EncounterId = Keep(m.EncounterId) });
        Update(record.CarePlans, p => p.Start < birth || p.Start > end, p => Same(p.Stop, Clamp(CutStop(p.Stop), p.Start), p.EncounterId, Keep(p.EncounterId)) ? p : p with { Stop = Clamp(CutStop(p.Stop), p.Start), EncounterId = Keep(p.EncounterId) });
        Update(record.Allergies, a => a.Start < birth || a.Start > end, a => Same(a.Stop, Clamp(CutStop(a.Stop), a.Start), a.EncounterId, Keep(a.EncounterId)) ? a : a with { Stop = Clamp(CutStop(a.Stop), a.Start), EncounterId = Keep(a.EncounterId) });
        Update(record.Procedures, p => p.Start < birth || p.Start > end, p => Same(p.Stop, ClampProcedure(p.Stop, p.Start, end), p.EncounterId, Keep(p.EncounterId)) ? p : p with { Stop = ClampProcedure(p.Stop, p.Start, end), EncounterId = Keep(p.EncounterId) });
        Update(record.Observations, o => o.Date < birth || o.Date > end, o => o.EncounterId == Keep(o.EncounterId) ? o : o with { EncounterId = Keep(o.EncounterId) });
        Update(record.Immunizations, i => i.Date < birth || i.Date > end, i => i.EncounterId == Keep(i.EncounterId) ? i : i with { EncounterId = Keep(i.EncounterId) });
        for (int i = 0; i < record.FamilyHistory.Count; i++)
        {
            var f = record.FamilyHistory[i];
            if (f.Recorded < birth || f.Recorded > end) record.FamilyHistory[i] = f with { Recorded = f.Recorded < birth ? birth : end };
        }
        if (record.Death is { } death && death.EncounterId is not null && Keep(death.EncounterId) is null) record.Death = death with { EncounterId = null };

        // After the cuts, so rows are linked inside the lifespan and no visit is made for a dropped row.
        EncounterLinks.Attach(record, context.Random);
        EncounterTiming.Apply(record, context.Random);
        // Visits moved by hours (or a weekend day): courses and renewals are measured again from their new times.
        MedicationOrders.Apply(record);
        EncloseAttachedEvents(record, EncounterFactory.ById(record));
        Sort(record);
        TotalCosts(record);
    }

    private static DateTime? Clamp(DateTime? stop, DateTime start) => stop is { } s && s < start ? start : stop;

    private static DateTime ClampProcedure(DateTime stop, DateTime start, DateTime end) => stop > end ? end : stop < start ? start : stop;

    // The clamps return their input unless it moves, so equal ticks mean an unchanged row.
    private static bool Same(DateTime? stop, DateTime? newStop, Guid? encounter, Guid? newEncounter) => stop == newStop && encounter == newEncounter;

    private static void Update<T>(List<T> items, Predicate<T> drop, Func<T, T> fix)
    {
        items.RemoveAll(drop);
        for (int i = 0; i < items.Count; i++) items[i] = fix(items[i]);
    }

    /// <summary>Widens each encounter to [earliest, latest] of its attached events (already inside [birth, end]).</summary>
    private static void EncloseAttachedEvents(PatientRecord record, Dictionary<Guid, EncounterRecord> encounters)
    {
        var bounds = new Dictionary<Guid, (DateTime Min, DateTime Max)>(encounters.Count);
        void See(Guid? id, DateTime first, DateTime last)
        {
            if (id is not { } key || !encounters.TryGetValue(key, out var e)) return;
            // One hash look-up per attached row instead of two (read, then write back): a thousand rows per life.
            ref var bound = ref CollectionsMarshal.GetValueRefOrAddDefault(bounds, key, out bool seen);
            var (min, max) = seen ? bound : (e.Start, e.Stop);
            bound = (first < min ? first : min, last > max ? last : max);
        }
        foreach (var c in record.Conditions) See(c.EncounterId, c.Start, c.Start);
        foreach (var m in record.Medications) See(m.EncounterId, m.Start, m.Start);
        foreach (var p in record.CarePlans) See(p.EncounterId, p.Start, p.Start);
        foreach (var a in record.Allergies) See(a.EncounterId, a.Start, a.Start);
        foreach (var p in record.Procedures) See(p.EncounterId, p.Start, p.Stop);
        foreach (var o in record.Observations) See(o.EncounterId, o.Date, o.Date);
        foreach (var i in record.Immunizations) See(i.EncounterId, i.Date, i.Date);
        if (record.Death is { } death) See(death.EncounterId, death.Date, death.Date);
        for (int i = 0; i < record.Encounters.Count; i++)
        {
            var e = record.Encounters[i];
            if (bounds.TryGetValue(e.Id, out var b) && (b.Min < e.Start || b.Max > e.Stop)) record.Encounters[i] = e with { Start = b.Min, Stop = b.Max };
        }
    }

    private static void Sort(PatientRecord record)
    {
        record.Encounters.Sort((a, b) => a.Start.CompareTo(b.Start));
        record.Conditions.Sort((a, b) => a.Start.CompareTo(b.Start));
        record.Medications.Sort((a, b) => a.Start.CompareTo(b.Start));
        record.Observations.Sort((a, b) => a.Date.CompareTo(b.Date));
        record.Procedures.Sort((a, b) => a.Start.CompareTo(b.Start));
        record.Immunizations.Sort((a, b) => a.Date.CompareTo(b.Date));
        record.Allergies.Sort((a, b) => a.Start.CompareTo(b.Start));
        record.CarePlans.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>Healthcare expenses (paid by the patient) and coverage (paid by payers) over the whole record.</summary>
    private static void TotalCosts(PatientRecord record)
    {
        var d = record.Demographics;
        var team = CareTeam.For(d);
        decimal expenses = 0, coverage = 0;
        void Charge(DateTime date, decimal cost)
        {
            var payer = PayerCatalog.ForDate(d.Insurance, LifeDates.AgeAt(d.BirthDate, date), team.PrivatePlan);
            decimal covered = payer is null ? 0 : Math.Round(cost * payer.CoveredShare, 2);
            coverage += covered;
            expenses += cost - covered;
        }
        foreach (var e in record.Encounters) Charge(e.Start, e.BaseCost);
        foreach (var m in record.Medications) Charge(m.Start, m.BaseCost * m.Dispenses);
        foreach (var p in record.Procedures) Charge(p.Start, p.BaseCost);
        foreach (var i in record.Immunizations) Charge(i.Date, i.BaseCost);
        d.HealthcareExpenses = expenses;
        d.HealthcareCoverage = coverage;
    }
}
