using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SyntheticPatients.Language.Yaml;

/// <summary>
/// Reads YAML text into a located <see cref="YamlNode"/> tree from YamlDotNet's event stream.
/// Never throws: a syntax error becomes SPM0001 at the position YamlDotNet reports, and input beyond
/// <see cref="YamlLimits"/> (size SPM0026, nesting SPM0027, alias expansion SPM0028) is refused with no tree.
/// </summary>
public static class YamlTreeReader
{
    public static YamlDocumentSyntax Read(string filePath, string text)
    {
        var diagnostics = new List<DiagnosticInfo>();
        YamlNode? root = null;
        try
        {
            // Checked before parsing: the size is what bounds the tree's memory (aliases are bounded separately).
            if (text.Length > YamlLimits.MaxFileLength)
            {
                throw new YamlLimitException(DiagnosticCatalog.YamlFileTooLarge, new SourceSpan(1, 1, 1, 1),
                    text.Length.ToString(CultureInfo.InvariantCulture), YamlLimits.MaxFileLength.ToString(CultureInfo.InvariantCulture));
            }
            var parser = new Parser(new StringReader(text));
            var state = new ReadState();
            parser.Consume<StreamStart>();
            if (parser.Accept<DocumentStart>(out _))
            {
                parser.Consume<DocumentStart>();
                root = ReadNode(parser, state, depth: 0, out _);
                parser.Consume<DocumentEnd>();
            }
        }
        catch (YamlLimitException ex)
        {
            diagnostics.Add(DiagnosticInfo.Create(ex.Descriptor, filePath, ex.Span, ex.Arguments));
            root = null;
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

    /// <summary>
    /// Reads one node at nesting <paramref name="depth"/>; <paramref name="size"/> is its node count with every alias
    /// inside it counted as the copy it stands for (an alias node is shared in the tree, but every later walk expands it).
    /// </summary>
    private static YamlNode ReadNode(IParser parser, ReadState state, int depth, out long size)
    {
        var current = parser.Current ?? throw new YamlException("Unexpected end of YAML.");
        if (current is SequenceStart or MappingStart && depth >= YamlLimits.MaxDepth)
        {
            // Refused before descending, so the recursion below never goes deeper than the limit.
            throw new YamlLimitException(DiagnosticCatalog.YamlTooDeep, ToSpan(current.Start, current.End),
                YamlLimits.MaxDepth.ToString(CultureInfo.InvariantCulture));
        }
        switch (current)
        {
            case AnchorAlias alias:
            {
                parser.MoveNext();
                var name = alias.Value.Value;
                if (!state.Anchors.TryGetValue(name, out var target))
                {
                    throw new YamlException(alias.Start, alias.End, $"Alias *{name} refers to no anchor defined before it.");
                }
                size = state.AnchorSizes[name];
                state.AliasNodes += size;
                if (state.AliasNodes > YamlLimits.MaxAliasNodes)
                {
                    throw new YamlLimitException(DiagnosticCatalog.YamlAliasExpansionTooLarge, ToSpan(alias.Start, alias.End),
                        name, size.ToString(CultureInfo.InvariantCulture), YamlLimits.MaxAliasNodes.ToString(CultureInfo.InvariantCulture));
                }
                return target;
            }

            case Scalar scalar:
            {
                parser.MoveNext();
                var node = YamlNode.Scalar(scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded, ToSpan(scalar.Start, scalar.End));
                size = 1;
                Remember(scalar.Anchor, node, size, state);
                return node;
            }

            case SequenceStart start:
            {
                parser.MoveNext();
                var items = new List<YamlNode>();
                size = 1;
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, state, depth + 1, out var itemSize));
                    size += itemSize;
                }
                var node = new YamlNode(YamlNodeKind.Sequence, ToSpan(start.Start, start.End), null, false, items.ToEquatableArray(), EquatableArray<YamlEntry>.Empty);
                Remember(start.Anchor, node, size, state);
                return node;
            }

            case MappingStart start:
            {
                parser.MoveNext();
                var entries = new List<YamlEntry>();
                size = 1;
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = ReadNode(parser, state, depth + 1, out var keySize);
                    var value = ReadNode(parser, state, depth + 1, out var valueSize);
                    entries.Add(new YamlEntry(key, value));
                    size += keySize + valueSize;
                }
                var node = new YamlNode(YamlNodeKind.Mapping, ToSpan(start.Start, start.End), null, false, EquatableArray<YamlNode>.Empty, entries.ToEquatableArray());
                Remember(start.Anchor, node, size, state);
                return node;
            }

            default:
                throw new YamlException(current.Start, current.End, $"Unexpected YAML element {current.GetType().Name}.");
        }
    }

    private static void Remember(AnchorName anchor, YamlNode node, long size, ReadState state)
    {
        if (anchor.IsEmpty) return;
        state.Anchors[anchor.Value] = node;
        state.AnchorSizes[anchor.Value] = size;
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
