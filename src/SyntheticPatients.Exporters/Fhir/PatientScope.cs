using System.Text.Json;
using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Fhir;

/// <summary>
/// One patient's resources being written: the record, the sink, and what references need (which encounters exist,
/// which condition a care plan addresses, who requested a medication). Reused from patient to patient.
/// </summary>
internal sealed class PatientScope
{
    private readonly Dictionary<Guid, EncounterRecord> _encounters = new();

    public PatientRecord Patient { get; private set; } = null!;

    public Guid PatientId { get; private set; }

    public ResourceSink Sink { get; private set; } = null!;

    public void Reset(PatientRecord patient, ResourceSink sink)
    {
        Patient = patient;
        PatientId = patient.Demographics.Id;
        Sink = sink;
        _encounters.Clear();
        foreach (var e in patient.Encounters) _encounters.TryAdd(e.Id, e);
    }

    /// <summary>The patient's encounter of that id; null when none (a reference to it would not resolve).</summary>
    public EncounterRecord? Encounter(Guid? id) =>
        id is { } v && _encounters.TryGetValue(v, out var e) ? e : null;

    /// <summary><c>"name": {"reference": ...}</c>.</summary>
    public void Reference(Utf8JsonWriter w, ReadOnlySpan<byte> name, FhirResourceType type, Guid id)
    {
        w.WritePropertyName(name);
        Reference(w, type, id);
    }

    /// <summary>A Reference object as an array element.</summary>
    public void Reference(Utf8JsonWriter w, FhirResourceType type, Guid id)
    {
        Span<byte> text = stackalloc byte[64];
        int n;
        if (Sink.UrnReferences)
        {
            "urn:uuid:"u8.CopyTo(text);
            n = 9;
        }
        else
        {
            var name = FhirResourceTypes.Utf8Name(type);
            name.CopyTo(text);
            text[name.Length] = (byte)'/';
            n = name.Length + 1;
        }
        id.TryFormat(text[n..], out int written, "D");
        w.WriteStartObject();
        w.WriteString("reference"u8, text[..(n + written)]);
        w.WriteEndObject();
    }

    /// <summary>A reference to the patient (<c>subject</c> or <c>patient</c>).</summary>
    public void PatientReference(Utf8JsonWriter w, ReadOnlySpan<byte> name) => Reference(w, name, FhirResourceType.Patient, PatientId);

    /// <summary><c>"encounter"</c>, when the record names one of the patient's encounters.</summary>
    public void EncounterReference(Utf8JsonWriter w, Guid? encounterId)
    {
        if (Encounter(encounterId) is { } e) Reference(w, "encounter"u8, FhirResourceType.Encounter, e.Id);
    }

    /// <summary>
    /// Who requested something at <paramref name="at"/>: the clinician of its encounter, else of the patient's last
    /// encounter before it (else the first), else the patient.
    /// </summary>
    public (FhirResourceType Type, Guid Id) Requester(Guid? encounterId, DateTime at)
    {
        var encounter = Encounter(encounterId);
        if (encounter is null)
        {
            foreach (var e in Patient.Encounters)
            {
                if (e.ProviderId == Guid.Empty) continue;
                if (encounter is null || (e.Start <= at && (encounter.Start > at || e.Start > encounter.Start))) encounter = e;
            }
        }
        return encounter is { ProviderId: var p } && p != Guid.Empty ? (FhirResourceType.Practitioner, p) : (FhirResourceType.Patient, PatientId);
    }

    /// <summary>
    /// The patient's condition a reason code names (same system and code): the latest one starting on or before
    /// <paramref name="at"/>, else the first; its index in <see cref="PatientRecord.Conditions"/>, or -1.
    /// </summary>
    public int ConditionFor(Code? reason, DateTime at)
    {
        if (reason is null) return -1;
        int best = -1;
        var conditions = Patient.Conditions;
        for (int i = 0; i < conditions.Count; i++)
        {
            var c = conditions[i];
            if (!HasCode(c.Definition, reason)) continue;
            if (best < 0 || (c.Start <= at && (conditions[best].Start > at || c.Start >= conditions[best].Start))) best = i;
        }
        return best;
    }

    private static bool HasCode(ClinicalDefinition definition, Code code)
    {
        var codes = definition.Codes;
        for (int i = 0; i < codes.Count; i++)
        {
            if (string.Equals(codes[i].Value, code.Value, StringComparison.Ordinal)
                && string.Equals(codes[i].System, code.System, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    public Guid ConditionId(int index) => ResourceIds.Derive(PatientId, ResourceIds.Kind.Condition, index);
}
