using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// The lifecycle of medication orders, applied to baseline and module rows alike (so compiled and interpreted
/// modules, which record the same events, get the same rows): a topical, symptom or acute order ends within its
/// kind's course (<see cref="MedicationCourses"/>); a chronic order ends one year after the last encounter at
/// which it could have been renewed (and starts anew at the patient's next visit); and a drug has one open order at a time, as Synthea keeps one active
/// prescription per medication: a start of a drug already open is merged into the open order. Rows keep their
/// start and encounter; only stops (and the dispenses they imply) change, a merged row goes, or a lapsed chronic
/// order gets a new row at the visit that renews it.
/// </summary>
public static class MedicationOrders
{
    public static void Apply(PatientRecord record)
    {
        // Renewal first (a merged order then spans no unrenewed stretch), courses last (they cut a merged order too).
        EndUnrenewed(record);
        OneOpenOrderPerDrug(record);
        LimitCourses(record);
    }

    private static void LimitCourses(PatientRecord record)
    {
        var medications = record.Medications;
        for (int i = 0; i < medications.Count; i++)
        {
            var m = medications[i];
            if (MedicationCourses.Course(MedicationCourses.KindOf(m.Definition)) is not { } course) continue;
            var courseEnd = m.Start + course;
            if ((m.Stop ?? record.End) > courseEnd) medications[i] = WithStop(m, courseEnd, record.End);
        }
    }

    /// <summary>
    /// Ends a chronic order at the first stretch longer than the renewal validity with no encounter; when the patient
    /// is seen again before the order would have stopped, the drug is prescribed anew at that visit (a new order,
    /// itself renewed or ended the same way), so sparse visits lapse therapy instead of ending it for good.
    /// </summary>
    private static void EndUnrenewed(PatientRecord record)
    {
        var visits = new (DateTime Start, Guid Id)[record.Encounters.Count];
        for (int i = 0; i < visits.Length; i++) visits[i] = (record.Encounters[i].Start, record.Encounters[i].Id);
        Array.Sort(visits);
        var validity = MedicationCourses.RenewalValidity;
        var medications = record.Medications;
        // Orders added at a return visit are appended, and examined in turn by the same loop.
        for (int i = 0; i < medications.Count; i++)
        {
            var m = medications[i];
            if (MedicationCourses.KindOf(m.Definition) != MedicationKind.Chronic) continue;
            var until = m.Stop ?? record.End;
            var renewed = m.Start;
            int next = FirstVisitFrom(visits, m.Start);
            for (; next < visits.Length && visits[next].Start <= until && visits[next].Start - renewed <= validity; next++) renewed = visits[next].Start;
            if (until - renewed <= validity) continue;
            medications[i] = WithStop(m, renewed + validity, record.End);
            if (next < visits.Length && visits[next].Start <= until)
            {
                var (start, encounter) = visits[next];
                medications.Add(m with { Start = start, EncounterId = encounter, Dispenses = Dispenses(start, m.Stop ?? record.End) });
            }
        }
    }

    private static int FirstVisitFrom((DateTime Start, Guid Id)[] visits, DateTime from)
    {
        int low = 0, high = visits.Length;
        while (low < high)
        {
            int mid = (low + high) / 2;
            if (visits[mid].Start < from) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>
    /// Merges a start of a drug whose order is still open into that order (which then runs to the later stop):
    /// the patient keeps one prescription, and a later course cut applies to the merged order as a whole.
    /// </summary>
    private static void OneOpenOrderPerDrug(PatientRecord record)
    {
        var medications = record.Medications;
        medications.Sort((a, b) => a.Start.CompareTo(b.Start));
        // Per drug code: the index (among kept rows) of its latest order.
        var latest = new Dictionary<string, int>(StringComparer.Ordinal);
        int kept = 0;
        for (int i = 0; i < medications.Count; i++)
        {
            var m = medications[i];
            string drug = m.Definition.PrimaryCode?.Value ?? m.Definition.Name;
            if (latest.TryGetValue(drug, out int k) && (medications[k].Stop is not { } openStop || m.Start < openStop))
            {
                var open = medications[k];
                if (open.Stop is { } stop && (m.Stop is null || m.Stop > stop)) medications[k] = WithStop(open, m.Stop, record.End);
                continue;
            }
            latest[drug] = kept;
            medications[kept++] = m;
        }
        medications.RemoveRange(kept, medications.Count - kept);
    }

    private static MedicationRecord WithStop(MedicationRecord m, DateTime? stop, DateTime end) => m with { Stop = stop, Dispenses = Dispenses(m.Start, stop ?? end) };

    /// <summary>One dispense per 30 days of the order (at least one), as the baseline and module converters count them.</summary>
    private static int Dispenses(DateTime start, DateTime stop) => Math.Max(1, (int)((stop - start).TotalDays / 30));
}
