using System.Globalization;
using System.Text;
using System.Text.Json;
using SyntheticPatients.Exporters;

namespace SyntheticPatients.Reporting;

/// <summary>What the run knows that the CSV tables do not say; anything left null is read from manifest.json.</summary>
public sealed class DashboardOptions
{
    /// <summary>The run's end date (ages and "living" are taken at it).</summary>
    public DateOnly? EndDate { get; init; }

    public string? Scenario { get; init; }

    public ulong? Seed { get; init; }
}

/// <summary>What <see cref="DashboardBuilder.Build(string, DashboardOptions?)"/> wrote.</summary>
public sealed class DashboardResult
{
    public required DashboardSummary Summary { get; init; }

    /// <summary>The files written, relative to the output folder with '/' separators (for the run's manifest).</summary>
    public required IReadOnlyList<string> Files { get; init; }
}

/// <summary>
/// Summarizes a run from its CSV tables (<c>&lt;out&gt;/csv/*.csv</c>, read forward once, never loaded whole) into
/// <c>&lt;out&gt;/dashboard/summary.json</c>, <c>&lt;out&gt;/dashboard/dashboard.html</c> (self-contained) and
/// <c>&lt;out&gt;/report.txt</c>. Deterministic: the same tables give the same bytes. Layout: docs/outputs.md, "Dashboard".
/// </summary>
public static class DashboardBuilder
{
    public const string SummaryFile = "dashboard/summary.json";
    public const string HtmlFile = "dashboard/dashboard.html";
    public const string ReportFile = "report.txt";

    /// <summary>Builds the dashboard of a finished run: scenario, seed and end date come from its manifest.json.</summary>
    /// <exception cref="DashboardInputException">The folder, its csv folder or a table is missing or malformed.</exception>
    public static DashboardResult Build(string outputDirectory) => Build(outputDirectory, null);

    /// <summary>Builds the dashboard; <paramref name="options"/> wins over manifest.json (a run being written has none yet).</summary>
    /// <exception cref="DashboardInputException">The folder, its csv folder or a table is missing or malformed.</exception>
    public static DashboardResult Build(string outputDirectory, DashboardOptions? options)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        if (!Directory.Exists(outputDirectory))
        {
            throw new DashboardInputException($"{outputDirectory}: no such folder. Give the output folder of a 'generate' run.");
        }
        var csv = Path.Combine(outputDirectory, "csv");
        if (!Directory.Exists(csv))
        {
            throw new DashboardInputException($"{outputDirectory} has no csv folder: the dashboard is built from the CSV tables (generate with --csv or --both).");
        }

        var manifest = ReadManifest(outputDirectory);
        var endDate = options?.EndDate;
        var endDateSource = "options";
        if (endDate is null && manifest.EndDate is not null)
        {
            endDate = manifest.EndDate;
            endDateSource = "manifest";
        }
        var (summary, _) = SummaryCalculator.Compute(csv, endDate, endDateSource, options?.Scenario ?? manifest.Scenario, options?.Seed ?? manifest.Seed);

        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        Directory.CreateDirectory(Path.Combine(outputDirectory, "dashboard"));
        WriteFile(Path.Combine(outputDirectory, SummaryFile), stream => SummaryJson.Write(stream, summary));
        WriteFile(Path.Combine(outputDirectory, HtmlFile), stream => stream.Write(utf8.GetBytes(HtmlDashboard.Render(summary))));
        WriteFile(Path.Combine(outputDirectory, ReportFile), stream => stream.Write(utf8.GetBytes(TextReport.Render(summary))));
        return new DashboardResult { Summary = summary, Files = new[] { ReportFile, HtmlFile, SummaryFile } };
    }

    /// <summary>Writes through a temporary file renamed into place, so a file is whole or absent.</summary>
    private static void WriteFile(string path, Action<Stream> write)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            write(stream);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private sealed record ManifestFacts(DateOnly? EndDate, string? Scenario, ulong? Seed);

    /// <summary>End date, scenario and seed from manifest.json, when there is one.</summary>
    private static ManifestFacts ReadManifest(string outputDirectory)
    {
        var path = Path.Combine(outputDirectory, ManifestWriter.FileName);
        if (!File.Exists(path)) return new ManifestFacts(null, null, null);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            DateOnly? end = null;
            if (root.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Object
                && options.TryGetProperty("end_date", out var endText) && endText.ValueKind == JsonValueKind.String)
            {
                if (!DateOnly.TryParseExact(endText.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    throw new DashboardInputException($"{path}: options.end_date '{endText.GetString()}' is not a yyyy-MM-dd date.");
                }
                end = parsed;
            }
            string? scenario = root.TryGetProperty("scenario", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            ulong? seed = root.TryGetProperty("seed", out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetUInt64(out var value) ? value : null;
            return new ManifestFacts(end, scenario, seed);
        }
        catch (JsonException e)
        {
            throw new DashboardInputException($"{path}: not valid JSON ({e.Message}).");
        }
    }
}
