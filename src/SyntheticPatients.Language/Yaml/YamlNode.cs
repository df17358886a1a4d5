using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Yaml;

public enum YamlNodeKind
{
    Scalar,
    Sequence,
    Mapping,
}

/// <summary>
/// A YAML node with its position. Unlike YamlDotNet's representation model it keeps duplicate keys
/// (so we can report them) and compares by value (so incremental generator caching works).
/// </summary>
public sealed record YamlNode(
    YamlNodeKind Kind,
    SourceSpan Span,
    string? Value,
    bool IsQuoted,
    EquatableArray<YamlNode> Items,
    EquatableArray<YamlEntry> Entries)
{
    public static YamlNode Scalar(string value, bool quoted, SourceSpan span)
        => new(YamlNodeKind.Scalar, span, value, quoted, EquatableArray<YamlNode>.Empty, EquatableArray<YamlEntry>.Empty);

    public bool IsScalar => Kind == YamlNodeKind.Scalar;

    public bool IsMapping => Kind == YamlNodeKind.Mapping;

    public bool IsSequence => Kind == YamlNodeKind.Sequence;

    /// <summary>A plain (unquoted) <c>~</c>, <c>null</c> or empty scalar.</summary>
    public bool IsNull => IsScalar && !IsQuoted && (Value is "" or "~" or "null" or "Null" or "NULL");

    /// <summary>The first entry with this key, or null.</summary>
    public YamlEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key) return entry;
        }
        return null;
    }

    public YamlNode? Get(string key) => Find(key)?.Value;

    public string Describe() => Kind switch
    {
        YamlNodeKind.Mapping => "a mapping",
        YamlNodeKind.Sequence => "a list",
        _ => IsNull ? "an empty value" : $"'{Value}'",
    };
}

public sealed record YamlEntry(YamlNode Key, YamlNode Value)
{
    public string Name => Key.Value ?? string.Empty;
}
