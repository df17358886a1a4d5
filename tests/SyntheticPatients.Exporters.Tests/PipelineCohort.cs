using SyntheticPatients.Runtime.Lifecycle;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;
using SyntheticPatients.Runtime.Scenarios;

namespace SyntheticPatients.Exporters.Tests;

/// <summary>
/// Realistic patients from the real baseline pipeline (<see cref="BaselineSteps"/>) under a US-like scenario, for the
/// exporters' independent-checker tests (FHIR, HL7, VistA).
/// </summary>
public static class PipelineCohort
{
    public const ulong DefaultSeed = 20261123;

    public static readonly ScenarioDefinition UnitedStates = new()
    {
        Name = "exporter-test-us",
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

    /// <summary>Generates patients [0, count) into one reused record, handing each to <paramref name="visit"/>.</summary>
    public static void Generate(int count, Action<PatientRecord> visit, ulong seed = DefaultSeed)
    {
        var pipeline = Pipeline(seed);
        var record = new PatientRecord();
        for (int i = 0; i < count; i++)
        {
            pipeline.Generate(i, record);
            visit(record);
        }
    }

    /// <summary><paramref name="count"/> independent records.</summary>
    public static PatientRecord[] Build(int count, ulong seed = DefaultSeed)
    {
        var pipeline = Pipeline(seed);
        var records = new PatientRecord[count];
        for (int i = 0; i < count; i++)
        {
            records[i] = new PatientRecord();
            pipeline.Generate(i, records[i]);
        }
        return records;
    }

    private static PatientPipeline Pipeline(ulong seed)
        => new(new GenerationSettings { Scenario = UnitedStates, Seed = seed }, BaselineSteps.Create());
}
