using System.Text;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Hl7;

/// <summary>One encoded HL7 v2 message: its type, MSH-10 and its text (segments each ending with CR, no framing).</summary>
public sealed record Hl7Message(Hl7MessageType Type, string ControlId, string Text);

/// <summary>Receives each message of a patient as the encoder builds it (the builder is reused afterwards).</summary>
internal interface IHl7MessageSink
{
    void Accept(Hl7MessageType type, StringBuilder message);
}

/// <summary>
/// Encodes a patient record as HL7 v2.5.1 messages, in this order: the ADT messages (encounters and death, by time),
/// the ORU^R01 results (one per encounter and time, by time), the VXU^V04 vaccinations (one per encounter and time,
/// by time). Deterministic: every timestamp comes from the record, MSH-10 is
/// <c>&lt;patient index&gt;-&lt;sequence&gt;</c> with the sequence counting the patient's messages from 1 in that order.
/// </summary>
/// <remarks>One instance per thread: it reuses its buffers from patient to patient.</remarks>
public sealed class Hl7Encoder
{
    private readonly StringBuilder _sb = new(16 * 1024);
    private readonly Hl7SegmentWriter _w;
    private readonly Dictionary<Guid, EncounterRecord> _encounters = new();
    private readonly List<AdtEvent> _events = new();
    private readonly List<Group> _groups = new();
    private readonly Dictionary<(Guid?, long), int> _groupIndex = new();
    private readonly List<int> _members = new();
    private readonly List<(string? Key, int First)> _orders = new();
    private int _sequence;

    public Hl7Encoder() => _w = new Hl7SegmentWriter(_sb);

    /// <summary>Every message of <paramref name="patient"/>, in file order (ADT, then ORU, then VXU).</summary>
    public IReadOnlyList<Hl7Message> Encode(PatientRecord patient)
    {
        var sink = new ListSink(patient.Index);
        Encode(patient, sink);
        return sink.Messages;
    }

    internal void Encode(PatientRecord patient, IHl7MessageSink sink)
    {
        ArgumentNullException.ThrowIfNull(patient);
        _sequence = 0;
        _encounters.Clear();
        foreach (var e in patient.Encounters) _encounters.TryAdd(e.Id, e);
        EncodeAdt(patient, sink);
        EncodeResults(patient, sink);
        EncodeVaccinations(patient, sink);
    }

    // ----- ADT -----

    private enum AdtKind : byte { Discharge, Visit, Death }

    private readonly record struct AdtEvent(DateTime Time, AdtKind Kind, int Order, EncounterRecord? Encounter);

    private void EncodeAdt(PatientRecord patient, IHl7MessageSink sink)
    {
        _events.Clear();
        var encounters = patient.Encounters;
        for (int i = 0; i < encounters.Count; i++)
        {
            var e = encounters[i];
            _events.Add(new AdtEvent(e.Start, AdtKind.Visit, i, e));
            if (e.Definition.Class == Runtime.Definitions.EncounterClass.Inpatient) _events.Add(new AdtEvent(e.Stop, AdtKind.Discharge, i, e));
        }
        if (encounters.Count == 0) _events.Add(new AdtEvent(patient.Demographics.BirthDate, AdtKind.Visit, 0, null));
        if (patient.Death is { } death) _events.Add(new AdtEvent(death.Date, AdtKind.Death, int.MaxValue, null));
        // By time; at the same instant a discharge comes before the next admission, and death last.
        _events.Sort(static (a, b) =>
        {
            int c = a.Time.CompareTo(b.Time);
            if (c == 0) c = a.Kind.CompareTo(b.Kind);
            return c != 0 ? c : a.Order.CompareTo(b.Order);
        });

        foreach (var ev in _events)
        {
            var type = ev.Kind switch
            {
                AdtKind.Discharge => Hl7MessageType.AdtA03,
                AdtKind.Death => Hl7MessageType.AdtA08,
                _ => ev.Encounter?.Definition.Class == Runtime.Definitions.EncounterClass.Inpatient ? Hl7MessageType.AdtA01 : Hl7MessageType.AdtA04,
            };
            var encounter = ev.Encounter;
            if (ev.Kind == AdtKind.Death && patient.Death!.EncounterId is { } de) _encounters.TryGetValue(de, out encounter);

            Begin(patient, type, ev.Time);
            Hl7Segments.Evn(_w, type.Trigger, ev.Time);
            Hl7Segments.Pid(_w, patient, ev.Time);
            Hl7Segments.Pv1(_w, encounter, ev.Kind == AdtKind.Discharge, patient.Death);
            if (encounter is not null && ev.Kind != AdtKind.Death) Hl7Segments.Pv2(_w, encounter);
            Allergies(patient, ev.Time);
            if (ev.Kind == AdtKind.Death)
            {
                var cause = patient.Death!.Cause;
                if (cause is not null) Hl7Segments.Dg1(_w, 1, cause, null, ev.Time, "F");
            }
            else if (encounter is not null)
            {
                Diagnoses(patient, encounter, ev.Kind == AdtKind.Discharge);
            }
            sink.Accept(type, _sb);
        }
    }

