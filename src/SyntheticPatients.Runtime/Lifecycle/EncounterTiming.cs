using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Gives every encounter that does not keep its class's hours and length (<see cref="VisitClock"/>) a plausible time
/// on its own date: module clocks run from the birth instant and an encounter state advances them a day, so module
/// visits start at any hour and last exactly 24 h, and visits made for unlinked rows (<see cref="EncounterLinks"/>)
/// start at the row's clock time. The visit keeps its date; an office visit on a weekend moves to the nearest
/// weekday only when the patient has no other encounter from the new day through the old one, so the order of
/// visits (and so of the module's steps) is unchanged; otherwise it stays on the weekend. Visits of one day keep
/// their order. Rows attached to a re-timed visit move with it (an offset inside the old visit is kept, capped at
/// the new length). The encounter holding the death is left alone (its time is the death's). Module ED visits and
/// admissions get an arrival hour of the ED's daily curve; inpatient stays keep the module's length. Runs after
/// every row is linked, before encounters are widened to their rows.
/// </summary>
public static class EncounterTiming
{
    private readonly record struct Move(DateTime OldStart, DateTime OldStop, DateTime NewStart, DateTime NewStop)
    {
        public bool Covers(DateTime t) => t >= OldStart && t <= OldStop;

        /// <summary>An attached row's time: its offset in the old visit (capped at the new length), else shifted with the visit.</summary>
        public DateTime Map(DateTime t)
        {
            if (!Covers(t)) return t + (NewStart - OldStart);
            var offset = t - OldStart;
            var length = NewStop - NewStart;
            return NewStart + (offset < length ? offset : length);
        }
    }

    /// <summary>
    /// Moved visits by old start, to map stop times: an order stopped at a visit (a renewal, a switch) stops when
    /// that visit now happens, so the next order, attached to the visit, does not start before the old one ends.
    /// </summary>
    private sealed class Moves(List<Move> byOldStart, DateTime birth, DateTime end)
    {
        public DateTime? Stop(DateTime? stop, DateTime start)
        {
            if (stop is not { } s) return null;
            int lo = 0, hi = byOldStart.Count - 1, found = -1;
            while (lo <= hi)
            {
                int mid = (lo + hi) / 2;
                if (byOldStart[mid].OldStart <= s) { found = mid; lo = mid + 1; }
                else hi = mid - 1;
            }
            var mapped = found >= 0 && byOldStart[found].Covers(s) ? byOldStart[found].Map(s) : s;
            return mapped < start ? start : mapped;
        }

        public DateTime Clamp(DateTime t) => t < birth ? birth : t > end ? end : t;
    }

    public static void Apply(PatientRecord record, PatientRandom random)
    {
        var encounters = record.Encounters;
        if (encounters.Count == 0) return;
        var order = Enumerable.Range(0, encounters.Count).OrderBy(i => encounters[i].Start).ThenBy(i => i).ToArray();
        var starts = order.Select(i => encounters[i].Start).ToArray();
        var moves = new Dictionary<Guid, Move>();
        var deathEncounter = record.Death?.EncounterId;
        var birth = record.Demographics.BirthDate;
        var end = record.End;
        DateTime previousDate = DateTime.MinValue, previousStart = DateTime.MinValue;
        for (int k = 0; k < order.Length; k++)
        {
            var e = encounters[order[k]];
            var c = e.Definition.Class;
            var oldDate = e.Start.Date;
            if (e.Id != deathEncounter && (!VisitClock.Fits(c, e.Start, e.Stop) || ArrivesOnModuleClock(e)))
            {
                var length = c == Definitions.EncounterClass.Inpatient ? e.Stop - e.Start : VisitClock.Length(random, c);
                var day = VisitClock.IsOffice(c) && VisitClock.IsWeekend(oldDate) && AloneBetween(starts, k, VisitClock.NearestWeekday(oldDate), oldDate)
                    ? VisitClock.NearestWeekday(oldDate)
                    : oldDate;
                var start = VisitClock.StartOn(random, c, day, length);
                // Keep the order of the day's visits: not before the previous visit of the same original date.
                if (oldDate == previousDate && start <= previousStart) start = previousStart.AddMinutes(5);
                var stop = start + length;
                if (start >= birth && stop <= end)
                {
                    moves[e.Id] = new Move(e.Start, e.Stop, start, stop);
                    encounters[order[k]] = e with { Start = start, Stop = stop };
                    e = encounters[order[k]];
                }
            }
            previousDate = oldDate;
            previousStart = e.Start;
        }
        if (moves.Count == 0) return;
        var byOldStart = moves.Values.OrderBy(m => m.OldStart).ToList();
        MoveRows(record, moves, new Moves(byOldStart, birth, end));
    }

