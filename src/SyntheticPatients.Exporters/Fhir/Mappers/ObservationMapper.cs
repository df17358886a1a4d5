using System.Buffers;
using System.Text.Json;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Fhir.Mappers;

/// <summary>
/// Observations: vital signs, laboratory results, social history and surveys with UCUM quantities, each with its US
/// Core profile. A systolic and a diastolic pressure taken together (same instant and encounter) become one blood
/// pressure panel (LOINC 85354-9 with two components), as US Core's blood pressure profile wants.
/// </summary>
internal static class ObservationMapper
{
    private const string Systolic = "8480-6";
    private const string Diastolic = "8462-4";
    private const string PulseOximetry = "59408-5";
    private const string SmokingStatus = "72166-2";

    public static void WriteAll(PatientScope scope)
    {
        var observations = scope.Patient.Observations;
        int n = observations.Count;
        if (n == 0) return;
        var consumed = ArrayPool<bool>.Shared.Rent(n);
        try
        {
            Array.Clear(consumed, 0, n);
            for (int i = 0; i < n; i++)
            {
                if (consumed[i]) continue;
                var o = observations[i];
                var code = Loinc(o.Definition);
                if (code is Systolic or Diastolic && IsNumeric(o))
                {
                    int j = Partner(observations, i, code == Systolic ? Diastolic : Systolic, consumed);
                    if (j >= 0)
                    {
                        consumed[j] = true;
                        var (systolic, diastolic) = code == Systolic ? (o, observations[j]) : (observations[j], o);
                        WriteBloodPressure(scope, systolic, diastolic, i);
                        continue;
                    }
                }
                Write(scope, o, i, code);
            }
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(consumed);
        }
    }

    /// <summary>The unconsumed numeric observation with LOINC <paramref name="code"/> taken at the same instant in the same encounter.</summary>
    private static int Partner(List<ObservationRecord> observations, int i, string code, bool[] consumed)
    {
        var o = observations[i];
        for (int j = i + 1; j < observations.Count && observations[j].Date == o.Date; j++)
        {
            var p = observations[j];
            if (!consumed[j] && p.EncounterId == o.EncounterId && Loinc(p.Definition) == code && IsNumeric(p)) return j;
        }
        return -1;
    }

    private static string? Loinc(ObservationDefinition definition) => definition.CodeOf(CodeSystems.Loinc)?.Value;

    private static bool IsNumeric(ObservationRecord o) => o.ValueText is null && double.IsFinite(o.Value);

    private static void Write(PatientScope scope, ObservationRecord o, int index, string? loinc)
    {
        var d = o.Definition;
        var w = scope.Sink.Begin(FhirResourceType.Observation, ResourceIds.Derive(scope.PatientId, ResourceIds.Kind.Observation, index));
        var categoryDisplay = Terminology.ObservationCategoryDisplay(d.Category);
        FhirJson.Meta(w, categoryDisplay is null ? null : UsCoreProfiles.Observation(d.Category, loinc));
        w.WriteString("status"u8, "final"u8);
        if (categoryDisplay is not null) FhirJson.ConceptArray(w, "category"u8, Terminology.ObservationCategory, d.Category!, categoryDisplay, categoryDisplay);
        Code(w, d, loinc);
        scope.PatientReference(w, "subject"u8);
        scope.EncounterReference(w, o.EncounterId);
        FhirJson.DateTime(w, "effectiveDateTime"u8, o.Date);
        FhirJson.DateTime(w, "issued"u8, o.Date);
        if (o.ValueText is { Length: > 0 } text)
        {
            if (loinc == SmokingStatus) SmokingValue(w, text);
            else w.WriteString("valueString"u8, text);
        }
        else if (IsNumeric(o))
        {
            FhirJson.Quantity(w, "valueQuantity"u8, o.Value, d.Units);
        }
        else
        {
            FhirJson.Concept(w, "dataAbsentReason"u8, Terminology.DataAbsentReason, "unknown", "Unknown");
        }
        if (IsNumeric(o)) ReferenceRange(w, d.ReferenceRange, d.Units);
        scope.Sink.End(FhirResourceType.Observation);
    }

    /// <summary>The code: every code of the definition; a pulse oximetry reading also carries 2708-6 (US Core pulse oximetry).</summary>
    private static void Code(Utf8JsonWriter w, ObservationDefinition d, string? loinc)
    {
        var text = Terminology.Text(d, CodeSystems.Loinc);
        if (loinc != PulseOximetry || d.Codes.Any(c => c.Value == "2708-6"))
        {
            FhirJson.Concept(w, "code"u8, d.Codes, text);
            return;
        }
        w.WriteStartObject("code"u8);
        w.WriteStartArray("coding"u8);
        foreach (var c in d.Codes)
        {
            if (Terminology.IsCodable(c)) FhirJson.Coding(w, Terminology.SystemUri(c.System)!, c.Value, c.Display);
        }
        FhirJson.Coding(w, Terminology.Loinc, "2708-6", "Oxygen saturation in Arterial blood");
        w.WriteEndArray();
        w.WriteString("text"u8, text);
        w.WriteEndObject();
    }

