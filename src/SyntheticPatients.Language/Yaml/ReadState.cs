using System;
using System.Collections.Generic;

namespace SyntheticPatients.Language.Yaml;

/// <summary>What one read has seen so far: the anchors, their expanded sizes, and the nodes aliases produced.</summary>
internal sealed class ReadState
{
    public Dictionary<string, YamlNode> Anchors { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> AnchorSizes { get; } = new(StringComparer.Ordinal);

    /// <summary>Never above <see cref="YamlLimits.MaxAliasNodes"/> for long, so the sizes it sums cannot overflow.</summary>
    public long AliasNodes { get; set; }
}
