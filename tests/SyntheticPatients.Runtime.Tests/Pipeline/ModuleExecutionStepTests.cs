using SyntheticPatients.Runtime.Lifecycle;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;
using SyntheticPatients.Runtime.Tests.Lifecycle;
using Xunit;
using static SyntheticPatients.Runtime.Tests.Runtime.TestDefinitions;

namespace SyntheticPatients.Runtime.Tests.Pipeline;

/// <summary>The real "modules" step inside the real baseline pipeline: replace versus augment.</summary>
public sealed class ModuleExecutionStepTests
{
    /// <summary>Diagnoses hypertension at 40, for women only; declares its categories as given.</summary>
    private sealed class WomenOnlyHypertension : CompiledModule
    {
        public WomenOnlyHypertension(ModuleCategories replaces, ModuleCategories augments)
            : base("test_women_hypertension", "tests", 3, 0, replaces, augments) { }

        public override string StateName(int state) => state switch { 0 => "start", 1 => "wait", _ => "diagnose" };

        public override StepOutcome Step(ref ModuleRun run, PatientContext patient)
        {
            switch (run.State)
            {
                case 0:
                    if (patient.Gender != Gender.Female) return Terminated;
                    run.State = 1;
                    return Continue;
                case 1:
                    run.Now = new DateTime(patient.BirthTicks).AddYears(40).Ticks;
                    run.State = 2;
                    return Continue;
                default:
                    run.LastEncounter = patient.StartEncounter(run.Now, Visit);
                    patient.OnsetCondition(run.Now, Hypertension, run.LastEncounter);
                    return Terminated;
            }
        }
    }

    private static List<PatientRecord> Generate(CompiledModule module)
    {
        var settings = new GenerationSettings { Scenario = LifecycleFixtures.General, Seed = 11, Modules = new[] { module } };
        var records = new List<PatientRecord>();
        var pipeline = new PatientPipeline(settings, BaselineSteps.Create(new ModuleExecutionStep(settings)));
        for (int i = 0; i < 300; i++)
        {
            var record = new PatientRecord();
            pipeline.Generate(i, record);
            records.Add(record);
        }
        return records;
    }

    [Fact]
    public void Replace_suppresses_baseline_conditions_only_for_patients_the_module_recorded_something_for()
    {
        var records = Generate(new WomenOnlyHypertension(ModuleCategories.Conditions, ModuleCategories.Encounters));

        var fired = records.Where(r => r.ModulesRun.Contains("test_women_hypertension")).ToList();
        var untouched = records.Where(r => !r.ModulesRun.Contains("test_women_hypertension")).ToList();
        Assert.NotEmpty(fired);
        Assert.NotEmpty(untouched);
        Assert.All(fired, r =>
        {
            Assert.Equal(Gender.Female, r.Demographics.Gender);
            Assert.True((r.Replaced & ModuleCategories.Conditions) != 0);
            Assert.All(r.Conditions, c => Assert.Equal("test_women_hypertension", c.Source));
        });
        // Everyone else keeps the baseline: the module never fired for them.
        Assert.Contains(untouched, r => r.Conditions.Any(c => c.Source == "baseline"));
        Assert.All(untouched, r => Assert.Equal(ModuleCategories.None, r.Replaced));
    }

    [Fact]
    public void Augment_keeps_baseline_conditions_beside_the_module_ones()
    {
        var records = Generate(new WomenOnlyHypertension(ModuleCategories.None, ModuleCategories.Conditions | ModuleCategories.Encounters));

        // Patients who reached 40 (the module's diagnosis is trimmed away for those who died younger).
        var fired = records.Where(r => r.Conditions.Any(c => c.Source == "test_women_hypertension")).ToList();
        Assert.NotEmpty(fired);
        Assert.All(fired, r => Assert.Equal(ModuleCategories.None, r.Replaced));
        Assert.Contains(fired, r => r.Conditions.Any(c => c.Source == "baseline"));
        // A condition the module recorded is not recorded again by the baseline (same code).
        Assert.All(fired, r => Assert.Single(r.Conditions, c => c.Definition.CodeOf("SNOMED-CT")?.Value == "38341003"));
    }

    [Fact]
    public void Module_events_are_attached_to_module_encounters_and_dated_inside_the_life()
    {
        var records = Generate(new WomenOnlyHypertension(ModuleCategories.None, ModuleCategories.Conditions | ModuleCategories.Encounters));
        var fired = records.Where(r => r.Conditions.Any(c => c.Source == "test_women_hypertension")).ToList();
        Assert.NotEmpty(fired);
        foreach (var record in fired)
        {
            var condition = record.Conditions.Single(c => c.Source == "test_women_hypertension");
            var encounter = record.Encounters.Single(e => e.Id == condition.EncounterId);
            Assert.Equal("test_women_hypertension", encounter.Source);
            Assert.InRange(condition.Start, encounter.Start, encounter.Stop);
            Assert.InRange(condition.Start, record.Demographics.BirthDate, record.End);
        }
    }
}
