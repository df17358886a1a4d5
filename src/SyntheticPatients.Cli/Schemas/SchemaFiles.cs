using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SyntheticPatients.Cli.Schemas;

/// <summary>The JSON Schema files of the YAML the language reads: names, text, writing them to a folder.</summary>
public static class SchemaFiles
{
    public const string Module = "module.schema.json";
    public const string Scenario = "scenario.schema.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        // Keep '<', '>', '+' and quotes readable in patterns and descriptions.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Each file name and its text (LF line ends, final newline: the same bytes on every OS).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Generate() => new[]
    {
        new KeyValuePair<string, string>(Module, Text(ModuleSchema.Build())),
        new KeyValuePair<string, string>(Scenario, Text(ScenarioSchema.Build())),
    };

    /// <summary>Writes the files into <paramref name="directory"/> (created if missing); returns their paths.</summary>
    public static IReadOnlyList<string> Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var (name, text) in Generate())
        {
            var path = Path.Combine(directory, name);
            File.WriteAllText(path, text);
            paths.Add(path);
        }
        return paths;
    }

    private static string Text(JsonObject schema) => schema.ToJsonString(Options).Replace("\r\n", "\n") + "\n";
}