    /// <summary>AL1 for every allergy known at <paramref name="time"/>.</summary>
    private void Allergies(PatientRecord patient, DateTime time)
    {
        int setId = 0;
        foreach (var a in patient.Allergies)
        {
            if (a.Start <= time && (a.Stop is null || a.Stop > time)) Hl7Segments.Al1(_w, ++setId, a);
        }
    }

    /// <summary>
    /// DG1 for the encounter's reason (admitting, unless a condition recorded in it has the same code) and for the
    /// conditions recorded in it (working); all final at discharge.
    /// </summary>
    private void Diagnoses(PatientRecord patient, EncounterRecord encounter, bool discharge)
    {
        int setId = 0;
        if (encounter.Reason is { } reason)
        {
            bool duplicate = false;
            foreach (var c in patient.Conditions)
            {
                if (c.EncounterId == encounter.Id && c.Definition.Matches(reason.Value))
                {
                    duplicate = true;
                    break;
                }
            }
            if (!duplicate) Hl7Segments.Dg1(_w, ++setId, null, reason, encounter.Start, discharge ? "F" : "A");
        }
        foreach (var c in patient.Conditions)
        {
            if (c.EncounterId == encounter.Id) Hl7Segments.Dg1(_w, ++setId, c.Definition, null, c.Start, discharge ? "F" : "W");
        }
    }

    // ----- ORU -----

    /// <summary>Records of one message: same encounter (or none) and same second.</summary>
    private readonly record struct Group(DateTime Time, Guid? EncounterId, int First, int Count);

    /// <summary>Groups records by (encounter, second) into <see cref="_groups"/> (by time, then first record) and <see cref="_members"/>.</summary>
    private void GroupRecords<T>(List<T> records, Func<T, DateTime> time, Func<T, Guid?> encounter)
    {
        _groups.Clear();
        _groupIndex.Clear();
        _members.Clear();
        var counts = new List<(DateTime Time, Guid? Encounter, List<int> Members)>();
        for (int i = 0; i < records.Count; i++)
        {
            var t = ValueFormat.Timestamp(time(records[i]));
            var key = (encounter(records[i]), t.Ticks);
            if (!_groupIndex.TryGetValue(key, out int g))
            {
                g = counts.Count;
                _groupIndex.Add(key, g);
                counts.Add((t, key.Item1, new List<int>()));
            }
            counts[g].Members.Add(i);
        }
        var order = Enumerable.Range(0, counts.Count).ToArray();
        Array.Sort(order, (a, b) =>
        {
            int c = counts[a].Time.CompareTo(counts[b].Time);
            return c != 0 ? c : a.CompareTo(b);
        });
        foreach (int g in order)
        {
            _groups.Add(new Group(counts[g].Time, counts[g].Encounter, _members.Count, counts[g].Members.Count));
            _members.AddRange(counts[g].Members);
        }
    }

