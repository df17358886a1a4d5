using SyntheticPatients.Exporters.Vista;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Tests.Vista;

/// <summary>
/// Realistic patients from the real baseline pipeline (demographics, conditions, encounters, medications, labs and
/// vitals, allergies, immunizations, care plans, family history, deaths) under a US-like scenario. Every tenth patient
/// gets an awkward name (apostrophes, particles, accents, quotes, '^', a name over 30 characters, duplicates) so the
/// name standardisation, the escaping and the "B" index order are exercised.
/// </summary>
internal static class VistaCohort
{
    private static readonly (string Last, string First)[] AwkwardNames =
    {
        ("O'Brien", "Siobhán"),
        ("van der Berg", "Anna"),
        ("Vanderberg", "Anna"),
        ("Järvinen", "Aino"),
        ("Mac Donald", "Ian"),
        ("MacDonald", "Ian"),
        ("Smith-Jones", "Mary Ann"),
        ("Smith", "Mary"),
        ("D'Angelo \"Danny\"", "Joe^Bob"),
        ("Wolfeschlegelsteinhausenbergerdorff", "Hubert Blaine"),
        ("Smith", "Mary"),
        ("Øster, Jr.", "Zoë"),
        ("ng", "lê"),
        ("Anna10", "Anna2"),
        ("Anna1", "Anna20"),
        ("Ñúñez", "José"),
        ("Mac Donald", "Ian"),
        ("Dupont", ""),
        ("", "Cher"),
        ("Smith", "Mary"),
    };

    /// <summary>Generates patients [0, count) and hands each to <paramref name="visit"/> (the record is reused).</summary>
    public static void Generate(int count, Action<PatientRecord> visit, ulong seed = PipelineCohort.DefaultSeed)
        => PipelineCohort.Generate(count, record =>
        {
            long i = record.Index;
            if (i % 10 == 5)
            {
                var (last, first) = AwkwardNames[i / 10 % AwkwardNames.Length];
                record.Demographics.Last = last;
                record.Demographics.First = first;
                record.Demographics.Middle = null;
                record.Demographics.Suffix = null;
            }
            visit(record);
        }, seed);

    /// <summary>Generates <paramref name="count"/> independent records (for timing the exporters alone).</summary>
    public static PatientRecord[] Build(int count, ulong seed = PipelineCohort.DefaultSeed) => PipelineCohort.Build(count, seed);
}

/// <summary>
/// M collation (GT.M's default): subscripts that are canonical numbers first, in numeric order, then strings in byte
/// order (UTF-8 bytes; ASCII order for the ASCII text the exporter writes).
/// </summary>
internal sealed class MCollation : IComparer<string>
{
    public static readonly MCollation Instance = new();

    public int Compare(string? x, string? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        bool xn = Zwr.IsCanonicalNumber(x), yn = Zwr.IsCanonicalNumber(y);
        if (xn && yn) return decimal.Parse(x, System.Globalization.CultureInfo.InvariantCulture)
            .CompareTo(decimal.Parse(y, System.Globalization.CultureInfo.InvariantCulture));
        if (xn != yn) return xn ? -1 : 1;
        return System.Text.Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(y));
    }
}
