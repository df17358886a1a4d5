using System.Globalization;
using System.Text;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Vista;

/// <summary>
/// How record values become FileMan values: ASCII text without '^' or control characters, standard VistA names,
/// FileMan internal dates, <c>$H</c> dates for the legacy listing.
/// </summary>
internal static class FileManText
{
    /// <summary>
    /// A free-text field value: folded to ASCII (<see cref="AppendAscii"/>), every run of control characters and every
    /// '^' (FileMan's piece delimiter) becomes one space, surrounding spaces trimmed. Never truncated.
    /// </summary>
    public static string Free(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (IsPlain(value)) return value.Trim();
        var sb = new StringBuilder(value.Length);
        bool space = false;
        foreach (char c in value)
        {
            if (c == '^' || Zwr.IsControl(c))
            {
                if (!space) sb.Append(' ');
                space = true;
                continue;
            }
            space = false;
            if (c < 128) sb.Append(c);
            else AppendAscii(sb, c);
        }
        return sb.ToString().Trim();
    }

    /// <summary>A .01 NAME of a dictionary entry: <see cref="Free"/>, upper case.</summary>
    public static string Upper(string? value) => Free(value).ToUpperInvariant();

    private static bool IsPlain(string value)
    {
        foreach (char c in value)
        {
            if (c == '^' || c >= 127 || c < ' ') return false;
        }
        return true;
    }

    /// <summary>
    /// Appends an ASCII rendering of a non-ASCII character: accents dropped (Ä→A), a few letters spelt out (ß→ss, Æ→AE,
    /// Ø→O), typographic quotes and dashes made plain, anything else '?'. VistA databases run GT.M in M mode with ASCII
    /// text.
    /// </summary>
    public static void AppendAscii(StringBuilder sb, char c)
    {
        switch (c)
        {
            case 'ß': sb.Append("ss"); return;
            case 'Æ': sb.Append("AE"); return;
            case 'æ': sb.Append("ae"); return;
            case 'Œ': sb.Append("OE"); return;
            case 'œ': sb.Append("oe"); return;
            case 'Ø': sb.Append('O'); return;
            case 'ø': sb.Append('o'); return;
            case 'Ł': sb.Append('L'); return;
            case 'ł': sb.Append('l'); return;
            case 'Đ': sb.Append('D'); return;
            case 'đ': sb.Append('d'); return;
            case 'Þ': sb.Append("TH"); return;
            case 'þ': sb.Append("th"); return;
            case 'ı': sb.Append('i'); return;
            case '\u2018' or '\u2019' or '\u02bc': sb.Append('\''); return;
            case '\u201c' or '\u201d': sb.Append('"'); return;
            case '\u2013' or '\u2014' or '\u2212': sb.Append('-'); return;
            case '\u00a0': sb.Append(' '); return;
        }
        if (char.IsSurrogate(c))
        {
            if (char.IsHighSurrogate(c)) sb.Append('?'); // one '?' per code point
            return;
        }
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        bool any = false;
        foreach (char d in decomposed)
        {
            if (d < 128 && !Zwr.IsControl(d))
            {
                sb.Append(d);
                any = true;
            }
        }
        if (!any) sb.Append('?');
    }

    /// <summary>
    /// The PATIENT .01 NAME in VistA's standard form <c>LAST,FIRST MIDDLE SUFFIX</c>: upper case ASCII; each part keeps
    /// letters, digits, spaces, hyphens and apostrophes (anything else becomes a space); runs of spaces collapsed. An
    /// empty family or given name becomes UNKNOWN, so the name is never empty (GT.M has no empty subscripts).
    /// </summary>
    public static string PatientName(Demographics d)
    {
        var last = NamePart(d.Last);
        var given = NamePart(d.First);
        var middle = NamePart(d.Middle);
        var suffix = NamePart(d.Suffix);
        var sb = new StringBuilder(last.Length + given.Length + middle.Length + suffix.Length + 3);
        sb.Append(last.Length > 0 ? last : "UNKNOWN").Append(',').Append(given.Length > 0 ? given : "UNKNOWN");
        if (middle.Length > 0) sb.Append(' ').Append(middle);
        if (suffix.Length > 0) sb.Append(' ').Append(suffix);
        return sb.ToString();
    }

