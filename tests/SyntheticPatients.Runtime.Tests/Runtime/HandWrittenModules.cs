using SyntheticPatients.Runtime.Modules;
using static SyntheticPatients.Runtime.Tests.Runtime.TestDefinitions;

namespace SyntheticPatients.Runtime.Tests.Runtime;

// Small modules written by hand in the shape the emitter produces, to test the executor apart from the generator.

/// <summary>start → visit (encounter, 1 day) → wait 30 days → visit ... forever.</summary>
internal sealed class MonthlyVisitModule : CompiledModule
{
    public static readonly MonthlyVisitModule Instance = new();

    private MonthlyVisitModule() : base("test_monthly_visit", "tests", 3, 0, ModuleCategories.None, ModuleCategories.Encounters) { }

    public override string StateName(int state) => state switch { 0 => "start", 1 => "visit", _ => "wait" };

    public override StepOutcome Step(ref ModuleRun run, PatientContext patient)
    {
        switch (run.State)
        {
            case 0:
                run.State = 1;
                return Continue;
            case 1:
                run.LastEncounter = patient.StartEncounter(run.Now, Visit);
                run.Now += TimeSpan.TicksPerDay;
                run.State = 2;
                return Continue;
            default:
                run.Now += DaysToTicks(30);
                run.State = 1;
                return Continue;
        }
    }
}

/// <summary>Two states that hand control to each other without advancing time (the checker forbids this).</summary>
internal sealed class TimelessLoopModule : CompiledModule
{
    public static readonly TimelessLoopModule Instance = new();

    private TimelessLoopModule() : base("test_timeless_loop", "tests", 2, 0, ModuleCategories.None, ModuleCategories.None) { }

    public override string StateName(int state) => state == 0 ? "a" : "b";

    public override StepOutcome Step(ref ModuleRun run, PatientContext patient)
    {
        run.State = 1 - run.State;
        return Continue;
    }
}

/// <summary>Child: waits 10 days, opens an encounter, sets attribute 0 to true, terminates (or dies, if attribute 1 is set).</summary>
internal sealed class ChildModule : CompiledModule
{
    public static readonly ChildModule Instance = new();

    private ChildModule() : base("test_child", "tests", 3, 0, ModuleCategories.None, ModuleCategories.Encounters) { }

    public override string StateName(int state) => state switch { 0 => "start", 1 => "visit", _ => "done" };

    public override StepOutcome Step(ref ModuleRun run, PatientContext patient)
    {
        switch (run.State)
        {
            case 0:
                run.Now += DaysToTicks(10);
                run.State = 1;
                return Continue;
            case 1:
                run.LastEncounter = patient.StartEncounter(run.Now, Visit);
                patient.Attributes[0] = AttributeValue.FromBoolean(true);
                if (patient.Attributes[1].Equals(true))
                {
                    patient.RecordDeath(run.Now, Hypertension, run.LastEncounter);
                    return Died;
                }
                run.State = 2;
                return Continue;
            default:
                return Terminated;
        }
    }
}

/// <summary>Parent: call child, then record whether the child's attribute is visible, then terminate.</summary>
internal sealed class ParentModule : CompiledModule
{
    public static readonly ParentModule Instance = new();

    private ParentModule() : base("test_parent", "tests", 3, 0, ModuleCategories.None, ModuleCategories.Conditions) { }

    public override string StateName(int state) => state switch { 0 => "start", 1 => "call", _ => "after" };

    public override StepOutcome Step(ref ModuleRun run, PatientContext patient)
    {
        switch (run.State)
        {
            case 0:
                run.State = 1;
                return Continue;
            case 1:
                if (BeginCall(ref run, ChildModule.Instance)) return CallSubmodule;
                run.State = 2;
                return Continue;
            default:
                // Attach to the child's encounter: the last encounter propagates back to the caller.
                patient.OnsetCondition(run.Now, Hypertension, run.LastEncounter);
                patient.Attributes[2] = AttributeValue.FromBoolean(patient.Attributes[0].Equals(true));
                return Terminated;
        }
    }
}

/// <summary>Calls itself forever (a cycle the checker reports): stopped by the executor's depth cap.</summary>
internal sealed class RecursiveModule : CompiledModule
{
    public static readonly RecursiveModule Instance = new();

    private RecursiveModule() : base("test_recursive", "tests", 1, 0, ModuleCategories.None, ModuleCategories.None) { }

    public override string StateName(int state) => "call_self";

    public override StepOutcome Step(ref ModuleRun run, PatientContext patient)
    {
        if (BeginCall(ref run, Instance)) return CallSubmodule;
        patient.Attributes[0] = patient.Attributes[0].Add(1);
        return Terminated;
    }
}
