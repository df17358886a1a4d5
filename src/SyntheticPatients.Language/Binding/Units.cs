namespace SyntheticPatients.Language.Binding;

/// <summary>Time unit conversions of the dialect (a month is 30 days and a year 365, as in the original modules).</summary>
internal static class Units
{
    public static double? ToDays(string unit) => unit switch
    {
        "minute" or "minutes" => 1.0 / 1440,
        "hour" or "hours" => 1.0 / 24,
        "day" or "days" => 1,
        "week" or "weeks" => 7,
        "month" or "months" => 30,
        "year" or "years" => 365,
        _ => null,
    };

    public static double? ToYears(string unit) => ToDays(unit) is { } days ? days / 365 : null;
}
