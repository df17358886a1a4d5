using SyntheticPatients.Runtime;
using SyntheticPatients.Runtime.Modules;
using Xunit;
using static SyntheticPatients.Runtime.Tests.Runtime.TestDefinitions;

namespace SyntheticPatients.Runtime.Tests.Runtime;

public class ModuleExecutorTests
{
    private static PatientContext NewPatient(long end)
    {
        var patient = new PatientContext(attributeCount: 3);
        patient.Reset(seed: 7, patientIndex: 0, birthTicks: Day(1980, 1, 1), Gender.Female, endTicks: end);
        return patient;
    }

    [Fact]
    public void A_looping_module_stops_when_its_clock_passes_the_end_of_the_simulation()
    {
        var patient = NewPatient(end: Day(2021, 1, 1));
        var result = ModuleExecutor.Run(MonthlyVisitModule.Instance, patient, Day(2020, 1, 1));

        Assert.Equal(ModuleRunOutcome.EndOfSimulation, result.Outcome);
        Assert.True(result.Now > patient.EndTicks);
        Assert.Equal(12, patient.Encounters.Count); // one visit every 31 days within the year
        foreach (ref readonly var encounter in patient.Encounters) Assert.InRange(encounter.Start, Day(2020, 1, 1), patient.EndTicks);
    }

    [Fact]
    public void The_clock_reaching_the_patients_death_stops_the_module()
    {
        var patient = NewPatient(end: Day(2030, 1, 1));
        patient.SetDeath(Day(2020, 3, 1));
        var result = ModuleExecutor.Run(MonthlyVisitModule.Instance, patient, Day(2020, 1, 1));
        Assert.Equal(ModuleRunOutcome.Died, result.Outcome);
        Assert.Equal(2, patient.Encounters.Count); // Jan 1 and Feb 1; the Mar 3 visit would be after death
    }

    [Fact]
    public void The_step_cap_stops_a_loop_that_never_advances_time()
    {
        var patient = NewPatient(end: Day(2030, 1, 1));
        var result = ModuleExecutor.Run(TimelessLoopModule.Instance, patient, Day(2020, 1, 1), maxSteps: 1000);
        Assert.Equal(ModuleRunOutcome.StepLimit, result.Outcome);
        Assert.Equal(1000, result.Steps);
        Assert.Equal(Day(2020, 1, 1), result.Now);
    }

    [Theory]
    [InlineData(1000, "a")]
    [InlineData(1001, "b")]
    public void The_step_cap_says_in_which_module_and_state_it_stopped(int maxSteps, string state)
    {
        // What the CLI needs to report the loop (StepLimitLog) instead of truncating silently.
        var result = ModuleExecutor.Run(TimelessLoopModule.Instance, NewPatient(end: Day(2030, 1, 1)), Day(2020, 1, 1), maxSteps);
        Assert.Same(TimelessLoopModule.Instance, result.LimitModule);
        Assert.Equal(state, TimelessLoopModule.Instance.StateName(result.LimitState));
    }

    [Fact]
    public void A_submodule_shares_clock_attributes_and_last_encounter_then_the_parent_resumes()
    {
        var patient = NewPatient(end: Day(2030, 1, 1));
        var result = ModuleExecutor.Run(ParentModule.Instance, patient, Day(2020, 1, 1));

        Assert.Equal(ModuleRunOutcome.Terminated, result.Outcome);
        Assert.Equal(Day(2020, 1, 11), result.Now); // the child's 10-day wait moved the parent's clock
        Assert.True(patient.Attributes[2].Equals(true)); // the parent saw the child's attribute after the call
        Assert.Equal(0, patient.Conditions[0].Encounter); // attached to the encounter the child started
        Assert.Equal(0, result.LastEncounter);
        // start, call, (child: start, visit, done), call again (follows its transition), after
        Assert.Equal(7, result.Steps);
    }

    [Fact]
    public void A_death_inside_a_submodule_ends_the_parent_too()
    {
        var patient = NewPatient(end: Day(2030, 1, 1));
        patient.Attributes[1] = AttributeValue.FromBoolean(true);
        var result = ModuleExecutor.Run(ParentModule.Instance, patient, Day(2020, 1, 1));
        Assert.Equal(ModuleRunOutcome.Died, result.Outcome);
        Assert.Equal(Day(2020, 1, 11), patient.DeathTicks);
        Assert.Equal(0, patient.Conditions.Count); // the parent never resumed
        Assert.False(patient.Attributes[2].IsSet);
    }

    [Fact]
    public void Submodule_recursion_is_cut_at_the_depth_cap()
    {
        var patient = NewPatient(end: Day(2030, 1, 1));
        var result = ModuleExecutor.Run(RecursiveModule.Instance, patient, Day(2020, 1, 1));
        Assert.Equal(ModuleRunOutcome.Terminated, result.Outcome);
        Assert.True(patient.Attributes[0].Equals(ModuleExecutor.MaxCallDepth + 1d)); // each level finished once
    }

    [Fact]
    public void A_module_starting_after_the_end_does_nothing()
    {
        var patient = NewPatient(end: Day(2020, 1, 1));
        var result = ModuleExecutor.Run(MonthlyVisitModule.Instance, patient, Day(2021, 1, 1));
        Assert.Equal(ModuleRunOutcome.EndOfSimulation, result.Outcome);
        Assert.Equal(0, result.Steps);
        Assert.Equal(0, patient.Encounters.Count);
    }

    [Fact]
    public void Runs_record_the_states_they_entered()
    {
        var patient = NewPatient(end: Day(2020, 1, 20));
        var run = ModuleRun.Begin(MonthlyVisitModule.Instance, Day(2020, 1, 1));
        ModuleExecutor.Resume(MonthlyVisitModule.Instance, ref run, patient);
        Assert.True(run.Visited.Contains(0));
        Assert.True(run.Visited.Contains(1));
        Assert.True(run.Visited.Contains(2));
        Assert.False(run.Visited.Contains(3));
        Assert.Equal(3, run.Visited.Count);
    }
}

public class StateSetTests
{
    [Fact]
    public void Holds_all_256_states_independently()
    {
        var set = new StateSet();
        for (int i = 0; i < StateSet.Capacity; i += 3) set.Add(i);
        for (int i = 0; i < StateSet.Capacity; i++) Assert.Equal(i % 3 == 0, set.Contains(i));
        Assert.False(set.Contains(256));
        Assert.False(set.Contains(-1));
        set.Clear();
        Assert.Equal(0, set.Count);
    }
}
