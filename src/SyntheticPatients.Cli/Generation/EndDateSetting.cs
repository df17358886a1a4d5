using System.Globalization;

namespace SyntheticPatients.Cli.Generation;

/// <summary>
/// <c>--end-date</c> / <c>end_date</c>, the simulated "today", checked the same way from the flag and the config. Births
/// lie up to 120 years before it and the tables write four-digit years: 9999-12-31 overflowed DateTime with a stack trace.
/// </summary>
internal static class EndDateSetting
{
    public static readonly DateTime Default = new(2026, 1, 1);
    public static readonly DateTime Min = new(1900, 1, 1);
    public static readonly DateTime Max = new(2200, 12, 31);

    public static DateTime Resolve(string? flag, ConfigFile? config)
    {
        if (flag is not null) return Parse(flag, message => new InputException($"error: --end-date {message}."));
        if (config?.Text("end_date") is not { } configured) return Default;
        return Parse(configured, message => config.ErrorAt(config.SpanOf("end_date"), $"end_date (--end-date) {message}"));
    }

    private static DateTime Parse(string text, Func<string, InputException> error)
    {
        if (!DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw error($"'{text}' is not a date: write it as YYYY-MM-DD");
        }
        if (date < Min || date > Max)
        {
            throw error($"'{text}' is out of range: use {Min:yyyy-MM-dd} to {Max:yyyy-MM-dd}");
        }
        return date;
    }
}
