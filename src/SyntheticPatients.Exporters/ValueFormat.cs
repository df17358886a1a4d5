using System.Globalization;

namespace SyntheticPatients.Exporters;

/// <summary>
/// How values become file values, shared by every format so CSV text and Parquet cells agree. Invariant culture
/// everywhere: the output never depends on the machine's culture.
/// </summary>
public static class ValueFormat
{
    /// <summary>Timestamps: UTC to the second, ISO 8601 (Synthea's CSV style).</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>Dates: ISO 8601 calendar date.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Money: two decimals.</summary>
    public const string MoneyFormat = "F2";

    /// <summary>UUIDs: 32 lower-case hexadecimal digits with dashes.</summary>
    public const string IdFormat = "D";

    public static CultureInfo Culture => CultureInfo.InvariantCulture;

    /// <summary>
    /// A record's instant as written: its ticks taken as UTC (the simulation clock has no time zone, whatever the
    /// <see cref="DateTime.Kind"/>), truncated to the second.
    /// </summary>
    public static DateTime Timestamp(DateTime value) =>
        new(value.Ticks - value.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    /// <summary>The calendar date of a record's instant.</summary>
    public static DateOnly Date(DateTime value) => DateOnly.FromDateTime(value);

    /// <summary>Money rounded to cents, half away from zero.</summary>
    public static decimal Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>A number as text: the shortest invariant text that round-trips; null for NaN.</summary>
    public static string? Number(double value) =>
        double.IsNaN(value) ? null : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The text of a value as the CSV files hold it (null for an empty field).</summary>
    public static string? Text(ColumnType type, object? value) => value switch
    {
        null => null,
        string s => s,
        Guid g => g.ToString(IdFormat, Culture),
        DateTime d when type == ColumnType.Date => Date(d).ToString(DateFormat, Culture),
        DateTime d => Timestamp(d).ToString(TimestampFormat, Culture),
        DateOnly d => d.ToString(DateFormat, Culture),
        decimal m => Money(m).ToString(MoneyFormat, Culture),
        double x => Number(x),
        int i => i.ToString(Culture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, Culture),
        _ => value.ToString(),
    };
}
