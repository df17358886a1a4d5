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

    /// <summary>"instance path: message" for each failing leaf (empty when the file validates).</summary>
    private static IReadOnlyList<string> Errors(JsonSchema schema, string yaml)
    {
        var json = YamlAsJson.Convert(yaml);
        using var document = JsonDocument.Parse(json?.ToJsonString() ?? "null");
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return Array.Empty<string>();
        var errors = new List<string>();
        foreach (var detail in (results.Details ?? new List<EvaluationResults>()).Where(d => d.Errors is { Count: > 0 }))
        {
            foreach (var (keyword, message) in detail.Errors!)
            {
                errors.Add($"{detail.InstanceLocation}: {message} ({keyword} at {detail.EvaluationPath})");
            }
        }
        return errors;
    }
}