    private static string NamePart(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var ascii = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            if (c < 128) ascii.Append(c);
            else AppendAscii(ascii, c);
        }
        var sb = new StringBuilder(ascii.Length);
        bool space = true; // drops leading spaces
        for (int i = 0; i < ascii.Length; i++)
        {
            char c = char.ToUpperInvariant(ascii[i]);
            bool keep = c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '\'';
            if (keep)
            {
                sb.Append(c);
                space = false;
            }
            else if (!space)
            {
                sb.Append(' ');
                space = true;
            }
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>Digits of a social security number (FileMan stores the nine digits without dashes).</summary>
    public static string Ssn(string? ssn)
    {
        if (string.IsNullOrEmpty(ssn)) return "";
        var sb = new StringBuilder(9);
        foreach (char c in ssn)
        {
            if (char.IsAsciiDigit(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>FileMan internal date <c>YYYMMDD</c>, YYY = year - 1700: 2019-03-04 → 3190304.</summary>
    public static long Date(DateTime value) => (value.Year - 1700) * 10000L + value.Month * 100 + value.Day;

    /// <summary>
    /// FileMan internal date/time <c>YYYMMDD.HHMMSS</c> as its canonical number: trailing zeros dropped
    /// (10:15:30 → <c>3190304.10153</c>, 10:00 → <c>3190304.1</c>); seconds truncated. Midnight is FileMan's
    /// <c>.24</c> of the previous day (a date without a time means "time unknown").
    /// </summary>
    public static string DateTime(DateTime value)
    {
        var t = new DateTime(value.Ticks - value.Ticks % TimeSpan.TicksPerSecond);
        if (t.TimeOfDay == TimeSpan.Zero) return Date(t.AddDays(-1)).ToString(CultureInfo.InvariantCulture) + ".24";
        // YYYMMDD (3 to 7 digits), '.', HHMMSS with trailing zeros dropped: 101530 -> "10153", 100000 -> "1",
        // 00:00:05 -> "000005".
        Span<char> text = stackalloc char[24];
        Date(t).TryFormat(text, out int length, default, CultureInfo.InvariantCulture);
        text[length++] = '.';
        int hhmmss = t.Hour * 10000 + t.Minute * 100 + t.Second;
        hhmmss.TryFormat(text[length..], out int written, "D6", CultureInfo.InvariantCulture);
        length += written;
        while (text[length - 1] == '0') length--;
        return new string(text[..length]);
    }

    /// <summary><c>$H</c> day number: days since 31 December 1840 (1 January 1841 is day 1).</summary>
    public static int HorologDay(DateTime value) => (int)(value.Date - new DateTime(1840, 12, 31)).TotalDays;

    /// <summary><c>$H</c> date and time: <c>days,seconds since midnight</c>.</summary>
    public static string Horolog(DateTime value) => string.Create(CultureInfo.InvariantCulture,
        $"{HorologDay(value)},{(int)value.TimeOfDay.TotalSeconds}");

    /// <summary>A number as text: the shortest invariant text that reads back to the same double (as the CSV files).</summary>
    public static string Number(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Splits text into lines of at most <paramref name="width"/> characters at spaces (word-processing text).</summary>
    public static IEnumerable<string> Wrap(string text, int width)
    {
        text = Free(text);
        while (text.Length > width)
        {
            int cut = text.LastIndexOf(' ', width);
            if (cut <= 0) cut = width;
            yield return text[..cut].TrimEnd();
            text = text[cut..].TrimStart();
        }
        if (text.Length > 0) yield return text;
    }
}
