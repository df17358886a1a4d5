namespace SyntheticPatients.Runtime.Modules;

/// <summary>
/// Runs a module for one patient from a start time until it terminates, the patient dies, or the clock passes the
/// end of the simulation (or the patient's death). A call_submodule runs the child to completion on the same clock,
/// attributes and last encounter, then resumes the parent where the child left the clock. Allocation-free: runs are
/// structs on the stack and a submodule call is a recursive call. With a replacement table (run-time modules that
/// replace compiled ones of the same name), a call's target is looked up in it by name, so compiled callers reach
/// the replacement; the lookup happens on calls only.
/// </summary>
public static class ModuleExecutor
{
    /// <summary>Default cap on steps per top-level run, submodules included.</summary>
    public const int DefaultMaxSteps = 100_000;

    /// <summary>Submodule nesting beyond this is skipped (a recursion guard; the checker reports call cycles).</summary>
    public const int MaxCallDepth = 16;

    public static ModuleRunResult Run(CompiledModule module, PatientContext patient, long startTicks, int maxSteps = DefaultMaxSteps,
        IReadOnlyDictionary<string, CompiledModule>? replacements = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(patient);
        var run = ModuleRun.Begin(module, startTicks);
        var limit = new LimitPoint(null, -1);
        var outcome = RunToCompletion(module, ref run, patient, maxSteps, depth: 0, replacements, ref limit);
        return new ModuleRunResult(outcome, run.Now, run.LastEncounter, run.Steps, limit.Module, limit.State);
    }

    /// <summary>Continues an existing run (for hosts that interleave modules or tests that inspect runs).</summary>
    public static ModuleRunOutcome Resume(CompiledModule module, ref ModuleRun run, PatientContext patient, int maxSteps = DefaultMaxSteps,
        IReadOnlyDictionary<string, CompiledModule>? replacements = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(patient);
        var limit = new LimitPoint(null, -1);
        return RunToCompletion(module, ref run, patient, maxSteps, depth: 0, replacements, ref limit);
    }

    /// <summary>The module and state a run was in when the step limit stopped it.</summary>
    private record struct LimitPoint(CompiledModule? Module, int State);

    private static ModuleRunOutcome RunToCompletion(CompiledModule module, ref ModuleRun run, PatientContext patient, int maxSteps, int depth,
        IReadOnlyDictionary<string, CompiledModule>? replacements, ref LimitPoint limit)
    {
        while (true)
        {
            if (run.Now >= patient.DeathTicks) return ModuleRunOutcome.Died;
            if (run.Now > patient.EndTicks) return ModuleRunOutcome.EndOfSimulation;
            if (run.Steps >= maxSteps)
            {
                limit = new LimitPoint(module, run.State);
                return ModuleRunOutcome.StepLimit;
            }

            run.Visited.Add(run.State);
            run.Steps++;
            switch (module.Step(ref run, patient))
            {
                case StepOutcome.Continue:
                    break;
                case StepOutcome.Terminated:
                    return ModuleRunOutcome.Terminated;
                case StepOutcome.Died:
                    return ModuleRunOutcome.Died;
                case StepOutcome.CallSubmodule:
                {
                    var child = run.PendingCall;
                    run.PendingCall = null;
                    if (child is not null && replacements is not null && replacements.TryGetValue(child.Name, out var replacement)) child = replacement;
                    if (child is not null && depth < MaxCallDepth)
                    {
                        var childRun = ModuleRun.Begin(child, run.Now, run.LastEncounter);
                        childRun.Steps = run.Steps; // one budget for the whole call tree
                        var childOutcome = RunToCompletion(child, ref childRun, patient, maxSteps, depth + 1, replacements, ref limit);
                        run.Now = childRun.Now;
                        run.LastEncounter = childRun.LastEncounter;
                        run.Steps = childRun.Steps;
                        if (childOutcome != ModuleRunOutcome.Terminated) return childOutcome;
                    }
                    run.ReturnedFromCall = true;
                    break;
                }
            }
        }
    }
}
