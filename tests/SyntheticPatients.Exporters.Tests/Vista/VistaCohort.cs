using SyntheticPatients.Exporters.Vista;
using SyntheticPatients.Runtime.Lifecycle;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;
using SyntheticPatients.Runtime.Scenarios;

namespace SyntheticPatients.Exporters.Tests.Vista;

/// <summary>
/// Realistic patients from the real baseline pipeline (demographics, conditions, encounters, medications, labs and
/// vitals, allergies, immunizations, care plans, family history, deaths) under a US-like scenario. Every tenth patient
/// gets an awkward name (apostrophes, particles, accents, quotes, '^', a name over 30 characters, duplicates) so the
/// name standardisation, the escaping and the "B" index order are exercised.
/// </summary>
internal static class VistaCohort
{
    public static readonly ScenarioDefinition UnitedStates = new()
    {
        Name = "vista-test-us",
        Ages = new[] { new AgeBand(0, 17, 22), new AgeBand(18, 44, 36), new AgeBand(45, 64, 25), new AgeBand(65, 84, 15), new AgeBand(85, 100, 2) },
        Gender = WeightedChoice.Of(("M", 49), ("F", 51)),
        Race = WeightedChoice.Of(("white", 61), ("black", 12), ("asian", 6), ("native", 1), ("hawaiian", 0.2), ("other", 19.8)),
        Ethnicity = WeightedChoice.Of(("hispanic", 19), ("nonhispanic", 81)),
        Smoking = WeightedChoice.Of(("never", 65), ("former", 22), ("current", 13)),
        Alcohol = WeightedChoice.Of(("never", 30), ("occasional", 40), ("moderate", 24), ("heavy", 6)),
        Education = WeightedChoice.Of(("less_than_high_school", 10), ("high_school", 28), ("some_college", 27), ("bachelors", 22), ("graduate", 13)),
        Employment = WeightedChoice.Of(("employed", 60), ("unemployed", 5), ("retired", 18), ("student", 8), ("disabled", 5), ("homemaker", 4)),
        Housing = WeightedChoice.Of(("owner", 64), ("renter", 33), ("temporary", 2), ("homeless", 1)),
        Income = new[] { new IncomeBand(0, 25_000, 18), new IncomeBand(25_001, 50_000, 20), new IncomeBand(50_001, 100_000, 30), new IncomeBand(100_001, 200_000, 24), new IncomeBand(200_001, 500_000, 8) },
        Insurance = WeightedChoice.Of(("private", 55), ("medicare", 18), ("medicaid", 17), ("dual", 2), ("uninsured", 7), ("military", 1)),
    };

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
    public static void Generate(int count, Action<PatientRecord> visit, ulong seed = 20261123)
    {
        var pipeline = new PatientPipeline(new GenerationSettings { Scenario = UnitedStates, Seed = seed }, BaselineSteps.Create());
        var record = new PatientRecord();
        for (int i = 0; i < count; i++)
        {
            pipeline.Generate(i, record);
            if (i % 10 == 5)
            {
                var (last, first) = AwkwardNames[i / 10 % AwkwardNames.Length];
                record.Demographics.Last = last;
                record.Demographics.First = first;
                record.Demographics.Middle = null;
                record.Demographics.Suffix = null;
            }
            visit(record);
        }
    }

    /// <summary>Generates <paramref name="count"/> independent records (for timing the exporters alone).</summary>
    public static List<PatientRecord> Build(int count, ulong seed = 20261123)
    {
        var pipeline = new PatientPipeline(new GenerationSettings { Scenario = UnitedStates, Seed = seed }, BaselineSteps.Create());
        var records = new List<PatientRecord>(count);
        for (int i = 0; i < count; i++)
        {
            var record = new PatientRecord();
            pipeline.Generate(i, record);
            records.Add(record);
        }
        return records;
    }
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
