using System.Text;

namespace SyntheticPatients.Exporters.Hl7;

/// <summary>
/// HL7 v2 escaping of data values (v2.5.1 section 2.7) for the standard encoding characters <c>|^~\&amp;</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>|</c> → <c>\F\</c>, <c>^</c> → <c>\S\</c>, <c>~</c> → <c>\R\</c>, <c>\</c> → <c>\E\</c>, <c>&amp;</c> → <c>\T\</c>.</item>
/// <item>Control characters (below U+0020, such as CR, LF and TAB, and U+007F) → hexadecimal data <c>\Xhh\</c>, so a
/// value never ends a segment (CR), and MLLP framing bytes (0x0B, 0x1C) never occur inside a message.</item>
/// <item>Everything else is written as it is (the files are UTF-8, declared in MSH-18).</item>
/// </list>
/// Lengths are counted in unescaped UTF-16 characters: a value truncated to a maximum length is cut before escaping, and
/// never between the two halves of a surrogate pair.
/// </remarks>
public static class Hl7Escaping
{
    /// <summary>The encoding characters of MSH-2: component, repetition, escape, sub-component.</summary>
    public const string EncodingCharacters = "^~\\&";

    /// <summary>The escaped form of <paramref name="value"/> (empty for null).</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (!NeedsEscaping(value)) return value;
        var sb = new StringBuilder(value.Length + 16);
        Append(sb, value, int.MaxValue);
        return sb.ToString();
    }

    /// <summary>
    /// The text an escaped value stands for: the inverse of <see cref="Escape"/> (also reads <c>\Xhh..\</c> with several
    /// bytes as UTF-8). Unknown escape sequences are kept as they are.
    /// </summary>
    public static string Unescape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value.IndexOf('\\') < 0) return value;
        var sb = new StringBuilder(value.Length);
        int i = 0;
        while (i < value.Length)
        {
            char c = value[i];
            int end = c == '\\' ? value.IndexOf('\\', i + 1) : -1;
            if (end < 0)
            {
                sb.Append(c);
                i++;
                continue;
            }
            var body = value.AsSpan(i + 1, end - i - 1);
            switch (body)
            {
                case "F": sb.Append('|'); break;
                case "S": sb.Append('^'); break;
                case "R": sb.Append('~'); break;
                case "E": sb.Append('\\'); break;
                case "T": sb.Append('&'); break;
                default:
                    if (body.Length > 1 && body.Length % 2 == 1 && body[0] == 'X' && IsHex(body[1..]))
                    {
                        sb.Append(Encoding.UTF8.GetString(Convert.FromHexString(body[1..])));
                    }
                    else
                    {
                        sb.Append(value, i, end - i + 1);
                    }
                    break;
            }
            i = end + 1;
        }
        return sb.ToString();
    }

    /// <summary>Whether any character of <paramref name="value"/> must be escaped.</summary>
    public static bool NeedsEscaping(ReadOnlySpan<char> value)
    {
        foreach (char c in value)
        {
            if (MustEscape(c)) return true;
        }
        return false;
    }

    /// <summary>
    /// Appends at most <paramref name="maxLength"/> characters of <paramref name="value"/>, escaped; returns how many
    /// characters of the value were taken.
    /// </summary>
    internal static int Append(StringBuilder sb, ReadOnlySpan<char> value, int maxLength)
    {
        int take = Math.Min(value.Length, maxLength);
        if (take <= 0) return 0;
        if (take < value.Length && char.IsHighSurrogate(value[take - 1])) take--;
        var span = value[..take];
        int start = 0;
        for (int i = 0; i < span.Length; i++)
        {
            char c = span[i];
            if (!MustEscape(c)) continue;
            sb.Append(span[start..i]);
            switch (c)
            {
                case '|': sb.Append("\\F\\"); break;
                case '^': sb.Append("\\S\\"); break;
                case '~': sb.Append("\\R\\"); break;
                case '\\': sb.Append("\\E\\"); break;
                case '&': sb.Append("\\T\\"); break;
                default:
                    sb.Append("\\X").Append(HexDigits[c >> 4]).Append(HexDigits[c & 0xF]).Append('\\');
                    break;
            }
            start = i + 1;
        }
        sb.Append(span[start..]);
        return take;
    }

    private const string HexDigits = "0123456789ABCDEF";

    private static bool MustEscape(char c) => c < ' ' || c == '\u007F' || c is '|' or '^' or '~' or '\\' or '&';

    private static bool IsHex(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiHexDigit(c)) return false;
        }
        return true;
    }
}
