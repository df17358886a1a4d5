using System.Globalization;
using System.Text;

namespace SyntheticPatients.Reporting;

/// <summary>
/// report.txt: the seed project's plain-text summary (<c>Patients: 200</c>, <c>  41-65: 76</c>...), from the same
/// numbers as summary.json.
/// </summary>
internal static class TextReport
{
    private static readonly Dictionary<string, string> TableTitles = new(StringComparer.Ordinal)
    {
        ["patients"] = "Patients",
        ["encounters"] = "Encounters",
        ["conditions"] = "Conditions",
        ["medications"] = "Medications",
        ["observations"] = "Observations",
        ["procedures"] = "Procedures",
        ["immunizations"] = "Immunizations",
        ["allergies"] = "Allergies",
        ["careplans"] = "Care plans",
        ["family_history"] = "Family history",
        ["deaths"] = "Deaths",
        ["module_attributes"] = "Module attributes",
    };

    public static string Render(DashboardSummary s)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        string N(long value) => value.ToString(CultureInfo.InvariantCulture);
        string D(double value) => value.ToString("0.0#", CultureInfo.InvariantCulture);
        void Section(string title, IEnumerable<CountItem> items)
        {
            Line();
            Line(title + ":");
            foreach (var item in items) Line($"  {item.Value}: {N(item.Count)}");
        }
        void Codes(string title, IReadOnlyList<CodeCount> codes)
        {
            Line();
            Line(title + ":");
            foreach (var code in codes)
            {
                var id = code.Code.Length == 0 ? "" : $" ({(code.System.Length == 0 ? "" : code.System + " ")}{code.Code})";
                Line($"  {code.Description}{id}: {N(code.Patients)} patients, {N(code.Rows)} rows");
            }
        }

        Line("SyntheticPatients summary report");
        Line($"Scenario: {s.Scenario ?? "unknown"}");
        if (s.Seed is { } seed) Line($"Seed: {seed.ToString(CultureInfo.InvariantCulture)}");
        Line($"End date: {s.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        Line();
        foreach (var table in s.Tables)
        {
            Line($"{TableTitles.GetValueOrDefault(table.Value, table.Value)}: {N(table.Count)}");
        }
        Line($"Living at end date: {N(s.Living)}");

        Section($"Age distribution (living patients, age at {s.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})", s.AgeGroups);
        Section("Gender distribution", s.Gender);
        Section("Race distribution", s.Race);
        Section("Ethnicity distribution", s.Ethnicity);
        Section("SDOH: household income", s.IncomeBands);
        Section("SDOH: tobacco smoking status (latest)", s.SmokingStatus);
        Codes("Top 10 conditions", s.TopConditions);
        Codes("Top 10 medications", s.TopMedications);
        Codes("Top 10 observations", s.TopObservations);
        Section("Encounters per decade (year of start; per year in dashboard/summary.json)", s.EncountersPerYear
            .GroupBy(y => y.Year - (((y.Year % 10) + 10) % 10))
            .Select(g => new CountItem(g.Key.ToString(CultureInfo.InvariantCulture) + "s", g.Sum(y => y.Count))));

        var m = s.Mortality;
        Line();
        Line("Mortality:");
        Line($"  Deaths: {N(m.Deaths)}");
        Line($"  Crude rate: {D(m.CrudeRatePer1000Patients)} per 1,000 patients; {D(m.CrudeRatePer1000PersonYears)} per 1,000 person-years ({D(m.PersonYears)} person-years)");
        if (m.MeanAgeAtDeath is { } age) Line($"  Mean age at death: {D(age)}");
        Line("  Top causes:");
        foreach (var cause in m.TopCauses)
        {
            var id = cause.Code.Length == 0 ? "" : $" ({(cause.System.Length == 0 ? "" : cause.System + " ")}{cause.Code})";
            Line($"    {cause.Description}{id}: {N(cause.Rows)}");
        }
        Line("  Manner:");
        foreach (var manner in m.Manner) Line($"    {manner.Value}: {N(manner.Count)}");
        return text.ToString();
    }
}
