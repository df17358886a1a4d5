namespace SyntheticPatients.Runtime.Modules;

/// <summary>
/// Runs a module for one patient from a start time until it terminates, the patient dies, or the clock passes the
/// end of the simulation (or the patient's death), one <see cref="ModuleCallStack.Step"/> at a time. A call_submodule
/// runs the child to completion on the same clock, attributes and last encounter, then resumes the parent where the
/// child left the clock. Allocation-free: each thread reuses one call stack. With a replacement table (run-time modules that
/// replace compiled ones of the same name), a call's target is looked up in it by name, so compiled callers reach
/// the replacement; the lookup happens on calls only.
/// </summary>
public static class ModuleExecutor
{
    /// <summary>Default cap on steps per top-level run, submodules included.</summary>
    public const int DefaultMaxSteps = 100_000;

    /// <summary>Submodule nesting beyond this is skipped (a recursion guard; the checker reports call cycles).</summary>
    public const int MaxCallDepth = 16;

    /// <summary>A call stack per thread: runs reuse it, so they allocate nothing.</summary>
    [ThreadStatic]
    private static ModuleCallStack? t_stack;

    public static ModuleRunResult Run(CompiledModule module, PatientContext patient, long startTicks, int maxSteps = DefaultMaxSteps,
        IReadOnlyDictionary<string, CompiledModule>? replacements = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(patient);
        var stack = t_stack ??= new ModuleCallStack();
        stack.Begin(module, ModuleRun.Begin(module, startTicks));
        var outcome = RunToCompletion(stack, patient, maxSteps, replacements);
        ref readonly var run = ref stack.Root;
        return new ModuleRunResult(outcome, run.Now, run.LastEncounter, run.Steps, stack.LimitModule, stack.LimitState);
    }

    /// <summary>Continues an existing run (for hosts that interleave modules or tests that inspect runs).</summary>
    public static ModuleRunOutcome Resume(CompiledModule module, ref ModuleRun run, PatientContext patient, int maxSteps = DefaultMaxSteps,
        IReadOnlyDictionary<string, CompiledModule>? replacements = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(patient);
        var stack = t_stack ??= new ModuleCallStack();
        stack.Begin(module, run);
        var outcome = RunToCompletion(stack, patient, maxSteps, replacements);
        run = stack.Root;
        return outcome;
    }

    private static ModuleRunOutcome RunToCompletion(ModuleCallStack stack, PatientContext patient, int maxSteps, IReadOnlyDictionary<string, CompiledModule>? replacements)
    {
        while (true)
        {
            if (stack.Step(patient, maxSteps, replacements) is { } outcome) return outcome;
        }
    }
}
