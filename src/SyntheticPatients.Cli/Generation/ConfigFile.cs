using System.Globalization;
using System.Numerics;
using SyntheticPatients.Language.Text;
using SyntheticPatients.Language.Yaml;
using SyntheticPatients.Runtime.Modules;

namespace SyntheticPatients.Cli.Generation;

/// <summary>
/// The seed project's YAML config (<c>--config</c>): num_records, output_dir, seed, output_format, scenario,
/// scenario_file, modules, threads, end_date, skip_* flags and *_dist maps. Every mistake is reported with
/// file:line:col. Values here apply unless the same option is given on the command line.
/// </summary>
internal sealed class ConfigFile
{
    private static readonly string[] Keys =
    {
        "num_records", "output_dir", "seed", "output_format", "scenario", "scenario_file", "modules", "threads", "end_date",
        "skip_fhir", "skip_hl7", "skip_vista", "skip_report", "batch_size", "vista_mode",
        "age_dist", "gender_dist", "race_dist", "ethnicity_dist", "smoking_dist", "alcohol_dist", "education_dist",
        "employment_dist", "housing_dist", "income_dist", "insurance_dist",
    };

    private readonly string _path;
    private readonly YamlNode _root;

    private ConfigFile(string path, YamlNode root)
    {
        _path = path;
        _root = root;
    }

    public static ConfigFile Load(string path)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: config file not found.");
        var document = YamlTreeReader.Read(path, FolderWalker.ReadText(path));
        if (!document.Diagnostics.IsEmpty) throw new InputException(document.Diagnostics[0].ToString());
        var root = document.Root ?? YamlNode.Scalar("", false, new SourceSpan(1, 1, 1, 1));
        if (root.IsNull) return new ConfigFile(path, new YamlNode(YamlNodeKind.Mapping, root.Span, null, false, EquatableArray<YamlNode>.Empty, EquatableArray<YamlEntry>.Empty));
        if (!root.IsMapping) throw Error(path, root.Span, "a config file is a mapping of settings (key: value lines)");
        foreach (var entry in root.Entries)
        {
            if (Array.IndexOf(Keys, entry.Name) < 0)
            {
                throw Error(path, entry.Key.Span, $"unknown setting '{entry.Name}'{Spelling.Hint(entry.Name, Keys)}; known settings: {string.Join(", ", Keys)}");
            }
        }
        return new ConfigFile(path, root);
    }

    public string? Text(string key)
    {
        var node = _root.Get(key);
        if (node is null || node.IsNull) return null;
        if (!node.IsScalar) throw Error(_path, node.Span, $"'{key}' expects a single value, not {node.Describe()}");
        return node.Value;
    }

    /// <summary>A whole number of any size, so that the caller's range check (<see cref="SettingRange"/>) sees -1 or 2^32+1 as written.</summary>
    public (BigInteger Value, SourceSpan Span)? Number(string key)
    {
        var text = Text(key);
        if (text is null) return null;
        var span = _root.Get(key)!.Span;
        if (BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return (value, span);
        throw Error(_path, span, $"'{key}' expects a whole number, not '{text}'");
    }

    public bool? Flag(string key)
    {
        var text = Text(key);
        return text switch
        {
            null => null,
            "true" or "True" or "yes" => true,
            "false" or "False" or "no" => false,
            _ => throw Error(_path, _root.Get(key)!.Span, $"'{key}' expects true or false, not '{text}'"),
        };
    }

    public IReadOnlyList<string> List(string key)
    {
        var node = _root.Get(key);
        if (node is null || node.IsNull) return Array.Empty<string>();
        if (node.IsScalar) return new[] { node.Value! };
        if (!node.IsSequence) throw Error(_path, node.Span, $"'{key}' expects a list");
        return node.Items.Select(item => item.IsScalar ? item.Value! : throw Error(_path, item.Span, $"'{key}' entries are names")).ToList();
    }

    /// <summary>A distribution map (label: weight), or null when absent. Also accepts the seed's "a:0.5,b:0.5" string form.</summary>
    public IReadOnlyList<(string Label, double Weight, SourceSpan Span)>? Distribution(string key)
    {
        var node = _root.Get(key);
        if (node is null || node.IsNull) return null;
        var result = new List<(string, double, SourceSpan)>();
        if (node.IsScalar)
        {
            foreach (var part in node.Value!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var pieces = part.Split(':');
                if (pieces.Length != 2 || !double.TryParse(pieces[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
                {
                    throw Error(_path, node.Span, $"'{key}' entry '{part}' is not label:weight");
                }
                result.Add((pieces[0].Trim(), weight, node.Span));
            }
            return result;
        }
        if (!node.IsMapping) throw Error(_path, node.Span, $"'{key}' expects label: weight lines");
        foreach (var entry in node.Entries)
        {
            if (!entry.Value.IsScalar || !double.TryParse(entry.Value.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            {
                throw Error(_path, entry.Value.Span, $"the weight of '{entry.Name}' in '{key}' must be a number");
            }
            result.Add((entry.Name, weight, entry.Value.Span));
        }
        return result;
    }

    /// <summary>Where a key's value is written (the caller has seen it present).</summary>
    public SourceSpan SpanOf(string key) => _root.Get(key)!.Span;

    /// <summary>An error at a place in this file: <c>path(line,col): error: message.</c></summary>
    public InputException ErrorAt(SourceSpan span, string message) => Error(_path, span, message);

    private static InputException Error(string path, SourceSpan span, string message)
        => new($"{path}({span.Line},{span.Column}): error: {message}.");
}
