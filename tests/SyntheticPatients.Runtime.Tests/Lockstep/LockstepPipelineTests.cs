using SyntheticPatients.Generated;
using SyntheticPatients.Runtime.Lifecycle;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Modules.Interpretation;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;
using Xunit;

namespace SyntheticPatients.Runtime.Tests.Lockstep;

/// <summary>The patient pipeline's modules step runs its modules in lockstep, whatever their order in the run.</summary>
public sealed class LockstepPipelineTests
{
    [Theory]
    [InlineData("lockstep_setter", "lockstep_reader")]
    [InlineData("lockstep_reader", "lockstep_setter")]
    public void The_reader_module_records_the_condition_from_40_to_50_in_the_patient_record(string first, string second)
    {
        var set = RuntimeModuleLoader.Load(
            new[] { ("lockstep/modules/setter.yaml", LockstepModules.Setter), ("lockstep/modules/reader.yaml", LockstepModules.Reader) },
            Array.Empty<(string, string)>(), Array.Empty<(string, string)>(), Array.Empty<CompiledModule>(), Array.Empty<string>());
        Assert.False(set.HasErrors, string.Join("\n", set.Diagnostics));
        var settings = new GenerationSettings
        {
            Scenario = ScenarioRegistry.Default,
            Seed = 11,
            Modules = new[] { set.Find(first)!, set.Find(second)! },
            AttributeCount = set.AttributeCount,
            AttributeNames = set.AttributeNames,
        };
        var pipeline = new PatientPipeline(settings, BaselineSteps.Create(new ModuleExecutionStep(settings)));
        var record = new PatientRecord();
        int checkedPatients = 0;
        for (int index = 0; index < 60; index++)
        {
            pipeline.Generate(index, record);
            var birth = record.Demographics.BirthDate;
            var rows = record.Conditions.Where(c => c.Source == "lockstep_reader").ToList();
            if (record.End < birth.AddYears(40).AddDays(14))
            {
                Assert.Empty(rows); // never 40 (or not for long enough): the reader never sees the attribute
                continue;
            }
            var row = Assert.Single(rows);
            // Visits keep their date but get an hour of the day, and an office visit due on a weekend may move to the
            // nearest weekday (EncounterTiming): the row lies within a day of the module's two-week window.
            Assert.InRange(row.Start, birth.AddYears(40).Date.AddDays(-1), birth.AddYears(40).AddDays(14).Date.AddDays(2));
            if (record.End > birth.AddYears(50).AddDays(14))
            {
                Assert.NotNull(row.Stop);
                Assert.InRange(row.Stop!.Value, birth.AddYears(50).Date.AddDays(-1), birth.AddYears(50).AddDays(14).Date.AddDays(2));
            }
            Assert.Contains("lockstep_reader", record.ModulesRun);
            checkedPatients++;
        }
        Assert.True(checkedPatients >= 10, $"only {checkedPatients} patients reached 40");
    }
}
