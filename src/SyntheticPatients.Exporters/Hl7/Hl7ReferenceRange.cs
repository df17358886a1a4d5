using System.Globalization;

namespace SyntheticPatients.Exporters.Hl7;

/// <summary>OBX-8 abnormal flag (table 0078) of a value against a reference range written as "a-b", "&lt;x" or "&gt;x".</summary>
internal static class Hl7ReferenceRange
{
    /// <summary>L (below), H (above) or N (normal); null when the range has none of the forms above.</summary>
    public static string? Flag(string range, double value)
    {
        var r = range.AsSpan().Trim();
        if (r.IsEmpty || !double.IsFinite(value)) return null;
        if (r[0] is '<' or '>')
        {
            bool less = r[0] == '<';
            bool inclusive = r.Length > 1 && r[1] == '=';
            if (!TryParse(r[(inclusive ? 2 : 1)..], out double limit)) return null;
            bool normal = less ? (inclusive ? value <= limit : value < limit) : (inclusive ? value >= limit : value > limit);
            return normal ? "N" : less ? "H" : "L";
        }
        int dash = r[1..].IndexOf('-') + 1; // a leading minus sign belongs to the low limit
        if (dash <= 0 || !TryParse(r[..dash], out double low) || !TryParse(r[(dash + 1)..], out double high) || low > high) return null;
        return value < low ? "L" : value > high ? "H" : "N";
    }

    private static bool TryParse(ReadOnlySpan<char> s, out double value) =>
        double.TryParse(s.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}
