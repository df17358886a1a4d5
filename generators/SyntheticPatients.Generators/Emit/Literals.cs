using System.Globalization;
using System.Text;

namespace SyntheticPatients.Generators.Emit;

/// <summary>C# literals and comment/XML text, culture-invariant (a locale minus sign or comma must never reach the output).</summary>
internal static class Literals
{
    public static string String(string? value)
    {
        if (value is null) return "null";
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\0': text.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }
                    break;
            }
        }
        return text.Append('"').ToString();
    }

    /// <summary>A double literal that round-trips exactly ("R", falling back to "G17" where .NET Framework's "R" does not round-trip).</summary>
    public static string Double(double value)
    {
        if (double.IsNaN(value)) return "double.NaN";
        if (double.IsPositiveInfinity(value)) return "double.PositiveInfinity";
        if (double.IsNegativeInfinity(value)) return "double.NegativeInfinity";
        return Number(value) + "d";
    }

    /// <summary>The round-trip text of a finite number, without suffix (for comments and summaries).</summary>
    public static string Number(double value) => global::SyntheticPatients.Language.Execution.ExecutionFacts.NumberText(value);

    public static string Long(long value) => value.ToString(CultureInfo.InvariantCulture) + "L";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>Text for a single-line // comment: line breaks become spaces.</summary>
    public static string Comment(string text)
        => text.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ').Replace('\u2028', ' ').Replace('\u2029', ' ').Replace('\u0085', ' ');

    /// <summary>Text for an XML doc comment: escaped and on one line.</summary>
    public static string Xml(string text)
        => Comment(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
