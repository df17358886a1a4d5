using SyntheticPatients.Runtime.Definitions;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// The manner of death a cause implies, from its ICD-10(-CM) code, for deaths whose recorder names only the cause
/// (a module's <c>type: death</c> state): external causes by the ICD-10 chapter XX blocks (V01-X59 accident, X60-X84
/// suicide, X85-Y09 homicide, Y10-Y34 undetermined, Y35-Y38 legal intervention, certified as homicide), injuries and
/// poisonings (S, T) as accidents unless a poisoning code's intent character (T36-T65, sixth character: 2 self-harm,
/// 3 assault, 4 undetermined) says otherwise; every other cause is natural.
/// </summary>
public static class DeathManner
{
    public const string Natural = "natural";

    public static string Of(ConditionDefinition? cause)
    {
        if (cause is null) return Natural;
        foreach (var code in cause.Codes)
        {
            if (code.System.StartsWith("ICD", StringComparison.Ordinal)) return OfIcd10(code.Value);
        }
        return Natural;
    }

    public static string OfIcd10(string code)
    {
        if (code.Length < 3 || !int.TryParse(code.AsSpan(1, 2), out int block)) return Natural;
        return code[0] switch
        {
            'V' or 'W' => "accident",
            'X' => block <= 59 ? "accident" : block <= 84 ? "suicide" : "homicide",
            'Y' => block <= 9 ? "homicide" : block <= 34 ? "undetermined" : block <= 38 ? "homicide" : Natural,
            'S' => "accident",
            'T' => block is >= 36 and <= 65 && code.Length > 6 ? PoisoningIntent(code[6]) : "accident",
            _ => Natural,
        };
    }

    private static string PoisoningIntent(char intent) => intent switch
    {
        '2' => "suicide",
        '3' => "homicide",
        '4' => "undetermined",
        _ => "accident",
    };
}
