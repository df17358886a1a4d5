namespace SyntheticPatients.Language.Text;

/// <summary>
/// A 1-based line/column range in a YAML file, as an author sees it in an editor.
/// Kept as plain integers (not Roslyn locations) so models stay value-equatable and Roslyn-free.
/// </summary>
public readonly record struct SourceSpan(int Line, int Column, int EndLine, int EndColumn)
{
    public static readonly SourceSpan None = new(0, 0, 0, 0);

    public bool IsNone => Line == 0;

    public override string ToString() => $"({Line},{Column})";
}
