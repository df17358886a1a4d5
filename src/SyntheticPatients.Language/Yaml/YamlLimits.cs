namespace SyntheticPatients.Language.Yaml;

/// <summary>
/// Bounds on what <see cref="YamlTreeReader"/> accepts, so that no input (a hostile or a broken file) can exhaust the
/// memory or the stack of the build, `modules check` or `generate --modules-dir`: all three read YAML through it.
/// Each bound is far above what the module library needs (largest file 18 KB, deepest nesting 10 levels, no aliases).
/// </summary>
public static class YamlLimits
{
    /// <summary>SPM0026 above this many characters: 1 MB of text is 50 times the largest library module.</summary>
    public const int MaxFileLength = 1_000_000;

    /// <summary>
    /// SPM0027 beyond this many nested mappings/sequences. Six times the library's deepest file; keeps the recursive
    /// reader, binder and record equality far from the stack's end.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// SPM0028 when aliases would produce more nodes than this in one file (an alias stands for a copy of its anchor's
    /// whole subtree, so nested aliases grow exponentially: "billion laughs"). About what a file of the maximum size
    /// holds without aliases, so aliases cannot make a document much larger than the size limit already allows.
    /// </summary>
    public const int MaxAliasNodes = 100_000;
}
