using System.Buffers;
using System.Text;

namespace SyntheticPatients.Exporters.Vista;

/// <summary>
/// M literals as GT.M/YottaDB write them in ZWR (ZWRITE) format, the format <c>mupip extract -format=zwr</c> writes and
/// <c>mupip load -format=zwr</c> reads: strings in double quotes with quotes doubled, runs of control characters as
/// <c>$C(n,...)</c> joined with <c>_</c>; subscripts that are canonical numbers unquoted.
/// </summary>
internal static class Zwr
{
    /// <summary>Most significant digits GT.M keeps in a number: a longer digit string stays a string subscript.</summary>
    public const int MaxDigits = 18;

    /// <summary>
    /// Appends <paramref name="value"/> as a ZWR string literal: <c>"O'BRIEN ""JR"""</c>, <c>"A"_$C(13,10)_"B"</c>,
    /// <c>""</c>. Characters 32-126 and non-ASCII characters go inside quotes as they are (UTF-8 in the file); control
    /// characters (0-31, 127) become <c>$C(...)</c>.
    /// </summary>
    public static void AppendString(StringBuilder sb, ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            sb.Append("\"\"");
            return;
        }
        bool first = true;
        while (!value.IsEmpty)
        {
            if (!first) sb.Append('_');
            first = false;
            int controls = value.IndexOfAnyExcept(Controls);
            if (controls != 0)
            {
                if (controls < 0) controls = value.Length;
                sb.Append("$C(");
                for (int i = 0; i < controls; i++)
                {
                    if (i > 0) sb.Append(',');
                    sb.Append((int)value[i]);
                }
                sb.Append(')');
                value = value[controls..];
                continue;
            }
            int end = value.IndexOfAny(Controls);
            if (end < 0) end = value.Length;
            var text = value[..end];
            sb.Append('"');
            for (int quote; (quote = text.IndexOf('"')) >= 0; text = text[(quote + 1)..])
            {
                sb.Append(text[..(quote + 1)]).Append('"');
            }
            sb.Append(text).Append('"');
            value = value[end..];
        }
    }

    private static readonly SearchValues<char> Controls = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\u007f");

    /// <summary>Appends a subscript: a canonical number as is (<c>2</c>, <c>.11</c>, <c>3190304.1015</c>), else a string literal.</summary>
    public static void AppendSubscript(StringBuilder sb, ReadOnlySpan<char> value)
    {
        if (IsCanonicalNumber(value)) sb.Append(value);
        else AppendString(sb, value);
    }

    public static bool IsControl(char c) => c < ' ' || c == '\u007f';

    /// <summary>
    /// Whether M takes <paramref name="s"/> as a number (its canonical form): an optional minus, no leading zeros
    /// ("0" itself excepted), a fraction without trailing zeros and without a leading "0." (<c>.5</c>, <c>-.5</c>), at
    /// most <see cref="MaxDigits"/> significant digits. Such a string subscript is the same node as the number, and
    /// GT.M writes it unquoted and collates it before every string.
    /// </summary>
    public static bool IsCanonicalNumber(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        if (s.Length == 1 && s[0] == '0') return true;
        int i = 0;
        if (s[0] == '-') i = 1;
        int intStart = i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        int intDigits = i - intStart;
        if (intDigits > 0 && s[intStart] == '0') return false; // leading zero ("0" handled above, "-0" is not canonical)
        int significant = intDigits;
        if (i < s.Length)
        {
            if (s[i] != '.') return false;
            i++;
            int fracStart = i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i != s.Length) return false;
            int fracDigits = i - fracStart;
            if (fracDigits == 0 || s[i - 1] == '0') return false;
            if (intDigits == 0)
            {
                int lead = fracStart;
                while (s[lead] == '0') lead++;
                significant = i - lead;
            }
            else significant += fracDigits;
        }
        else if (intDigits == 0) return false; // "" or "-"
        return significant <= MaxDigits;
    }
}
