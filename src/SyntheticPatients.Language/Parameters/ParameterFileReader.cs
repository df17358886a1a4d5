using System.Collections.Generic;
using System.Globalization;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Text;
using SyntheticPatients.Language.Yaml;

namespace SyntheticPatients.Language.Parameters;

/// <summary>
/// Reads a parameters file (<c>data/parameters/&lt;domain&gt;.yaml</c>, root key <c>parameters:</c>) into leaves.
/// A mapping with a <c>value:</c> key is a leaf (its <c>source_id</c> is kept); other mappings are groups.
/// </summary>
public static class ParameterFileReader
{
    public static ParameterFileSyntax Read(YamlDocumentSyntax document)
    {
        var domain = FileKinds.Stem(document.FilePath);
        var entries = new List<ParameterEntry>();
        var diagnostics = new List<DiagnosticInfo>(document.Diagnostics);
        var root = document.Root;
        var parameters = root?.Get("parameters");
        if (root is not null && (parameters is null || !parameters.IsMapping))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.MissingField, document.FilePath, root.Span,
                $"Parameters file '{domain}'", "parameters", "Put every parameter under a top-level 'parameters:' mapping."));
        }
        else if (parameters is not null)
        {
            Collect(domain, parameters, entries);
        }
        return new ParameterFileSyntax(domain, entries.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static void Collect(string prefix, YamlNode node, List<ParameterEntry> entries)
    {
        if (node.IsMapping)
        {
            var value = node.Get("value");
            if (value is not null && value.IsScalar)
            {
                entries.Add(Leaf(prefix, value, node.Get("source_id")?.Value));
                return;
            }
            foreach (var entry in node.Entries)
            {
                Collect(prefix + "." + entry.Name, entry.Value, entries);
            }
        }
        else if (node.IsScalar)
        {
            entries.Add(Leaf(prefix, node, null));
        }
    }

    private static ParameterEntry Leaf(string path, YamlNode scalar, string? sourceId)
    {
        if (!scalar.IsQuoted && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new ParameterEntry(path, number, null, sourceId);
        }
        return new ParameterEntry(path, null, scalar.Value, sourceId);
    }
}

public sealed record ParameterFileSyntax(string Domain, EquatableArray<ParameterEntry> Entries, EquatableArray<DiagnosticInfo> Diagnostics);
