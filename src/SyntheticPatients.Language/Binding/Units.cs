using System.Collections.Generic;

namespace SyntheticPatients.Language.Binding;

/// <summary>Time unit conversions of the dialect (a month is 30 days and a year 365, as in the original modules).</summary>
internal static class Units
{
    /// <summary>Days per time unit, by every spelling the dialect accepts.</summary>
    internal static readonly Dictionary<string, double> DaysPerUnit = new()
    {
        ["minute"] = 1.0 / 1440, ["minutes"] = 1.0 / 1440,
        ["hour"] = 1.0 / 24, ["hours"] = 1.0 / 24,
        ["day"] = 1, ["days"] = 1,
        ["week"] = 7, ["weeks"] = 7,
        ["month"] = 30, ["months"] = 30,
        ["year"] = 365, ["years"] = 365,
    };

    public static double? ToDays(string unit) => DaysPerUnit.TryGetValue(unit, out var days) ? days : null;

    public static double? ToYears(string unit) => ToDays(unit) is { } days ? days / 365 : null;
}
