using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SyntheticPatients.Reporting;

/// <summary>Writes summary.json (layout in docs/outputs.md, "Dashboard"). Same summary, same bytes.</summary>
internal static class SummaryJson
{
    public static void Write(Stream stream, DashboardSummary s)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteNumber("summaryVersion", DashboardSummary.FormatVersion);
        if (s.Scenario is null) json.WriteNull("scenario");
        else json.WriteString("scenario", s.Scenario);
        if (s.Seed is { } seed) json.WriteNumber("seed", seed);
        else json.WriteNull("seed");
        json.WriteString("endDate", s.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("endDateSource", s.EndDateSource);

        json.WriteStartObject("tables");
        foreach (var table in s.Tables) json.WriteNumber(table.Value, table.Count);
        json.WriteEndObject();

        json.WriteStartObject("patients");
        json.WriteNumber("total", s.Patients);
        json.WriteNumber("living", s.Living);
        json.WriteNumber("deceased", s.Deceased);
        json.WriteEndObject();

        json.WriteStartArray("populationPyramid");
        foreach (var band in s.Pyramid)
        {
            json.WriteStartObject();
            json.WriteString("band", band.Label);
            json.WriteNumber("minAge", band.MinAge);
            if (band.MaxAge is { } max) json.WriteNumber("maxAge", max);
            else json.WriteNull("maxAge");
            json.WriteNumber("male", band.Male);
            json.WriteNumber("female", band.Female);
            json.WriteNumber("other", band.Other);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        Distribution(json, "ageGroups", "value", "patients", s.AgeGroups, s.Living);
        Distribution(json, "gender", "value", "patients", s.Gender, s.Patients);
        Distribution(json, "race", "value", "patients", s.Race, s.Patients);
        Distribution(json, "ethnicity", "value", "patients", s.Ethnicity, s.Patients);

        json.WriteStartObject("sdoh");
        Distribution(json, "income", "band", "patients", s.IncomeBands, s.Patients);
        Distribution(json, "smokingStatus", "value", "patients", s.SmokingStatus, s.Patients);
        json.WriteEndObject();

        Codes(json, "topConditions", s.TopConditions);
        Codes(json, "topMedications", s.TopMedications);
        Codes(json, "topObservations", s.TopObservations);

        json.WriteStartArray("encountersPerYear");
        foreach (var year in s.EncountersPerYear)
        {
            json.WriteStartObject();
            json.WriteNumber("year", year.Year);
            json.WriteNumber("encounters", year.Count);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        Distribution(json, "encounterClasses", "value", "encounters", s.EncounterClasses, s.Rows("encounters"));

        var m = s.Mortality;
        json.WriteStartObject("mortality");
        json.WriteNumber("deaths", m.Deaths);
        json.WriteNumber("crudeRatePer1000Patients", m.CrudeRatePer1000Patients);
        json.WriteNumber("personYears", m.PersonYears);
        json.WriteNumber("crudeRatePer1000PersonYears", m.CrudeRatePer1000PersonYears);
        if (m.MeanAgeAtDeath is { } age) json.WriteNumber("meanAgeAtDeath", age);
        else json.WriteNull("meanAgeAtDeath");
        json.WriteStartArray("topCauses");
        foreach (var cause in m.TopCauses)
        {
            json.WriteStartObject();
            json.WriteString("system", cause.System);
            json.WriteString("code", cause.Code);
            json.WriteString("description", cause.Description);
            json.WriteNumber("deaths", cause.Rows);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        Distribution(json, "manner", "value", "deaths", m.Manner, m.Deaths);
        json.WriteEndObject();

        json.WriteEndObject();
    }

    private static void Distribution(Utf8JsonWriter json, string name, string key, string countName, IReadOnlyList<CountItem> items, long total)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            json.WriteString(key, item.Value);
            json.WriteNumber(countName, item.Count);
            json.WriteNumber("percent", Percent(item.Count, total));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Codes(Utf8JsonWriter json, string name, IReadOnlyList<CodeCount> codes)
    {
        json.WriteStartArray(name);
        foreach (var code in codes)
        {
            json.WriteStartObject();
            json.WriteString("system", code.System);
            json.WriteString("code", code.Code);
            json.WriteString("description", code.Description);
            json.WriteNumber("patients", code.Patients);
            json.WriteNumber("rows", code.Rows);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>Share of a total in percent, one decimal (half away from zero); 0 for an empty total.</summary>
    internal static double Percent(long count, long total) => total == 0 ? 0 : SummaryCalculator.Round(count * 100.0 / total, 1);
}
