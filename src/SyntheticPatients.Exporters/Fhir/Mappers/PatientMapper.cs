using System.Text.Json;
using SyntheticPatients.Runtime;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Fhir.Mappers;

/// <summary>Patient (US Core Patient): race, ethnicity and birth sex extensions, MRN and SSN identifiers.</summary>
internal static class PatientMapper
{
    public static void Write(PatientScope scope)
    {
        var d = scope.Patient.Demographics;
        var w = scope.Sink.Begin(FhirResourceType.Patient, scope.PatientId);
        FhirJson.Meta(w, UsCoreProfiles.Patient);

        w.WriteStartArray("extension"u8);
        Race(w, d.Race);
        Ethnicity(w, d.Ethnicity);
        if (d.Gender is Gender.Female or Gender.Male)
        {
            w.WriteStartObject();
            w.WriteString("url"u8, UsCoreProfiles.BirthSex);
            w.WriteString("valueCode"u8, d.Gender == Gender.Female ? "F"u8 : "M"u8);
            w.WriteEndObject();
        }
        BirthPlace(w, d.Birthplace);
        w.WriteEndArray();

        w.WriteStartArray("identifier"u8);
        FhirJson.Identifier(w, "MR", "Medical Record Number", Terminology.MrnSystem, d.Mrn.Length > 0 ? d.Mrn : d.Id.ToString("D"));
        if (d.Ssn.Length > 0) FhirJson.Identifier(w, "SS", "Social Security Number", Terminology.Ssn, d.Ssn);
        if (!string.IsNullOrEmpty(d.Drivers)) FhirJson.Identifier(w, "DL", "Driver's license number", Terminology.DriversLicenseSystem, d.Drivers);
        if (!string.IsNullOrEmpty(d.Passport)) FhirJson.Identifier(w, "PPN", "Passport Number", Terminology.PassportSystem, d.Passport);
        w.WriteEndArray();

        w.WriteStartArray("name"u8);
        Name(w, "official"u8, d.Last, d, titles: true);
        if (!string.IsNullOrEmpty(d.Maiden)) Name(w, "maiden"u8, d.Maiden, d, titles: false);
        w.WriteEndArray();

        if (d.Phone.Length > 0)
        {
            w.WriteStartArray("telecom"u8);
            w.WriteStartObject();
            w.WriteString("system"u8, "phone"u8);
            w.WriteString("value"u8, d.Phone);
            w.WriteString("use"u8, "home"u8);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteString("gender"u8, d.Gender switch { Gender.Female => "female"u8, Gender.Male => "male"u8, _ => "unknown"u8 });
        FhirJson.Date(w, "birthDate"u8, d.BirthDate);
        if (scope.Patient.Death is { } death) FhirJson.DateTime(w, "deceasedDateTime"u8, death.Date);
        Address(w, d);

        if (Terminology.MaritalStatus(d.Marital) is { } marital)
        {
            FhirJson.Concept(w, "maritalStatus"u8, Terminology.V3MaritalStatus, marital.Code, marital.Display, marital.Display);
        }

        if (d.Language.Length > 0)
        {
            w.WriteStartArray("communication"u8);
            w.WriteStartObject();
            w.WriteStartObject("language"u8);
            if (Terminology.Language(d.Language) is { } language)
            {
                w.WriteStartArray("coding"u8);
                FhirJson.Coding(w, Terminology.Bcp47, language.Code, language.Display);
                w.WriteEndArray();
            }
            w.WriteString("text"u8, d.Language);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }
        scope.Sink.End(FhirResourceType.Patient);
    }

    private static void Race(Utf8JsonWriter w, string label)
    {
        var race = Terminology.Race(label);
        w.WriteStartObject();
        w.WriteStartArray("extension"u8);
        if (race.Code.Length > 0)
        {
            w.WriteStartObject();
            w.WriteString("url"u8, race.Omb ? "ombCategory"u8 : "detailed"u8);
            FhirJson.Coding(w, "valueCoding"u8, Terminology.CdcRaceEthnicity, race.Code, race.Display);
            w.WriteEndObject();
        }
        Text(w, race.Text);
        w.WriteEndArray();
        w.WriteString("url"u8, UsCoreProfiles.Race);
        w.WriteEndObject();
    }

    private static void Ethnicity(Utf8JsonWriter w, string label)
    {
        var ethnicity = Terminology.Ethnicity(label);
        w.WriteStartObject();
        w.WriteStartArray("extension"u8);
        if (ethnicity.Code.Length > 0)
        {
            w.WriteStartObject();
            w.WriteString("url"u8, "ombCategory"u8);
            FhirJson.Coding(w, "valueCoding"u8, Terminology.CdcRaceEthnicity, ethnicity.Code, ethnicity.Display);
            w.WriteEndObject();
        }
        Text(w, ethnicity.Text);
        w.WriteEndArray();
        w.WriteString("url"u8, UsCoreProfiles.Ethnicity);
        w.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter w, string text)
    {
        w.WriteStartObject();
        w.WriteString("url"u8, "text"u8);
        w.WriteString("valueString"u8, text);
        w.WriteEndObject();
    }

    /// <summary>patient-birthPlace: "Town, State, Country" as an Address (the whole text when it has another shape).</summary>
    private static void BirthPlace(Utf8JsonWriter w, string birthplace)
    {
        if (birthplace.Length == 0) return;
        w.WriteStartObject();
        w.WriteString("url"u8, "http://hl7.org/fhir/StructureDefinition/patient-birthPlace"u8);
        w.WriteStartObject("valueAddress"u8);
        var parts = birthplace.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 3)
        {
            w.WriteString("city"u8, parts[0]);
            w.WriteString("state"u8, parts[1]);
            w.WriteString("country"u8, parts[2]);
        }
        else
        {
            w.WriteString("text"u8, birthplace);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A HumanName; the official one carries the prefix and suffix, the maiden name only given and family names.</summary>
    private static void Name(Utf8JsonWriter w, ReadOnlySpan<byte> use, string family, Demographics d, bool titles)
    {
        w.WriteStartObject();
        w.WriteString("use"u8, use);
        FhirJson.String(w, "family"u8, family);
        if (d.First.Length > 0 || !string.IsNullOrEmpty(d.Middle))
        {
            w.WriteStartArray("given"u8);
            if (d.First.Length > 0) w.WriteStringValue(d.First);
            if (!string.IsNullOrEmpty(d.Middle)) w.WriteStringValue(d.Middle);
            w.WriteEndArray();
        }
        if (titles && !string.IsNullOrEmpty(d.Prefix))
        {
            w.WriteStartArray("prefix"u8);
            w.WriteStringValue(d.Prefix);
            w.WriteEndArray();
        }
        if (titles && !string.IsNullOrEmpty(d.Suffix))
        {
            w.WriteStartArray("suffix"u8);
            w.WriteStringValue(d.Suffix);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void Address(Utf8JsonWriter w, Demographics d)
    {
        if (d.Address.Length == 0 && d.City.Length == 0 && d.State.Length == 0 && d.Zip.Length == 0) return;
        w.WriteStartArray("address"u8);
        w.WriteStartObject();
        if (double.IsFinite(d.Latitude) && double.IsFinite(d.Longitude) && (d.Latitude != 0 || d.Longitude != 0))
        {
            w.WriteStartArray("extension"u8);
            w.WriteStartObject();
            w.WriteStartArray("extension"u8);
            w.WriteStartObject();
            w.WriteString("url"u8, "latitude"u8);
            FhirJson.Decimal(w, "valueDecimal"u8, d.Latitude);
            w.WriteEndObject();
            w.WriteStartObject();
            w.WriteString("url"u8, "longitude"u8);
            FhirJson.Decimal(w, "valueDecimal"u8, d.Longitude);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteString("url"u8, "http://hl7.org/fhir/StructureDefinition/geolocation"u8);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteString("use"u8, "home"u8);
        if (d.Address.Length > 0)
        {
            w.WriteStartArray("line"u8);
            foreach (var line in d.Address.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                w.WriteStringValue(line);
            }
            w.WriteEndArray();
        }
        FhirJson.String(w, "city"u8, d.City);
        FhirJson.String(w, "district"u8, d.County);
        FhirJson.String(w, "state"u8, d.State);
        FhirJson.String(w, "postalCode"u8, d.Zip);
        w.WriteString("country"u8, "US"u8);
        w.WriteEndObject();
        w.WriteEndArray();
    }
}
