using System.Globalization;
using System.Text;

namespace SyntheticPatients.Reporting;

/// <summary>
/// dashboard.html: one self-contained page (inline CSS and inline SVG drawn here; no script, no font, no request),
/// locked down by a Content-Security-Policy that forbids loading anything. Same summary, same bytes.
/// </summary>
internal static class HtmlDashboard
{
    private const string MaleColor = "#4c78a8";
    private const string FemaleColor = "#f58518";
    private const string OtherColor = "#9d755d";
    private const string BarColor = "#4c78a8";
    private const string SdohColor = "#54a24b";
    private const string SmokingColor = "#b279a2";
    private const string EncounterColor = "#72b7b2";
    private const string DeathColor = "#e45756";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private const string Style = """
        :root { --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb; --card: #ffffff; --page: #f5f7fa; }
        * { box-sizing: border-box; }
        body { margin: 0; padding: 24px 32px 40px; background: var(--page); color: var(--ink);
               font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        header h1 { margin: 0 0 4px; font-size: 26px; font-weight: 650; }
        header p { margin: 0 0 20px; color: var(--muted); }
        .kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin-bottom: 16px; }
        .kpi { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
        .kpi .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
        .kpi .value { font-size: 24px; font-weight: 650; margin-top: 2px; font-variant-numeric: tabular-nums; }
        .kpi .detail { color: var(--muted); font-size: 12px; }
        .grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; min-width: 0; }
        .card.full { grid-column: 1 / -1; }
        .card h2 { margin: 0 0 2px; font-size: 16px; font-weight: 650; }
        .card h3 { margin: 14px 0 4px; font-size: 13px; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
        .note { margin: 0 0 10px; color: var(--muted); font-size: 12px; }
        svg { display: block; max-width: 100%; height: auto; }
        svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; fill: var(--ink); }
        svg .muted { fill: var(--muted); }
        svg .grid-line { stroke: var(--line); stroke-width: 1; }
        table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
        th, td { padding: 5px 6px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: middle; }
        th { font-size: 12px; color: var(--muted); font-weight: 600; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        td.code { color: var(--muted); white-space: nowrap; font-size: 12px; }
        td.bar { width: 22%; }
        td.bar span { display: block; height: 10px; border-radius: 3px; background: #4c78a8; }
        .two { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
        footer { margin-top: 20px; color: var(--muted); font-size: 12px; }
        """;

