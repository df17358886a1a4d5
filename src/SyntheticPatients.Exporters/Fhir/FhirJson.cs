using System.Text.Json;
using SyntheticPatients.Runtime.Definitions;

namespace SyntheticPatients.Exporters.Fhir;

/// <summary>
/// Writes FHIR data types straight into a <see cref="Utf8JsonWriter"/>, properties in the order the specification
/// lists them (the order Firely's serializer uses too). Optional values that are null or empty are left out: FHIR
/// forbids empty strings, arrays and objects.
/// </summary>
internal static class FhirJson
{
    /// <summary>A string property, left out when the value is null or empty.</summary>
    public static void String(Utf8JsonWriter w, ReadOnlySpan<byte> name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) w.WriteString(name, value);
    }

    /// <summary><c>"meta": {"profile": [url]}</c>, left out when <paramref name="profile"/> is null.</summary>
    public static void Meta(Utf8JsonWriter w, string? profile)
    {
        if (profile is null) return;
        w.WriteStartObject("meta"u8);
        w.WriteStartArray("profile"u8);
        w.WriteStringValue(profile);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A Coding object as an array element.</summary>
    public static void Coding(Utf8JsonWriter w, string system, string code, string? display)
    {
        w.WriteStartObject();
        w.WriteString("system"u8, system);
        w.WriteString("code"u8, code);
        String(w, "display"u8, display);
        w.WriteEndObject();
    }

    /// <summary>A Coding object as a property (<c>valueCoding</c>).</summary>
    public static void Coding(Utf8JsonWriter w, ReadOnlySpan<byte> name, string system, string code, string? display)
    {
        w.WritePropertyName(name);
        Coding(w, system, code, display);
    }

    /// <summary>A CodeableConcept with one coding, as an array element.</summary>
    public static void Concept(Utf8JsonWriter w, string system, string code, string? display, string? text = null)
    {
        w.WriteStartObject();
        w.WriteStartArray("coding"u8);
        Coding(w, system, code, display);
        w.WriteEndArray();
        String(w, "text"u8, text);
        w.WriteEndObject();
    }

    /// <summary>A CodeableConcept with one coding, as a property.</summary>
    public static void Concept(Utf8JsonWriter w, ReadOnlySpan<byte> name, string system, string code, string? display, string? text = null)
    {
        w.WritePropertyName(name);
        Concept(w, system, code, display, text);
    }

    /// <summary>A one-element array of a CodeableConcept with one coding (<c>category</c>, <c>type</c>...).</summary>
    public static void ConceptArray(Utf8JsonWriter w, ReadOnlySpan<byte> name, string system, string code, string? display, string? text = null)
    {
        w.WriteStartArray(name);
        Concept(w, system, code, display, text);
        w.WriteEndArray();
    }

    /// <summary>
    /// A CodeableConcept of every code of a definition that has a FHIR coding (in the definition's order), with
    /// <paramref name="text"/>; an array element.
    /// </summary>
    public static void Concept(Utf8JsonWriter w, IReadOnlyList<Code> codes, string text)
    {
        w.WriteStartObject();
        bool open = false;
        for (int i = 0; i < codes.Count; i++)
        {
            var code = codes[i];
            if (!Terminology.IsCodable(code)) continue;
            if (!open)
            {
                w.WriteStartArray("coding"u8);
                open = true;
            }
            Coding(w, Terminology.SystemUri(code.System)!, code.Value, code.Display);
        }
        if (open) w.WriteEndArray();
        w.WriteString("text"u8, text);
        w.WriteEndObject();
    }

    /// <summary>A CodeableConcept of every code of a definition, as a property.</summary>
    public static void Concept(Utf8JsonWriter w, ReadOnlySpan<byte> name, IReadOnlyList<Code> codes, string text)
    {
        w.WritePropertyName(name);
        Concept(w, codes, text);
    }

    /// <summary>A CodeableConcept of a single code (a reason, a reaction), as an array element.</summary>
    public static void Concept(Utf8JsonWriter w, Code code)
    {
        w.WriteStartObject();
        if (Terminology.IsCodable(code))
        {
            w.WriteStartArray("coding"u8);
            Coding(w, Terminology.SystemUri(code.System)!, code.Value, code.Display);
            w.WriteEndArray();
        }
        w.WriteString("text"u8, code.Display is { Length: > 0 } display ? display : code.Value);
        w.WriteEndObject();
    }

    /// <summary><c>"name": [concept]</c> of one code, left out when <paramref name="code"/> is null.</summary>
    public static void ConceptArray(Utf8JsonWriter w, ReadOnlySpan<byte> name, Code? code)
    {
        if (code is null) return;
        w.WriteStartArray(name);
        Concept(w, code);
        w.WriteEndArray();
    }

    /// <summary>A FHIR dateTime (UTC, to the second: <c>2019-03-04T10:15:30Z</c>).</summary>
    public static void DateTime(Utf8JsonWriter w, ReadOnlySpan<byte> name, DateTime value)
    {
        Span<byte> text = stackalloc byte[20];
        w.WriteString(name, FormatDateTime(value, text));
    }

    /// <summary>A FHIR date (<c>2019-03-04</c>).</summary>
    public static void Date(Utf8JsonWriter w, ReadOnlySpan<byte> name, DateTime value)
    {
        Span<byte> text = stackalloc byte[10];
        w.WriteString(name, FormatDate(value, text));
    }

    /// <summary>A Period; the end is left out when null and never precedes the start.</summary>
    public static void Period(Utf8JsonWriter w, ReadOnlySpan<byte> name, DateTime start, DateTime? end)
    {
        w.WriteStartObject(name);
        DateTime(w, "start"u8, start);
        if (end is { } e) DateTime(w, "end"u8, e < start ? start : e);
        w.WriteEndObject();
    }

    /// <summary>A decimal (written as the shortest text that reads back to the same double).</summary>
    public static void Decimal(Utf8JsonWriter w, ReadOnlySpan<byte> name, double value)
    {
        w.WritePropertyName(name);
        DecimalValue(w, value);
    }

    public static void DecimalValue(Utf8JsonWriter w, double value)
    {
        // Utf8JsonWriter writes doubles in the shortest round-trip form ("R"), exponent included for very large or
        // small values: FHIR's decimal grammar allows the exponent.
        w.WriteNumberValue(value);
    }

    /// <summary>A UCUM Quantity (<c>unit</c> and <c>code</c> both the UCUM code); a value only when there is no unit.</summary>
    public static void Quantity(Utf8JsonWriter w, ReadOnlySpan<byte> name, double value, string? units)
    {
        w.WriteStartObject(name);
        Decimal(w, "value"u8, value);
        if (!string.IsNullOrEmpty(units) && Terminology.IsFhirCode(units))
        {
            w.WriteString("unit"u8, units);
            w.WriteString("system"u8, Terminology.Ucum);
            w.WriteString("code"u8, units);
        }
        w.WriteEndObject();
    }

    /// <summary>A UCUM Quantity whose value is decimal text (keeps the precision written: <c>4.0</c>).</summary>
    public static void Quantity(Utf8JsonWriter w, ReadOnlySpan<byte> name, ReadOnlySpan<char> value, string? units)
    {
        w.WriteStartObject(name);
        w.WritePropertyName("value"u8);
        w.WriteRawValue(value);
        if (!string.IsNullOrEmpty(units) && Terminology.IsFhirCode(units))
        {
            w.WriteString("unit"u8, units);
            w.WriteString("system"u8, Terminology.Ucum);
            w.WriteString("code"u8, units);
        }
        w.WriteEndObject();
    }

    /// <summary>An Identifier with a v2-0203 type.</summary>
    public static void Identifier(Utf8JsonWriter w, string typeCode, string typeDisplay, string system, string value)
    {
        w.WriteStartObject();
        w.WritePropertyName("type"u8);
        Concept(w, Terminology.V2IdentifierType, typeCode, typeDisplay, typeDisplay);
        w.WriteString("system"u8, system);
        w.WriteString("value"u8, value);
        w.WriteEndObject();
    }

    /// <summary><c>"identifier": [{"use": "official", "system": "urn:ietf:rfc:3986", "value": "urn:uuid:..."}]</c>.</summary>
    public static void UuidIdentifier(Utf8JsonWriter w, Guid id)
    {
        Span<byte> value = stackalloc byte[45];
        "urn:uuid:"u8.CopyTo(value);
        id.TryFormat(value[9..], out _, "D");
        w.WriteStartArray("identifier"u8);
        w.WriteStartObject();
        w.WriteString("use"u8, "official"u8);
        w.WriteString("system"u8, "urn:ietf:rfc:3986"u8);
        w.WriteString("value"u8, value);
        w.WriteEndObject();
        w.WriteEndArray();
    }

    /// <summary>An id (a UUID, lower case with dashes).</summary>
    public static void Id(Utf8JsonWriter w, Guid id)
    {
        Span<byte> text = stackalloc byte[36];
        id.TryFormat(text, out _, "D");
        w.WriteString("id"u8, text);
    }

    /// <summary>The record's instant as UTC to the second, as the CSV and Parquet files write it.</summary>
    public static ReadOnlySpan<byte> FormatDateTime(DateTime value, Span<byte> destination)
    {
        var t = ValueFormat.Timestamp(value);
        FormatDate(t, destination);
        destination[10] = (byte)'T';
        Two(destination[11..], t.Hour);
        destination[13] = (byte)':';
        Two(destination[14..], t.Minute);
        destination[16] = (byte)':';
        Two(destination[17..], t.Second);
        destination[19] = (byte)'Z';
        return destination[..20];
    }

    public static ReadOnlySpan<byte> FormatDate(DateTime value, Span<byte> destination)
    {
        int year = value.Year;
        destination[0] = (byte)('0' + year / 1000);
        destination[1] = (byte)('0' + year / 100 % 10);
        Two(destination[2..], year % 100);
        destination[4] = (byte)'-';
        Two(destination[5..], value.Month);
        destination[7] = (byte)'-';
        Two(destination[8..], value.Day);
        return destination[..10];
    }

    private static void Two(Span<byte> destination, int value)
    {
        destination[0] = (byte)('0' + value / 10);
        destination[1] = (byte)('0' + value % 10);
    }
}
