using System.Globalization;

namespace SyntheticPatients.Exporters.Hl7;

/// <summary>How values become HL7 v2 data types: TS/DTM, DT and NM. Invariant culture, no clock.</summary>
public static class Hl7Format
{
    /// <summary>TS/DTM to the second with an explicit UTC offset: <c>yyyyMMddHHmmss+0000</c>.</summary>
    public const string TimestampFormat = "yyyyMMddHHmmss'+0000'";

    /// <summary>DT, and TS to the day (birth dates): <c>yyyyMMdd</c>.</summary>
    public const string DateFormat = "yyyyMMdd";

    /// <summary>Significant digits an NM value keeps (a double holds 15 to 17).</summary>
    public const int NumberDigits = 15;

    /// <summary>
    /// A record's instant as TS: its ticks taken as UTC and truncated to the second, the same instant the CSV files
    /// write (<see cref="ValueFormat.Timestamp"/>).
    /// </summary>
    public static string Timestamp(DateTime value) => ValueFormat.Timestamp(value).ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>The calendar date of a record's instant as DT.</summary>
    public static string Date(DateTime value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// NM text of a number: at most 15 significant digits, never exponent notation (NM allows an optional sign, digits
    /// and one decimal point only); null for NaN, infinities and magnitudes of 1e28 and above, which NM cannot hold here.
    /// </summary>
    public static string? Number(double value)
    {
        Span<char> buffer = stackalloc char[48];
        return TryFormatNumber(value, buffer, out int written) ? new string(buffer[..written]) : null;
    }

    internal static bool TryFormatTimestamp(DateTime value, Span<char> destination, out int written) =>
        ValueFormat.Timestamp(value).TryFormat(destination, out written, TimestampFormat, CultureInfo.InvariantCulture);

    internal static bool TryFormatDate(DateTime value, Span<char> destination, out int written) =>
        value.TryFormat(destination, out written, DateFormat, CultureInfo.InvariantCulture);

    internal static bool TryFormatNumber(double value, Span<char> destination, out int written)
    {
        written = 0;
        if (!double.IsFinite(value) || Math.Abs(value) >= 1e28) return false;
        // decimal(double) keeps 15 significant digits and prints without an exponent or trailing zeros.
        decimal d = (decimal)value;
        if (d == 0m) d = 0m; // no "-0"
        return d.TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
    }
}
