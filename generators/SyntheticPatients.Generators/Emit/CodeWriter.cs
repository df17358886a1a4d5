using System.Text;

namespace SyntheticPatients.Generators.Emit;

/// <summary>
/// A minimal indented text writer (what dotnet/runtime's generators use instead of SyntaxFactory):
/// four spaces per level and "\n" line ends, so output is identical on every OS.
/// </summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public void Line() => _text.Append('\n');

    public void Line(string text)
    {
        if (text.Length > 0) _text.Append(' ', _indent * 4).Append(text);
        _text.Append('\n');
    }

    /// <summary>Writes a line at column 0 (preprocessor directives).</summary>
    public void Directive(string text) => _text.Append(text).Append('\n');

    /// <summary>Writes <paramref name="header"/> (if any) and an opening brace, then indents.</summary>
    public void Open(string? header = null)
    {
        if (header is not null) Line(header);
        Line("{");
        _indent++;
    }

    public void Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }

    public void Indent() => _indent++;

    public void Outdent() => _indent--;

    public override string ToString() => _text.ToString();
}
