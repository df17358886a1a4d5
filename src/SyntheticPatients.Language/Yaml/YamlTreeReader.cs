using System;
using System.Collections.Generic;
using System.IO;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SyntheticPatients.Language.Yaml;

/// <summary>
/// Reads YAML text into a located <see cref="YamlNode"/> tree from YamlDotNet's event stream.
/// Never throws: a syntax error becomes SPM0001 at the position YamlDotNet reports.
/// </summary>
public static class YamlTreeReader
{
    public static YamlDocumentSyntax Read(string filePath, string text)
    {
        var diagnostics = new List<DiagnosticInfo>();
        YamlNode? root = null;
        try
        {
            var parser = new Parser(new StringReader(text));
            var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            parser.Consume<StreamStart>();
            if (parser.Accept<DocumentStart>(out _))
            {
                parser.Consume<DocumentStart>();
                root = ReadNode(parser, anchors);
                parser.Consume<DocumentEnd>();
            }
        }
        catch (YamlException ex)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticCatalog.YamlSyntaxError, filePath, ToSpan(ex.Start, ex.End), CleanMessage(ex.Message)));
            root = null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException)
        {
            // YamlDotNet occasionally surfaces malformed input as a non-YAML exception; still report, never throw.
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticCatalog.YamlSyntaxError, filePath, new SourceSpan(1, 1, 1, 1), ex.Message));
            root = null;
        }

        return new YamlDocumentSyntax(filePath, root, diagnostics.ToEquatableArray());
    }

    private static YamlNode ReadNode(IParser parser, Dictionary<string, YamlNode> anchors)
    {
        var current = parser.Current ?? throw new YamlException("Unexpected end of YAML.");
        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                if (anchors.TryGetValue(alias.Value.Value, out var target)) return target;
                throw new YamlException(alias.Start, alias.End, $"Alias *{alias.Value.Value} refers to no anchor defined before it.");

            case Scalar scalar:
            {
                parser.MoveNext();
                var node = YamlNode.Scalar(scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded, ToSpan(scalar.Start, scalar.End));
                Remember(scalar.Anchor, node, anchors);
                return node;
            }

            case SequenceStart start:
            {
                parser.MoveNext();
                var items = new List<YamlNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, anchors));
                }
                var node = new YamlNode(YamlNodeKind.Sequence, ToSpan(start.Start, start.End), null, false, items.ToEquatableArray(), EquatableArray<YamlEntry>.Empty);
                Remember(start.Anchor, node, anchors);
                return node;
            }

            case MappingStart start:
            {
                parser.MoveNext();
                var entries = new List<YamlEntry>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = ReadNode(parser, anchors);
                    var value = ReadNode(parser, anchors);
                    entries.Add(new YamlEntry(key, value));
                }
                var node = new YamlNode(YamlNodeKind.Mapping, ToSpan(start.Start, start.End), null, false, EquatableArray<YamlNode>.Empty, entries.ToEquatableArray());
                Remember(start.Anchor, node, anchors);
                return node;
            }

            default:
                throw new YamlException(current.Start, current.End, $"Unexpected YAML element {current.GetType().Name}.");
        }
    }

    private static void Remember(AnchorName anchor, YamlNode node, Dictionary<string, YamlNode> anchors)
    {
        if (!anchor.IsEmpty) anchors[anchor.Value] = node;
    }

    private static SourceSpan ToSpan(Mark start, Mark end)
    {
        int line = (int)Math.Max(1, start.Line);
        int column = (int)Math.Max(1, start.Column);
        int endLine = (int)Math.Max(line, end.Line);
        int endColumn = endLine == line ? (int)Math.Max(column, end.Column) : (int)Math.Max(1, end.Column);
        return new SourceSpan(line, column, endLine, endColumn);
    }

    // YamlDotNet prefixes messages with "(Line: x, Col: y, Idx: z) - (...)": the location is reported separately.
    private static string CleanMessage(string message)
    {
        int marker = message.IndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message.Substring(marker + 3) : message;
    }
}

/// <summary>One YAML file read into a tree (null when it could not be read), with its syntax diagnostics.</summary>
public sealed record YamlDocumentSyntax(string FilePath, YamlNode? Root, EquatableArray<DiagnosticInfo> Diagnostics);
