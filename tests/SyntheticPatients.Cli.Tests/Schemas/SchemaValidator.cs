using System.Text.Json;
using Json.Schema;
using SyntheticPatients.Cli.Schemas;

namespace SyntheticPatients.Cli.Tests.Schemas;

/// <summary>The generated schemas, loaded once, and YAML checked against them with the failing paths listed.</summary>
internal static class SchemaValidator
{
    private static readonly Lazy<JsonSchema> ModuleSchema = new(() => Load(SchemaFiles.Module));
    private static readonly Lazy<JsonSchema> ScenarioSchema = new(() => Load(SchemaFiles.Scenario));

    public static IReadOnlyList<string> ModuleErrors(string yaml) => Errors(ModuleSchema.Value, yaml);

    public static IReadOnlyList<string> ScenarioErrors(string yaml) => Errors(ScenarioSchema.Value, yaml);

    private static JsonSchema Load(string name)
    {
        var text = SchemaFiles.Generate().Single(file => file.Key == name).Value;
        // Each schema in a registry of its own: the two files are independent documents.
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    /// <summary>
    /// "instance path: message (keyword at schema path)" for each failure that makes the document invalid: the
    /// hierarchy of results is walked through failing nodes only, skipping 'if' subschemas (an 'if' that fails only
    /// selects the other branch) and the failing branches of a satisfied anyOf, so an error listed is a real one.
    /// </summary>
    private static IReadOnlyList<string> Errors(JsonSchema schema, string yaml)
    {
        var json = YamlAsJson.Convert(yaml);
        using var document = JsonDocument.Parse(json?.ToJsonString() ?? "null");
        // The pass/fail answer first (fast); the detailed hierarchy only for a file that fails.
        if (schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid) return Array.Empty<string>();
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        var errors = new List<string>();
        Collect(results, errors);
        return errors;
    }

    private static void Collect(EvaluationResults node, List<string> errors)
    {
        if (node.IsValid || node.EvaluationPath.ToString().EndsWith("/if", StringComparison.Ordinal)) return;
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            errors.Add($"{node.InstanceLocation}: {message} ({keyword} at {node.EvaluationPath})");
        }
        var children = node.Details ?? new List<EvaluationResults>();
        foreach (var child in children)
        {
            // A failing branch of an anyOf that another branch satisfies is not a failure.
            var anyOf = AnyOfBranch.Match(child.EvaluationPath.ToString());
            if (anyOf.Success && children.Any(c => c.IsValid && c.EvaluationPath.ToString().StartsWith(anyOf.Groups[1].Value, StringComparison.Ordinal)
                && AnyOfBranch.IsMatch(c.EvaluationPath.ToString()))) continue;
            Collect(child, errors);
        }
    }

    private static readonly System.Text.RegularExpressions.Regex AnyOfBranch = new(@"^(.*/anyOf/)\d+$");
}