    /// <summary>
    /// A module's ED visit or admission: its hour is the module clock's (uniform over the day), so it gets an
    /// arrival hour of the ED's daily curve; baseline ones were drawn from that curve already.
    /// </summary>
    private static bool ArrivesOnModuleClock(EncounterRecord e)
        => e.Source != "baseline" && e.Definition.Class is Definitions.EncounterClass.Emergency or Definitions.EncounterClass.Inpatient;

    /// <summary>No other encounter starts on a day from <paramref name="a"/> through <paramref name="b"/> (either order).</summary>
    private static bool AloneBetween(DateTime[] starts, int self, DateTime a, DateTime b)
    {
        var from = a < b ? a : b;
        var to = (a < b ? b : a).AddDays(1);
        int i = Array.BinarySearch(starts, from);
        if (i < 0) i = ~i;
        while (i > 0 && starts[i - 1] >= from) i--;
        for (; i < starts.Length && starts[i] < to; i++)
        {
            if (i != self) return false;
        }
        return true;
    }

    private static void MoveRows(PatientRecord record, Dictionary<Guid, Move> moves, Moves stops)
    {
        bool Find(Guid? id, out Move move)
        {
            move = default;
            return id is { } key && moves.TryGetValue(key, out move);
        }
        DateTime Start(in Move m, DateTime t) => stops.Clamp(m.Map(t));
        // Rows with a start and an optional stop: the start moves with the row's visit, the stop stays after it.
        void Spans<T>(List<T> rows, Func<T, Guid?> encounterOf, Func<T, DateTime> startOf, Func<T, DateTime?> stopOf, Func<T, DateTime, DateTime?, T> with)
        {
            for (int i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                var start = Find(encounterOf(r), out var m) ? Start(m, startOf(r)) : startOf(r);
                var stop = stops.Stop(stopOf(r), start);
                if (start != startOf(r) || stop != stopOf(r)) rows[i] = with(r, start, stop);
            }
        }
        Spans(record.Conditions, static r => r.EncounterId, static r => r.Start, static r => r.Stop, static (r, a, b) => r with { Start = a, Stop = b });
        Spans(record.Medications, static r => r.EncounterId, static r => r.Start, static r => r.Stop, static (r, a, b) => r with { Start = a, Stop = b });
        Spans(record.CarePlans, static r => r.EncounterId, static r => r.Start, static r => r.Stop, static (r, a, b) => r with { Start = a, Stop = b });
        Spans(record.Allergies, static r => r.EncounterId, static r => r.Start, static r => r.Stop, static (r, a, b) => r with { Start = a, Stop = b });
        var procedures = record.Procedures;
        for (int i = 0; i < procedures.Count; i++)
        {
            var r = procedures[i];
            if (!Find(r.EncounterId, out var m)) continue;
            var start = Start(m, r.Start);
            procedures[i] = r with { Start = start, Stop = stops.Clamp(start + (r.Stop - r.Start)) };
        }
        var observations = record.Observations;
        for (int i = 0; i < observations.Count; i++)
        {
            var r = observations[i];
            if (Find(r.EncounterId, out var m)) observations[i] = r with { Date = Start(m, r.Date) };
        }
        var immunizations = record.Immunizations;
        for (int i = 0; i < immunizations.Count; i++)
        {
            var r = immunizations[i];
            if (Find(r.EncounterId, out var m)) immunizations[i] = r with { Date = Start(m, r.Date) };
        }
    }
}