    public static string Render(DashboardSummary s)
    {
        var h = new StringBuilder(64 * 1024);
        var end = s.EndDate.ToString("yyyy-MM-dd", Invariant);
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append("<title>Synthetic population dashboard: ").Append(Esc(s.Scenario ?? "run")).Append(", ").Append(N(s.Patients)).Append(" patients</title>\n");
        h.Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");

        h.Append("<header>\n<h1>Synthetic population dashboard</h1>\n<p>");
        if (s.Scenario is not null) h.Append("Scenario <b>").Append(Esc(s.Scenario)).Append("</b> · ");
        if (s.Seed is { } seed) h.Append("seed ").Append(seed.ToString(Invariant)).Append(" · ");
        h.Append("end date ").Append(end).Append(" · ").Append(N(s.Patients)).Append(" patients generated</p>\n</header>\n");

        // Headline numbers.
        var m = s.Mortality;
        h.Append("<section class=\"kpis\">\n");
        Kpi(h, "Patients", N(s.Patients), $"{N(s.Living)} living at {end}");
        Kpi(h, "Deaths", N(m.Deaths), $"{D(m.CrudeRatePer1000Patients)} per 1,000 patients");
        Kpi(h, "Crude mortality", D(m.CrudeRatePer1000PersonYears), $"deaths per 1,000 person-years ({N((long)Math.Round(m.PersonYears))} person-years)");
        Kpi(h, "Encounters", N(s.Rows("encounters")), s.Patients == 0 ? "" : $"{D(SummaryCalculator.Round((double)s.Rows("encounters") / s.Patients, 1))} per patient");
        Kpi(h, "Conditions", N(s.Rows("conditions")), "diagnoses recorded");
        Kpi(h, "Medications", N(s.Rows("medications")), "orders");
        Kpi(h, "Observations", N(s.Rows("observations")), "vitals, labs, surveys");
        h.Append("</section>\n<div class=\"grid\">\n");

        // Pyramid and demographics.
        h.Append("<section class=\"card\">\n<h2>Population pyramid</h2>\n<p class=\"note\">Living patients at ")
            .Append(end).Append(" by 5-year age band and sex (").Append(N(s.Living)).Append(" patients)</p>\n");
        Pyramid(h, s.Pyramid);
        h.Append("<h3>Age groups (living)</h3>\n");
        Bars(h, s.AgeGroups, s.Living, BarColor, "patients");
        h.Append("</section>\n");

        h.Append("<section class=\"card\">\n<h2>Demographics</h2>\n<p class=\"note\">All ").Append(N(s.Patients)).Append(" patients generated</p>\n");
        h.Append("<h3>Gender</h3>\n");
        Bars(h, s.Gender, s.Patients, BarColor, "patients");
        h.Append("<h3>Race</h3>\n");
        Bars(h, s.Race, s.Patients, BarColor, "patients");
        h.Append("<h3>Ethnicity</h3>\n");
        Bars(h, s.Ethnicity, s.Patients, BarColor, "patients");
        h.Append("</section>\n");

        h.Append("<section class=\"card\">\n<h2>Social determinants of health</h2>\n<p class=\"note\">All patients</p>\n");
        h.Append("<h3>Yearly household income</h3>\n");
        Bars(h, s.IncomeBands, s.Patients, SdohColor, "patients");
        h.Append("<h3>Tobacco smoking status (latest observation)</h3>\n");
        Bars(h, s.SmokingStatus, s.Patients, SmokingColor, "patients");
        h.Append("</section>\n");

        h.Append("<section class=\"card\">\n<h2>Mortality</h2>\n<p class=\"note\">").Append(N(m.Deaths)).Append(" deaths; ")
            .Append(D(m.CrudeRatePer1000Patients)).Append(" per 1,000 patients, ").Append(D(m.CrudeRatePer1000PersonYears))
            .Append(" per 1,000 person-years");
        if (m.MeanAgeAtDeath is { } age) h.Append("; mean age at death ").Append(D(age));
        h.Append("</p>\n<h3>Top causes of death</h3>\n");
        Bars(h, m.TopCauses.Select(c => new CountItem(c.Description, c.Rows)).ToList(), m.Deaths, DeathColor, "deaths");
        h.Append("<h3>Manner of death</h3>\n");
        Bars(h, m.Manner, m.Deaths, DeathColor, "deaths");
        h.Append("</section>\n");

        h.Append("<section class=\"card full\">\n<h2>Encounters per year</h2>\n<p class=\"note\">")
            .Append(N(s.Rows("encounters"))).Append(" encounters by year of start</p>\n");
        Columns(h, s.EncountersPerYear);
        h.Append("<h3>By class</h3>\n");
        Bars(h, s.EncounterClasses, s.Rows("encounters"), EncounterColor, "encounters", width: 900);
        h.Append("</section>\n");

        CodeTable(h, "Top 10 conditions", "by patients with the diagnosis", s.TopConditions, s.Patients);
        CodeTable(h, "Top 10 medications", "by patients with an order", s.TopMedications, s.Patients);
        CodeTable(h, "Top 10 observations", "by patients observed", s.TopObservations, s.Patients);

        h.Append("<section class=\"card\">\n<h2>Rows per table</h2>\n<p class=\"note\">csv/&lt;table&gt;.csv</p>\n<table>\n<thead><tr><th>Table</th><th class=\"num\">Rows</th></tr></thead>\n<tbody>\n");
        foreach (var table in s.Tables)
        {
            h.Append("<tr><td>").Append(Esc(table.Value)).Append("</td><td class=\"num\">").Append(N(table.Count)).Append("</td></tr>\n");
        }
        h.Append("</tbody>\n</table>\n</section>\n");

        h.Append("</div>\n<footer>Computed from the run's CSV tables; the same numbers are in dashboard/summary.json and report.txt.</footer>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static void Kpi(StringBuilder h, string label, string value, string detail)
    {
        h.Append("<div class=\"kpi\"><div class=\"label\">").Append(Esc(label)).Append("</div><div class=\"value\">").Append(Esc(value))
            .Append("</div><div class=\"detail\">").Append(Esc(detail)).Append("</div></div>\n");
    }

    /// <summary>Horizontal bars: label, bar, count and share of the total.</summary>
    private static void Bars(StringBuilder h, IReadOnlyList<CountItem> items, long total, string color, string unit, int width = 600)
    {
        const int rowHeight = 22, labelWidth = 210, valueWidth = 120;
        if (items.Count == 0)
        {
            h.Append("<p class=\"note\">None.</p>\n");
            return;
        }
        int height = items.Count * rowHeight + 4;
        double max = Math.Max(1, items.Max(i => i.Count));
        double room = width - labelWidth - valueWidth;
        Svg(h, width, height, $"Bar chart of {unit}");
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            double y = i * rowHeight + 2;
            double w = item.Count == 0 ? 0 : Math.Max(1, item.Count / max * room);
            var share = SummaryJson.Percent(item.Count, total);
            var tip = $"{item.Value}: {N(item.Count)} {unit} ({D(share)}%)";
            h.Append("<g><title>").Append(Esc(tip)).Append("</title>");
            h.Append("<text x=\"").Append(labelWidth - 8).Append("\" y=\"").Append(F(y + 15)).Append("\" text-anchor=\"end\">").Append(Esc(Clip(item.Value, 27))).Append("</text>");
            h.Append("<rect x=\"").Append(labelWidth).Append("\" y=\"").Append(F(y + 3)).Append("\" width=\"").Append(F(w)).Append("\" height=\"")
                .Append(rowHeight - 6).Append("\" rx=\"3\" fill=\"").Append(color).Append("\"/>");
            h.Append("<text x=\"").Append(F(labelWidth + w + 6)).Append("\" y=\"").Append(F(y + 15)).Append("\">").Append(N(item.Count))
                .Append(" <tspan class=\"muted\">(").Append(D(share)).Append("%)</tspan></text></g>\n");
        }
        h.Append("</svg>\n");
    }

    /// <summary>Population pyramid: male bars to the left, female to the right, oldest band on top.</summary>
    private static void Pyramid(StringBuilder h, IReadOnlyList<PyramidBand> bands)
    {
        const int width = 600, rowHeight = 19, top = 28, center = width / 2, labelHalf = 28, valueRoom = 44;
        int height = top + bands.Count * rowHeight + 6;
        double max = Math.Max(1, bands.Max(b => Math.Max(b.Male, b.Female)));
        double room = center - labelHalf - valueRoom;
        long others = bands.Sum(b => b.Other);
        Svg(h, width, height, "Population pyramid by age band and sex");
        h.Append("<rect x=\"").Append(center - labelHalf - 70).Append("\" y=\"6\" width=\"12\" height=\"12\" rx=\"2\" fill=\"").Append(MaleColor).Append("\"/>");
        h.Append("<text x=\"").Append(center - labelHalf - 54).Append("\" y=\"16\">Male</text>");
        h.Append("<rect x=\"").Append(center + labelHalf + 8).Append("\" y=\"6\" width=\"12\" height=\"12\" rx=\"2\" fill=\"").Append(FemaleColor).Append("\"/>");
        h.Append("<text x=\"").Append(center + labelHalf + 24).Append("\" y=\"16\">Female</text>\n");
        for (int i = 0; i < bands.Count; i++)
        {
            var band = bands[bands.Count - 1 - i];
            double y = top + i * rowHeight;
            double male = band.Male == 0 ? 0 : Math.Max(1, band.Male / max * room);
            double female = band.Female == 0 ? 0 : Math.Max(1, band.Female / max * room);
            var tip = $"{band.Label}: {N(band.Male)} male, {N(band.Female)} female" + (band.Other > 0 ? $", {N(band.Other)} other" : "");
            h.Append("<g><title>").Append(Esc(tip)).Append("</title>");
            h.Append("<rect x=\"").Append(F(center - labelHalf - male)).Append("\" y=\"").Append(F(y + 2)).Append("\" width=\"").Append(F(male))
                .Append("\" height=\"").Append(rowHeight - 4).Append("\" rx=\"2\" fill=\"").Append(MaleColor).Append("\"/>");
            h.Append("<rect x=\"").Append(center + labelHalf).Append("\" y=\"").Append(F(y + 2)).Append("\" width=\"").Append(F(female))
                .Append("\" height=\"").Append(rowHeight - 4).Append("\" rx=\"2\" fill=\"").Append(FemaleColor).Append("\"/>");
            h.Append("<text x=\"").Append(center).Append("\" y=\"").Append(F(y + 14)).Append("\" text-anchor=\"middle\" class=\"muted\">").Append(Esc(band.Label)).Append("</text>");
            h.Append("<text x=\"").Append(F(center - labelHalf - male - 4)).Append("\" y=\"").Append(F(y + 14)).Append("\" text-anchor=\"end\">").Append(N(band.Male)).Append("</text>");
            h.Append("<text x=\"").Append(F(center + labelHalf + female + 4)).Append("\" y=\"").Append(F(y + 14)).Append("\">").Append(N(band.Female)).Append("</text></g>\n");
        }
        h.Append("</svg>\n");
        if (others > 0)
        {
            h.Append("<p class=\"note\">").Append(N(others)).Append(" living patients with another or unknown sex are not drawn.</p>\n");
        }
    }

    /// <summary>Encounters per year as columns (years without encounters shown empty), with a y axis and decade labels.</summary>
    private static void Columns(StringBuilder h, IReadOnlyList<YearCount> years)
    {
        if (years.Count == 0)
        {
            h.Append("<p class=\"note\">No encounters.</p>\n");
            return;
        }
        const int width = 1260, height = 280, left = 60, right = 12, top = 12, bottom = 30;
        int first = years[0].Year, last = years[^1].Year, span = last - first + 1;
        var counts = years.ToDictionary(y => y.Year, y => y.Count);
        long max = Math.Max(1, years.Max(y => y.Count));
        long step = NiceStep(max / 5.0);
        long axisMax = (max + step - 1) / step * step;
        double plotWidth = width - left - right, plotHeight = height - top - bottom, slot = plotWidth / span;
        Svg(h, width, height, "Encounters per year");
        for (long tick = 0; tick <= axisMax; tick += step)
        {
            double y = top + plotHeight - tick / (double)axisMax * plotHeight;
            h.Append("<line class=\"grid-line\" x1=\"").Append(left).Append("\" x2=\"").Append(width - right).Append("\" y1=\"").Append(F(y)).Append("\" y2=\"").Append(F(y)).Append("\"/>");
            h.Append("<text class=\"muted\" x=\"").Append(left - 6).Append("\" y=\"").Append(F(y + 4)).Append("\" text-anchor=\"end\">").Append(N(tick)).Append("</text>\n");
        }
        for (int year = first; year <= last; year++)
        {
            double x = left + (year - first) * slot;
            long count = counts.GetValueOrDefault(year);
            if (count > 0)
            {
                double barHeight = Math.Max(1, count / (double)axisMax * plotHeight);
                h.Append("<rect x=\"").Append(F(x + slot * 0.1)).Append("\" y=\"").Append(F(top + plotHeight - barHeight)).Append("\" width=\"").Append(F(Math.Max(1, slot * 0.8)))
                    .Append("\" height=\"").Append(F(barHeight)).Append("\" fill=\"").Append(EncounterColor).Append("\"><title>")
                    .Append(year.ToString(Invariant)).Append(": ").Append(N(count)).Append(" encounters</title></rect>\n");
            }
            if (year % 10 == 0 || (span <= 12))
            {
                h.Append("<text class=\"muted\" x=\"").Append(F(x + slot / 2)).Append("\" y=\"").Append(height - 10).Append("\" text-anchor=\"middle\">")
                    .Append(year.ToString(Invariant)).Append("</text>\n");
            }
        }
        h.Append("<line x1=\"").Append(left).Append("\" x2=\"").Append(width - right).Append("\" y1=\"").Append(F(top + plotHeight)).Append("\" y2=\"")
            .Append(F(top + plotHeight)).Append("\" stroke=\"#9aa5b1\"/>\n</svg>\n");
    }

    private static void CodeTable(StringBuilder h, string title, string note, IReadOnlyList<CodeCount> codes, long patients)
    {
        h.Append("<section class=\"card\">\n<h2>").Append(Esc(title)).Append("</h2>\n<p class=\"note\">").Append(Esc(note)).Append("</p>\n");
        if (codes.Count == 0)
        {
            h.Append("<p class=\"note\">None.</p>\n</section>\n");
            return;
        }
        h.Append("<table>\n<thead><tr><th>Description</th><th>Code</th><th class=\"num\">Patients</th><th></th><th class=\"num\">Rows</th></tr></thead>\n<tbody>\n");
        foreach (var code in codes)
        {
            var share = SummaryJson.Percent(code.Patients, patients);
            var id = code.System.Length == 0 ? code.Code : code.System + " " + code.Code;
            h.Append("<tr><td>").Append(Esc(code.Description)).Append("</td><td class=\"code\">").Append(Esc(id)).Append("</td><td class=\"num\">")
                .Append(N(code.Patients)).Append(" <span class=\"note\">(").Append(D(share)).Append("%)</span></td><td class=\"bar\"><span style=\"width:")
                .Append(F(Math.Min(100, share))).Append("%\"></span></td><td class=\"num\">").Append(N(code.Rows)).Append("</td></tr>\n");
        }
        h.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Svg(StringBuilder h, int width, int height, string label) =>
        h.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append("\" width=\"").Append(width)
            .Append("\" height=\"").Append(height).Append("\" role=\"img\" aria-label=\"").Append(Esc(label)).Append("\">\n");

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="raw"/>.</summary>
    internal static long NiceStep(double raw)
    {
        if (raw <= 1) return 1;
        double power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double fraction = raw / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return (long)(nice * power);
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string N(long value) => value.ToString("N0", Invariant);

    private static string D(double value) => value.ToString("#,0.0#", Invariant);

    /// <summary>A coordinate with at most two decimals.</summary>
    private static string F(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", Invariant);

    internal static string Esc(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }
}
