namespace SyntheticPatients.Runtime.Modules;

/// <summary>
/// Runs all the modules of a run for one patient together on one clock. At every step the module whose clock is
/// earliest runs one state; when clocks are equal, the module listed first in the run goes first. So a module that
/// reads an attribute, an active entry or an observation sees what the others recorded up to that moment, and
/// nothing they record later; and once one module records the death, no module records anything after it. The
/// order depends only on the modules' clocks and their order in the run: the same for every thread count.
/// Each module is a <see cref="ModuleCallStack"/> (a submodule call runs on its caller's turn and clock), stepped
/// exactly as <see cref="ModuleExecutor"/> steps one module. Allocation-free once the first patients have sized the arrays.
/// </summary>
public sealed class LockstepExecutor
{
    private ModuleCallStack[] _stacks = Array.Empty<ModuleCallStack>();
    private ModuleRunOutcome[] _outcomes = Array.Empty<ModuleRunOutcome>();
    private readonly ModuleClockHeap _heap = new();

    /// <summary>How each module of the last run ended.</summary>
    public ReadOnlySpan<ModuleRunOutcome> Outcomes => _outcomes;

    /// <summary>Module <paramref name="module"/>'s run in the last call, as <see cref="ModuleExecutor.Run"/> reports one.</summary>
    public ModuleRunResult Result(int module)
    {
        var stack = _stacks[module];
        ref readonly var run = ref stack.Root;
        return new ModuleRunResult(_outcomes[module], run.Now, run.LastEncounter, run.Steps, stack.LimitModule, stack.LimitState);
    }

    /// <summary>
    /// Runs <paramref name="modules"/> from <paramref name="startTicks"/> until each terminates, the patient dies, the
    /// simulation ends, or it reaches <paramref name="maxSteps"/> (each module's budget, its submodules included).
    /// <paramref name="observer"/> hears which module runs next whenever that changes.
    /// </summary>
    public void Run(IReadOnlyList<CompiledModule> modules, PatientContext patient, long startTicks, int maxSteps = ModuleExecutor.DefaultMaxSteps,
        IReadOnlyDictionary<string, CompiledModule>? replacements = null, IModuleSwitchObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(modules);
        ArgumentNullException.ThrowIfNull(patient);
        Prepare(modules.Count);
        _heap.Clear(modules.Count);
        for (int m = 0; m < modules.Count; m++)
        {
            _stacks[m].Begin(modules[m], ModuleRun.Begin(modules[m], startTicks));
            _outcomes[m] = ModuleRunOutcome.Terminated;
            _heap.Add(m, startTicks);
        }

        int current = -1;
        while (_heap.Count > 0)
        {
            int m = _heap.Top;
            if (m != current)
            {
                observer?.Switching(m);
                current = m;
            }
            var stack = _stacks[m];
            if (stack.Step(patient, maxSteps, replacements) is { } outcome)
            {
                _outcomes[m] = outcome;
                _heap.RemoveTop();
            }
            else
            {
                _heap.UpdateTop(stack.Current.Now);
            }
        }
    }

    private void Prepare(int count)
    {
        if (_stacks.Length >= count) return;
        int old = _stacks.Length;
        Array.Resize(ref _stacks, count);
        Array.Resize(ref _outcomes, count);
        for (int m = old; m < count; m++) _stacks[m] = new ModuleCallStack();
    }
}

/// <summary>Told by <see cref="LockstepExecutor"/> which module runs next (so events can be attributed to it).</summary>
public interface IModuleSwitchObserver
{
    void Switching(int module);
}
