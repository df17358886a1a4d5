using SyntheticPatients.Runtime;
using SyntheticPatients.Runtime.Generation;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;
using SyntheticPatients.Runtime.Scenarios;
using Xunit;

namespace SyntheticPatients.Runtime.Tests.Generation;

public sealed class PopulationGeneratorTests
{
    /// <summary>A step whose output depends on its random stream and the index, and that is slow at random.</summary>
    private sealed class DrawStep : IPatientStep
    {
        public string Name => "draw";

        public void Run(PatientRecord record, StepContext context)
        {
            record.Demographics.First = record.Index + ":" + context.Random.NextUInt64();
            if (context.Random.NextDouble() < 0.05) Thread.SpinWait(20_000); // jitter the scheduling
        }
    }

    private static readonly GenerationSettings Settings = new()
    {
        Scenario = new ScenarioDefinition
        {
            Name = "test",
            Ages = new[] { new AgeBand(0, 90, 1) },
            Gender = WeightedChoice.Of(("M", 1), ("F", 1)),
            Race = WeightedChoice.Of(("white", 1)),
            Ethnicity = WeightedChoice.Of(("nonhispanic", 1)),
            Smoking = WeightedChoice.Of(("never", 1)),
            Alcohol = WeightedChoice.Of(("never", 1)),
            Education = WeightedChoice.Of(("high_school", 1)),
            Employment = WeightedChoice.Of(("employed", 1)),
            Housing = WeightedChoice.Of(("owner", 1)),
            Income = new[] { new IncomeBand(0, 100_000, 1) },
            Insurance = WeightedChoice.Of(("private", 1)),
        },
        Seed = 7,
    };

    private static List<string> Generate(int threads, int batchSize, long count)
    {
        var seen = new List<string>();
        var generator = new PopulationGenerator(Settings, _ => new IPatientStep[] { new DrawStep() }, threads, batchSize);
        generator.Run(count, record => seen.Add(record.Demographics.First));
        return seen;
    }

    [Fact]
    public void Output_is_in_index_order_and_identical_for_any_thread_count_and_batch_size()
    {
        var reference = Generate(threads: 1, batchSize: 256, count: 2_000);
        Assert.Equal(2_000, reference.Count);
        Assert.Equal(Enumerable.Range(0, 2_000).Select(i => i + ":"), reference.Select(s => s.Substring(0, s.IndexOf(':') + 1)));
        Assert.Equal(reference, Generate(threads: 2, batchSize: 256, count: 2_000));
        Assert.Equal(reference, Generate(threads: 4, batchSize: 7, count: 2_000));
        Assert.Equal(reference, Generate(threads: 3, batchSize: 5_000, count: 2_000));
    }

    [Fact]
    public void A_slice_from_a_first_patient_has_the_records_those_patients_have_in_the_whole_run()
    {
        var whole = Generate(threads: 1, batchSize: 16, count: 300);
        var slices = new List<string>();
        foreach (var (first, count, threads) in new[] { (0L, 17L, 1), (17L, 200L, 3), (217L, 83L, 2) })
        {
            var generator = new PopulationGenerator(Settings, _ => new IPatientStep[] { new DrawStep() }, threads, batchSize: 7);
            generator.RunBatches(first, count, batch => slices.AddRange(batch.Select(r => r.Demographics.First)));
        }
        Assert.Equal(whole, slices);
    }

    [Fact]
    public void Progress_reaches_the_total_and_never_goes_back()
    {
        var reports = new List<long>();
        var generator = new PopulationGenerator(Settings, _ => new IPatientStep[] { new DrawStep() }, threads: 2, batchSize: 100);
        generator.Run(1_050, _ => { }, reports.Add);
        Assert.Equal(1_050, reports[^1]);
        Assert.Equal(reports.OrderBy(r => r), reports);
    }

    [Fact]
    public void A_failing_step_surfaces_its_exception()
    {
        var generator = new PopulationGenerator(Settings, _ => new IPatientStep[] { new FailingStep() }, threads: 2, batchSize: 10);
        var error = Assert.Throws<InvalidOperationException>(() => generator.Run(100, _ => { }));
        Assert.Contains("patient 42", error.Message);
    }

    private sealed class FailingStep : IPatientStep
    {
        public string Name => "fail";

        public void Run(PatientRecord record, StepContext context)
        {
            if (record.Index == 42) throw new InvalidOperationException("patient 42");
        }
    }

    [Fact]
    public void Step_streams_differ_by_step_name()
    {
        Assert.NotEqual(PatientPipeline.StepSeed(1, "demographics"), PatientPipeline.StepSeed(1, "modules"));
        Assert.Equal(PatientPipeline.StepSeed(1, "modules"), PatientPipeline.StepSeed(1, "modules"));
    }
}
