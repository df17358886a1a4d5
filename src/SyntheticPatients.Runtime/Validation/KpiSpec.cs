using System.Globalization;
using SyntheticPatients.Language.Text;
using SyntheticPatients.Language.Yaml;

namespace SyntheticPatients.Runtime.Validation;

/// <summary>One expectation about a module's output (validation/kpis/&lt;module&gt;.yaml).</summary>
public sealed record KpiSpec(
    string Module,
    string Name,
    string Metric,
    string File,
    int Line,
    double Low,
    double High,
    string? Code,
    string? ConditionCode,
    IReadOnlyList<string> MedicationCodes,
    string? EncounterCode,
    string? Table,
    double MinAge,
    double MaxAge,
    string Gender)
{
    public static readonly IReadOnlyList<string> Metrics = new[]
    {
        "share_with_condition", "share_with_medication", "median_interval_days", "share_died_of", "mean_per_patient",
    };

    /// <summary>
    /// <c>condition_recorded_by</c>: share_with_medication counts only condition rows this module recorded (when
    /// several modules record the same code and the KPI is about one pathway's care).
    /// </summary>
    public string? ConditionRecordedBy { get; init; }

    public bool IsEligible(double age, Gender gender)
        => age >= MinAge && age <= MaxAge && (Gender == "any" || (Gender == "M" ? gender == Runtime.Gender.Male : gender == Runtime.Gender.Female));
}

/// <summary>Reads KPI files; a malformed file is an error naming file, line and column.</summary>
public static class KpiFileReader
{
    public static IReadOnlyList<KpiSpec> Read(string path, string text)
    {
        var document = YamlTreeReader.Read(path, text);
        if (!document.Diagnostics.IsEmpty) throw new FormatException(document.Diagnostics[0].ToString());
        var root = document.Root ?? throw new FormatException($"{path}: empty KPI file");
        var module = Scalar(root, "module", path) ?? throw Error(path, root.Span, "missing 'module'");
        var kpis = root.Get("kpis");
        if (kpis is null || !kpis.IsSequence) throw Error(path, root.Span, "missing 'kpis' list");
        var result = new List<KpiSpec>();
        foreach (var node in kpis.Items)
        {
            var name = Scalar(node, "name", path) ?? throw Error(path, node.Span, "a KPI needs 'name'");
            var metric = Scalar(node, "metric", path) ?? throw Error(path, node.Span, "a KPI needs 'metric'");
            if (!KpiSpec.Metrics.Contains(metric)) throw Error(path, node.Get("metric")!.Span, $"unknown metric '{metric}'; use one of {string.Join(", ", KpiSpec.Metrics)}");
            var range = node.Get("range");
            if (range is null || !range.IsSequence || range.Items.Count != 2) throw Error(path, node.Span, "a KPI needs 'range: [low, high]'");
            var eligible = node.Get("eligible");
            result.Add(new KpiSpec(
                module, name, metric, path, node.Span.Line,
                Number(range.Items[0], path), Number(range.Items[1], path),
                Scalar(node, "code", path),
                Scalar(node, "condition_code", path),
                node.Get("medication_codes") is { IsSequence: true } meds ? meds.Items.Select(i => i.Value ?? "").ToList() : Array.Empty<string>(),
                Scalar(node, "encounter_code", path),
                Scalar(node, "table", path),
                eligible?.Get("min_age") is { } min ? Number(min, path) : 0,
                eligible?.Get("max_age") is { } max ? Number(max, path) : 200,
                eligible is null ? "any" : Scalar(eligible, "gender", path) ?? "any")
            {
                ConditionRecordedBy = Scalar(node, "condition_recorded_by", path),
            });
        }
        return result;
    }

    private static string? Scalar(YamlNode node, string key, string path)
    {
        var value = node.Get(key);
        if (value is null || value.IsNull) return null;
        if (!value.IsScalar) throw Error(path, value.Span, $"'{key}' must be a single value");
        return value.Value;
    }

    private static double Number(YamlNode node, string path)
        => node.IsScalar && double.TryParse(node.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(path, node.Span, $"'{node.Value}' is not a number");

    private static FormatException Error(string path, SourceSpan span, string message) => new($"{path}({span.Line},{span.Column}): {message}");
}
