namespace SyntheticPatients.Runtime.Tests.Lifecycle;

/// <summary>
/// NCHS "rankable" cause groups of an underlying cause, by its ICD-10 code (NCHS list of 113 selected causes, as used
/// in "Deaths: Leading Causes" and Data Brief 492). Written here from the ICD ranges, independently of the generator's
/// catalogs. ICD-10-CM injury codes (S, T) count as unintentional injuries: the generator records an overdose or a
/// fracture by its nature code, which NCHS would code by the accident's external cause (X40-X44, W00-W19).
/// </summary>
internal static class DeathCauseGroups
{
    public static readonly string[] Names =
    {
        "heart disease", "cancer", "unintentional injury", "stroke", "chronic lower respiratory", "Alzheimer/dementia",
        "diabetes", "kidney disease", "liver disease", "sepsis", "influenza/pneumonia", "COVID-19", "suicide", "other",
    };

    public static string Of(string icd10)
    {
        if (icd10.Length < 3) return "other";
        char chapter = icd10[0];
        int n = int.TryParse(icd10.AsSpan(1, 2), out var value) ? value : -1;
        return chapter switch
        {
            'I' when n is (>= 0 and <= 9) or 11 or 13 or (>= 20 and <= 51) => "heart disease",
            'I' when n is >= 60 and <= 69 => "stroke",
            'C' => "cancer",
            'J' when n is >= 40 and <= 47 => "chronic lower respiratory",
            'J' when n is >= 9 and <= 18 => "influenza/pneumonia",
            'G' when n == 30 => "Alzheimer/dementia",
            'F' when n is 1 or 3 => "Alzheimer/dementia",
            'E' when n is >= 10 and <= 14 => "diabetes",
            'N' when n is (>= 0 and <= 7) or (>= 17 and <= 19) or (>= 25 and <= 27) => "kidney disease",
            'K' when n is 70 or 73 or 74 => "liver disease",
            'A' when n is 40 or 41 => "sepsis",
            'U' when icd10.StartsWith("U07.1", StringComparison.Ordinal) => "COVID-19",
            'X' when n is >= 60 and <= 84 => "suicide",
            'V' or 'S' or 'T' => "unintentional injury",
            'W' => "unintentional injury",
            'X' when n <= 59 => "unintentional injury",
            _ => "other",
        };
    }
}