    private static void SmokingValue(Utf8JsonWriter w, string text)
    {
        if (Terminology.SmokingStatusCode(text) is { } snomed)
        {
            FhirJson.Concept(w, "valueCodeableConcept"u8, Terminology.Snomed, snomed, text, text);
            return;
        }
        w.WriteStartObject("valueCodeableConcept"u8);
        w.WriteString("text"u8, text);
        w.WriteEndObject();
    }

    private static void WriteBloodPressure(PatientScope scope, ObservationRecord systolic, ObservationRecord diastolic, int index)
    {
        var w = scope.Sink.Begin(FhirResourceType.Observation, ResourceIds.Derive(scope.PatientId, ResourceIds.Kind.BloodPressurePanel, index));
        FhirJson.Meta(w, UsCoreProfiles.BloodPressure);
        w.WriteString("status"u8, "final"u8);
        FhirJson.ConceptArray(w, "category"u8, Terminology.ObservationCategory, "vital-signs", "Vital Signs", "Vital Signs");
        FhirJson.Concept(w, "code"u8, Terminology.Loinc, "85354-9", "Blood pressure panel with all children optional", "Blood pressure panel with all children optional");
        scope.PatientReference(w, "subject"u8);
        scope.EncounterReference(w, systolic.EncounterId);
        FhirJson.DateTime(w, "effectiveDateTime"u8, systolic.Date);
        FhirJson.DateTime(w, "issued"u8, systolic.Date);
        w.WriteStartArray("component"u8);
        Component(w, systolic);
        Component(w, diastolic);
        w.WriteEndArray();
        scope.Sink.End(FhirResourceType.Observation);
    }

    private static void Component(Utf8JsonWriter w, ObservationRecord o)
    {
        w.WriteStartObject();
        FhirJson.Concept(w, "code"u8, o.Definition.Codes, Terminology.Text(o.Definition, CodeSystems.Loinc));
        FhirJson.Quantity(w, "valueQuantity"u8, o.Value, o.Definition.Units);
        ReferenceRange(w, o.Definition.ReferenceRange, o.Definition.Units);
        w.WriteEndObject();
    }

    /// <summary>A reference range written as "4.0-5.6", "&lt;200" or "&gt;60" (bounds in the observation's units).</summary>
    private static void ReferenceRange(Utf8JsonWriter w, string? range, string? units)
    {
        if (!TryParseRange(range, out var low, out var high)) return;
        w.WriteStartArray("referenceRange"u8);
        w.WriteStartObject();
        if (!low.IsEmpty) FhirJson.Quantity(w, "low"u8, low, units);
        if (!high.IsEmpty) FhirJson.Quantity(w, "high"u8, high, units);
        w.WriteString("text"u8, range);
        w.WriteEndObject();
        w.WriteEndArray();
    }

    internal static bool TryParseRange(string? range, out ReadOnlySpan<char> low, out ReadOnlySpan<char> high)
    {
        low = high = default;
        if (string.IsNullOrWhiteSpace(range)) return false;
        var s = range.AsSpan().Trim();
        if (s.StartsWith("<=") || s.StartsWith(">="))
        {
            var bound = s[2..].Trim();
            if (!IsDecimal(bound)) return false;
            if (s[0] == '<') high = bound;
            else low = bound;
            return true;
        }
        if (s[0] is '<' or '>')
        {
            var bound = s[1..].Trim();
            if (!IsDecimal(bound)) return false;
            if (s[0] == '<') high = bound;
            else low = bound;
            return true;
        }
        int dash = s[1..].IndexOf('-') + 1;
        if (dash == 0) return false;
        var a = s[..dash].Trim();
        var b = s[(dash + 1)..].Trim();
        if (!IsDecimal(a) || !IsDecimal(b)) return false;
        low = a;
        high = b;
        return true;
    }

    /// <summary>FHIR's decimal grammar without the exponent: -?(0|[1-9][0-9]*)(\.[0-9]+)?</summary>
    internal static bool IsDecimal(ReadOnlySpan<char> s)
    {
        int i = 0;
        if (i < s.Length && s[i] == '-') i++;
        if (i >= s.Length || !char.IsAsciiDigit(s[i])) return false;
        if (s[i] == '0' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])) return false;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        if (i == s.Length) return true;
        if (s[i] != '.' || i + 1 == s.Length) return false;
        i++;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        return i == s.Length;
    }

    /// <summary>The cause of death as an observation (LOINC 69453-9), when the cause is known.</summary>
    public static void WriteCauseOfDeath(PatientScope scope, DeathRecord death)
    {
        if (death.Cause is not { } cause) return;
        var w = scope.Sink.Begin(FhirResourceType.Observation, ResourceIds.Derive(scope.PatientId, ResourceIds.Kind.CauseOfDeath, 0));
        w.WriteString("status"u8, "final"u8);
        FhirJson.Concept(w, "code"u8, Terminology.Loinc, "69453-9", "Cause of Death [US Standard Certificate of Death]", "Cause of Death [US Standard Certificate of Death]");
        scope.PatientReference(w, "subject"u8);
        scope.EncounterReference(w, death.EncounterId);
        FhirJson.DateTime(w, "effectiveDateTime"u8, death.Date);
        FhirJson.DateTime(w, "issued"u8, death.Date);
        FhirJson.Concept(w, "valueCodeableConcept"u8, cause.Codes, Terminology.Text(cause, CodeSystems.Snomed));
        scope.Sink.End(FhirResourceType.Observation);
    }
}
