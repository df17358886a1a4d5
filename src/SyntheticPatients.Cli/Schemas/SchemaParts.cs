using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace SyntheticPatients.Cli.Schemas;

/// <summary>Small builders for JSON Schema (draft 2020-12) nodes, shared by the module and scenario schema writers.</summary>
internal static class SchemaParts
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    public static JsonObject Ref(string def) => new() { ["$ref"] = "#/$defs/" + def };

    public static JsonObject Enum(IEnumerable<string> values) => new() { ["enum"] = Array(values) };

    public static JsonObject Type(string type) => new() { ["type"] = type };

    public static JsonObject AnyOf(params JsonNode[] schemas) => new() { ["anyOf"] = new JsonArray(schemas) };

    public static JsonObject Required(params string[] keys) => new() { ["required"] = Array(keys) };

    public static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());

    /// <summary>A value, a list of such values (the language reads a single entry as a one-entry list) or nothing (an empty list).</summary>
    public static JsonObject OneOrMany(JsonObject item) => AnyOf(item, ListOf(item.DeepClone()), Type("null"));

    /// <summary>A list of <paramref name="item"/>; an empty value (<c>key:</c> alone) reads as an empty list.</summary>
    public static JsonObject ListOf(JsonNode item) => new() { ["type"] = new JsonArray("array", "null"), ["items"] = item };

    /// <summary>A number as the compiler reads it: a plain or quoted decimal (invariant culture).</summary>
    public const string NumberPattern = @"^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$";

    /// <summary>A number, plain or quoted, or a parameter reference (defined as <c>$defs/use</c>).</summary>
    public static JsonObject NumberOrUse() => AnyOf(Type("number"), new JsonObject { ["type"] = "string", ["pattern"] = NumberPattern }, Ref("use"));

    /// <summary><c>{use: domain.path}</c>: the value comes from data/parameters/.</summary>
    public static JsonObject Use()
    {
        var use = Closed(new[] { "use" }, _ => new JsonObject { ["type"] = "string", ["description"] = "A parameter path 'domain.name' (data/parameters/domain.yaml)." },
            "A parameter reference: the value comes from data/parameters/.");
        use["required"] = Array(new[] { "use" });
        return use;
    }

    /// <summary>A mapping with exactly these keys (any other key fails at its own path), each key's schema from <paramref name="shape"/>.</summary>
    public static JsonObject Closed(IEnumerable<string> keys, System.Func<string, JsonObject> shape, string? description = null)
    {
        var properties = new JsonObject();
        foreach (var key in keys.Distinct())
        {
            properties[key] = shape(key);
        }
        var schema = new JsonObject();
        if (description is not null) schema["description"] = description;
        schema["type"] = "object";
        schema["properties"] = properties;
        schema["additionalProperties"] = false;
        return schema;
    }

    /// <summary>
    /// A string equal to one of <paramref name="values"/> ignoring case: an <c>enum</c> of the spellings (what editors
    /// offer) or a pattern that accepts them in any case (what the compiler accepts).
    /// </summary>
    public static JsonObject CaseInsensitiveEnum(IEnumerable<string> values)
    {
        var list = values.ToList();
        return AnyOf(Enum(list), new JsonObject { ["type"] = "string", ["pattern"] = CaseInsensitivePattern(list) });
    }

    /// <summary>An anchored ECMA-262 pattern matching any of <paramref name="values"/> in any letter case.</summary>
    public static string CaseInsensitivePattern(IEnumerable<string> values)
    {
        var alternatives = values.Select(value =>
        {
            var text = new StringBuilder();
            foreach (var c in value)
            {
                var lower = char.ToLowerInvariant(c);
                var upper = char.ToUpperInvariant(c);
                if (lower != upper) text.Append('[').Append(lower).Append(upper).Append(']');
                else if (char.IsLetterOrDigit(c) || c == '_' || c == ' ') text.Append(c);
                else text.Append('\\').Append(c);
            }
            return text.ToString();
        });
        return "^(?:" + string.Join("|", alternatives) + ")$";
    }
}
