using System;
using System.Collections.Generic;
using System.Globalization;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Parameters;
using SyntheticPatients.Language.Text;
using SyntheticPatients.Language.Yaml;

namespace SyntheticPatients.Language.Binding;

/// <summary>
/// Shared state while binding one YAML file: where diagnostics go and how scalars are read.
/// Every reader reports a located diagnostic and returns null on bad input instead of throwing.
/// </summary>
internal sealed class BindContext
{
    public BindContext(string filePath, ParameterSet parameters)
    {
        FilePath = filePath;
        Parameters = parameters;
    }

    public string FilePath { get; }

    public ParameterSet Parameters { get; }

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    public void Report(DiagnosticDescriptorInfo descriptor, SourceSpan span, params string[] arguments)
        => Diagnostics.Add(DiagnosticInfo.Create(descriptor, FilePath, span, arguments));

    /// <summary>
    /// Checks a mapping's keys (duplicates, unknown fields: <paramref name="unknownKey"/>, SPM0005 by default) and gives
    /// typed access to them.
    /// </summary>
    public FieldReader Fields(YamlNode mapping, string owner, IReadOnlyCollection<string> knownFields, DiagnosticDescriptorInfo? unknownKey = null)
    {
        var seen = new Dictionary<string, YamlEntry>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            var name = entry.Name;
            if (seen.TryGetValue(name, out var first))
            {
                Report(DiagnosticCatalog.DuplicateKey, entry.Key.Span, name, first.Key.Span.Line.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            seen.Add(name, entry);
            if (!Contains(knownFields, name))
            {
                Report(unknownKey ?? DiagnosticCatalog.UnknownField, entry.Key.Span, name, owner, Spelling.Hint(name, knownFields));
            }
        }
        return new FieldReader(this, mapping, owner);
    }

    private static bool Contains(IReadOnlyCollection<string> names, string name)
    {
        foreach (var n in names)
        {
            if (n == name) return true;
        }
        return false;
    }

    /// <summary>
    /// Reads a number: a plain scalar, a quoted numeric string, or a parameter reference <c>{use: a.b.c}</c>.
    /// </summary>
    public double? Number(YamlNode? node, string field)
    {
        if (node is null) return null;
        if (node.IsMapping && node.Get("use") is { } use)
        {
            return Parameter(use, field);
        }
        if (node.IsScalar && !node.IsNull
            && double.TryParse(node.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && !double.IsNaN(value) && !double.IsInfinity(value))
        {
            return value;
        }
        Report(DiagnosticCatalog.WrongValueType, node.Span, field, "a number (or {use: domain.path})", node.Describe());
        return null;
    }

    private double? Parameter(YamlNode use, string field)
    {
        var path = use.Value ?? string.Empty;
        if (!use.IsScalar || path.Length == 0)
        {
            Report(DiagnosticCatalog.WrongValueType, use.Span, "use", "a parameter path like domain.name", use.Describe());
            return null;
        }
        var entry = Parameters.Find(path);
        if (entry is null)
        {
            int dot = path.IndexOf('.');
            string domain = dot > 0 ? path.Substring(0, dot) : path;
            string where = Parameters.HasDomain(domain) ? $" in parameters file '{domain}'" : $" (no parameters file '{domain}.yaml' was found)";
            var closest = Parameters.Closest(path);
            Report(DiagnosticCatalog.UnknownParameter, use.Span, path, where + (closest is null ? string.Empty : $"; did you mean '{closest}'?"));
            return null;
        }
        if (entry.Number is null)
        {
            Report(DiagnosticCatalog.WrongValueType, use.Span, field, "a number", $"parameter '{path}' = '{entry.Text}'");
            return null;
        }
        return entry.Number;
    }

    public string? Text(YamlNode? node, string field)
    {
        if (node is null || node.IsNull) return null;
        if (node.IsMapping && node.Get("use") is { } use)
        {
            var entry = Parameters.Find(use.Value ?? string.Empty);
            if (entry is not null) return entry.Text ?? entry.Number?.ToString("R", CultureInfo.InvariantCulture);
            Parameter(use, field);
            return null;
        }
        if (!node.IsScalar)
        {
            Report(DiagnosticCatalog.WrongValueType, node.Span, field, "text", node.Describe());
            return null;
        }
        return node.Value;
    }

    public bool? Boolean(YamlNode? node, string field)
    {
        if (node is null) return null;
        if (node.IsScalar)
        {
            switch (node.Value)
            {
                case "true": case "True": case "TRUE": case "yes": case "Yes": return true;
                case "false": case "False": case "FALSE": case "no": case "No": return false;
            }
        }
        Report(DiagnosticCatalog.WrongValueType, node.Span, field, "true or false", node.Describe());
        return null;
    }

    public int? Integer(YamlNode? node, string field)
    {
        var number = Number(node, field);
        if (number is null) return null;
        if (Math.Abs(number.Value - Math.Round(number.Value)) > 1e-9)
        {
            Report(DiagnosticCatalog.WrongValueType, node!.Span, field, "a whole number", node.Describe());
            return null;
        }
        return (int)Math.Round(number.Value);
    }

    /// <summary>A list node, or a single node treated as a one-item list; null (with a diagnostic) for a mapping where a list is required.</summary>
    public IReadOnlyList<YamlNode> List(YamlNode? node, string field, bool allowSingle)
    {
        if (node is null || node.IsNull) return Array.Empty<YamlNode>();
        if (node.IsSequence) return new List<YamlNode>(node.Items);
        if (allowSingle) return new[] { node };
        Report(DiagnosticCatalog.WrongValueType, node.Span, field, "a list", node.Describe());
        return Array.Empty<YamlNode>();
    }

    public YamlNode? Mapping(YamlNode? node, string field)
    {
        if (node is null || node.IsNull) return null;
        if (node.IsMapping) return node;
        Report(DiagnosticCatalog.WrongValueType, node.Span, field, "a mapping (key: value lines)", node.Describe());
        return null;
    }
}

/// <summary>Typed access to the fields of one checked mapping.</summary>
internal readonly struct FieldReader
{
    private readonly BindContext _context;

    public FieldReader(BindContext context, YamlNode node, string owner)
    {
        _context = context;
        Node = node;
        Owner = owner;
    }

    public YamlNode Node { get; }

    public string Owner { get; }

    public YamlNode? this[string key] => Node.Get(key);

    public bool Has(string key) => Node.Find(key) is not null;

    public string? Text(string key) => _context.Text(Node.Get(key), key);

    public double? Number(string key) => _context.Number(Node.Get(key), key);

    public bool? Boolean(string key) => _context.Boolean(Node.Get(key), key);

    public int? Integer(string key) => _context.Integer(Node.Get(key), key);

    public SourceSpan SpanOf(string key) => Node.Find(key)?.Value.Span ?? Node.Span;

    /// <summary>The first present key among aliases (e.g. <c>to</c> / <c>transition</c>).</summary>
    public string? FirstPresent(params string[] keys)
    {
        foreach (var key in keys)
        {
            if (Node.Find(key) is not null) return key;
        }
        return null;
    }
}
