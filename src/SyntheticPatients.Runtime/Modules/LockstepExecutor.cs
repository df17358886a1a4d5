namespace SyntheticPatients.Runtime.Modules;

/// <summary>
/// Runs all the modules of a run for one patient together on one clock. At every step the module whose clock is
/// earliest runs one state; when clocks are equal, the module listed first in the run goes first. So a module that
/// reads an attribute, an active entry or an observation sees what the others recorded up to that moment, and
/// nothing they record later; and once one module records the death, no module records anything after it. The
/// order depends only on the modules' clocks and their order in the run: the same for every thread count.
/// A submodule call pushes a frame on the caller's stack and runs on the caller's turn, as
/// <see cref="ModuleExecutor"/> runs it. Allocation-free once the first patients have sized the arrays.
/// </summary>
public sealed class LockstepExecutor
{
    /// <summary>The frames of a module: depth 0 is the module itself, deeper ones its submodule calls.</summary>
    private ModuleRun[][] _frames = Array.Empty<ModuleRun[]>();
    private CompiledModule[][] _callees = Array.Empty<CompiledModule[]>();
    private int[] _depth = Array.Empty<int>();
    private ModuleRunOutcome[] _outcomes = Array.Empty<ModuleRunOutcome>();

    /// <summary>Where the step limit stopped a module: the innermost module then, and its state.</summary>
    private CompiledModule?[] _limitModules = Array.Empty<CompiledModule?>();
    private int[] _limitStates = Array.Empty<int>();
    private readonly ModuleClockHeap _heap = new();

    /// <summary>How each module of the last run ended.</summary>
    public ReadOnlySpan<ModuleRunOutcome> Outcomes => _outcomes;

    /// <summary>Module <paramref name="module"/>'s run in the last call, as <see cref="ModuleExecutor.Run"/> reports one.</summary>
    public ModuleRunResult Result(int module)
    {
        // The innermost frame: a module stopped inside a call ends on its callee's clock, as the sequential executor's.
        ref readonly var run = ref _frames[module][_depth[module]];
        return new ModuleRunResult(_outcomes[module], run.Now, run.LastEncounter, run.Steps, _limitModules[module], _limitStates[module]);
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
            _frames[m][0] = ModuleRun.Begin(modules[m], startTicks);
            _callees[m][0] = modules[m];
            _depth[m] = 0;
            _outcomes[m] = ModuleRunOutcome.Terminated;
            _limitModules[m] = null;
            _limitStates[m] = -1;
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
            if (StepOnce(m, patient, maxSteps, replacements) is { } outcome)
            {
                _outcomes[m] = outcome;
                _heap.RemoveTop();
            }
            else
            {
                _heap.UpdateTop(_frames[m][_depth[m]].Now);
            }
        }
    }

    /// <summary>One state of module <paramref name="m"/> (its innermost call); the outcome when the module is done.</summary>
    private ModuleRunOutcome? StepOnce(int m, PatientContext patient, int maxSteps, IReadOnlyDictionary<string, CompiledModule>? replacements)
    {
        var frames = _frames[m];
        int depth = _depth[m];
        ref var run = ref frames[depth];
        if (run.Now >= patient.DeathTicks) return ModuleRunOutcome.Died;
        if (run.Now > patient.EndTicks) return ModuleRunOutcome.EndOfSimulation;
        if (run.Steps >= maxSteps)
        {
            _limitModules[m] = _callees[m][depth];
            _limitStates[m] = run.State;
            return ModuleRunOutcome.StepLimit;
        }

        run.Visited.Add(run.State);
        run.Steps++;
        switch (_callees[m][depth].Step(ref run, patient))
        {
            case StepOutcome.Continue:
                return null;
            case StepOutcome.Died:
                return ModuleRunOutcome.Died;
            case StepOutcome.Terminated:
                if (depth == 0) return ModuleRunOutcome.Terminated;
                // The call returns: the caller continues on the callee's clock, encounter and step budget.
                ref var caller = ref frames[depth - 1];
                caller.Now = run.Now;
                caller.LastEncounter = run.LastEncounter;
                caller.Steps = run.Steps;
                caller.ReturnedFromCall = true;
                _depth[m] = depth - 1;
                return null;
            default: // CallSubmodule
            {
                var child = run.PendingCall;
                run.PendingCall = null;
                if (child is not null && replacements is not null && replacements.TryGetValue(child.Name, out var replacement)) child = replacement;
                if (child is null || depth >= ModuleExecutor.MaxCallDepth)
                {
                    run.ReturnedFromCall = true; // nothing to call (or too deep): the state follows its transitions
                    return null;
                }
                var callee = ModuleRun.Begin(child, run.Now, run.LastEncounter);
                callee.Steps = run.Steps; // one budget for the whole call tree
                frames[depth + 1] = callee;
                _callees[m][depth + 1] = child;
                _depth[m] = depth + 1;
                return null;
            }
        }
    }

    private void Prepare(int count)
    {
        if (_frames.Length >= count) return;
        int old = _frames.Length;
        Array.Resize(ref _frames, count);
        Array.Resize(ref _callees, count);
        Array.Resize(ref _depth, count);
        Array.Resize(ref _outcomes, count);
        Array.Resize(ref _limitModules, count);
        Array.Resize(ref _limitStates, count);
        for (int m = old; m < count; m++)
        {
            _frames[m] = new ModuleRun[ModuleExecutor.MaxCallDepth + 1];
            _callees[m] = new CompiledModule[ModuleExecutor.MaxCallDepth + 1];
        }
    }
}

/// <summary>Told by <see cref="LockstepExecutor"/> which module runs next (so events can be attributed to it).</summary>
public interface IModuleSwitchObserver
{
    void Switching(int module);
}