    private void EncodeResults(PatientRecord patient, IHl7MessageSink sink)
    {
        var observations = patient.Observations;
        if (observations.Count == 0) return;
        GroupRecords(observations, static o => o.Date, static o => o.EncounterId);
        foreach (var group in _groups)
        {
            var type = Hl7MessageType.OruR01;
            var encounter = Visit(group.EncounterId);
            Begin(patient, type, group.Time);
            Hl7Segments.Pid(_w, patient, group.Time);
            if (encounter is not null) Hl7Segments.Pv1(_w, encounter, false, null);

            // One order per panel (vital signs without a panel share one), else one per observation.
            _orders.Clear();
            for (int m = 0; m < group.Count; m++)
            {
                var o = observations[_members[group.First + m]];
                string? key = OrderKey(o);
                if (key is null || !HasOrder(key)) _orders.Add((key, m));
            }
            int orderNumber = 0;
            foreach (var (key, first) in _orders)
            {
                var number = new Hl7OrderNumber(patient.Index, _sequence, ++orderNumber);
                var firstObservation = observations[_members[group.First + first]];
                var service = key is null ? Service(firstObservation) : Hl7Vocabulary.Panel(key) ?? new Hl7Coded("", key, "");
                Hl7Segments.Orc(_w, number, group.Time, encounter?.ProviderId);
                Hl7Segments.Obr(_w, orderNumber, number, service, group.Time, encounter?.ProviderId);
                int setId = 0;
                for (int m = first; m < group.Count; m++)
                {
                    var o = observations[_members[group.First + m]];
                    if (m == first || (key is not null && string.Equals(OrderKey(o), key, StringComparison.OrdinalIgnoreCase)))
                    {
                        Hl7Segments.Obx(_w, ++setId, o);
                    }
                }
            }
            sink.Accept(type, _sb);
        }
    }

    private bool HasOrder(string key)
    {
        foreach (var (k, _) in _orders)
        {
            if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>The panel an observation is ordered in: its own, "vital signs" for a vital sign without one, else none.</summary>
    private static string? OrderKey(ObservationRecord o)
    {
        if (!string.IsNullOrEmpty(o.Definition.Panel)) return o.Definition.Panel;
        return string.Equals(o.Definition.Category, "vital-signs", StringComparison.OrdinalIgnoreCase) ? "vital signs" : null;
    }

    /// <summary>OBR-4 of a single-observation order: the observation's own code.</summary>
    private static Hl7Coded Service(ObservationRecord o)
    {
        var code = o.Definition.CodeOf(Language.Model.CodeSystems.Loinc) ?? o.Definition.PrimaryCode;
        return code is null
            ? new Hl7Coded("", o.Definition.Name, "")
            : new Hl7Coded(code.Value, string.IsNullOrEmpty(code.Display) ? o.Definition.Name : code.Display,
                Hl7Vocabulary.CodingSystem(code.System) ?? "");
    }

    // ----- VXU -----

    private void EncodeVaccinations(PatientRecord patient, IHl7MessageSink sink)
    {
        var immunizations = patient.Immunizations;
        if (immunizations.Count == 0) return;
        GroupRecords(immunizations, static i => i.Date, static i => i.EncounterId);
        foreach (var group in _groups)
        {
            var type = Hl7MessageType.VxuV04;
            var encounter = Visit(group.EncounterId);
            Begin(patient, type, group.Time);
            Hl7Segments.Pid(_w, patient, group.Time);
            if (encounter is not null) Hl7Segments.Pv1(_w, encounter, false, null);
            for (int m = 0; m < group.Count; m++)
            {
                var immunization = immunizations[_members[group.First + m]];
                Hl7Segments.Orc(_w, new Hl7OrderNumber(patient.Index, _sequence, m + 1), immunization.Date, encounter?.ProviderId);
                Hl7Segments.Rxa(_w, immunization, encounter?.ProviderId);
                if (immunization.Definition.DoseNumber > 0) Hl7Segments.DoseObx(_w, 1, immunization.Definition.DoseNumber, immunization.Date);
            }
            sink.Accept(type, _sb);
        }
    }

    // ----- shared -----

    private EncounterRecord? Visit(Guid? id) => id is { } v && _encounters.TryGetValue(v, out var e) ? e : null;

    /// <summary>Clears the builder and writes MSH with the next sequence number.</summary>
    private void Begin(PatientRecord patient, Hl7MessageType type, DateTime time)
    {
        _sb.Clear();
        Hl7Segments.Msh(_w, time, type, patient.Index, ++_sequence);
    }

    private sealed class ListSink : IHl7MessageSink
    {
        private readonly long _index;
        private int _n;

        public ListSink(long index) => _index = index;

        public List<Hl7Message> Messages { get; } = new();

        public void Accept(Hl7MessageType type, StringBuilder message) =>
            Messages.Add(new Hl7Message(type, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_index}-{++_n}"), message.ToString()));
    }
}
