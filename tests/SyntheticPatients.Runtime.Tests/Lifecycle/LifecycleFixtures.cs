using System.Globalization;
using System.Reflection;
using System.Text;
using SyntheticPatients.Runtime.Lifecycle;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;
using SyntheticPatients.Runtime.Scenarios;

namespace SyntheticPatients.Runtime.Tests.Lifecycle;

/// <summary>A US-like test scenario and helpers to run the baseline pipeline over a population.</summary>
internal static class LifecycleFixtures
{
    public static readonly ScenarioDefinition General = new()
    {
        Name = "test-general",
        // Roughly the 2020 Census age structure.
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

    public static GenerationSettings Settings(ulong seed = 42, ScenarioDefinition? scenario = null)
        => new() { Scenario = scenario ?? General, Seed = seed };

    /// <summary>Generates patients [0, count) with <paramref name="steps"/> and hands each finished record to <paramref name="visit"/>.</summary>
    public static void Generate(int count, IReadOnlyList<IPatientStep> steps, Action<PatientRecord> visit, GenerationSettings? settings = null)
    {
        var pipeline = new PatientPipeline(settings ?? Settings(), steps);
        var record = new PatientRecord();
        for (int i = 0; i < count; i++)
        {
            pipeline.Generate(i, record);
            visit(record);
        }
    }

    public static PatientRecord GenerateOne(long index, IReadOnlyList<IPatientStep> steps, GenerationSettings? settings = null)
    {
        var pipeline = new PatientPipeline(settings ?? Settings(), steps);
        var record = new PatientRecord();
        pipeline.Generate(index, record);
        return record;
    }

    /// <summary>Every field of a record as text (records print their members; demographics by reflection).</summary>
    public static string Fingerprint(PatientRecord record)
    {
        var text = new StringBuilder();
        foreach (var property in typeof(Demographics).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            text.Append(property.Name).Append('=').Append(Convert.ToString(property.GetValue(record.Demographics), CultureInfo.InvariantCulture)).Append(';');
        }
        text.AppendLine();
        void All<T>(IEnumerable<T> items)
        {
            foreach (var item in items) text.AppendLine(Convert.ToString(item, CultureInfo.InvariantCulture));
        }
        All(record.Encounters);
        All(record.Conditions);
        All(record.Medications);
        All(record.Observations);
        All(record.Procedures);
        All(record.Immunizations);
        All(record.Allergies);
        All(record.CarePlans);
        All(record.FamilyHistory);
        text.AppendLine(Convert.ToString(record.Death, CultureInfo.InvariantCulture));
        return text.ToString();
    }

    /// <summary>The baseline pipeline with only the given step names (plus demographics).</summary>
    public static IReadOnlyList<IPatientStep> Only(params string[] names)
        => BaselineSteps.Create().Where(s => s.Name == "demographics" || names.Contains(s.Name)).ToArray();
}
