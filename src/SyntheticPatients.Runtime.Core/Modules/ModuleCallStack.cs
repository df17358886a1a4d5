namespace SyntheticPatients.Runtime.Modules;

/// <summary>
/// One module's run for one patient as a stack of frames: frame 0 is the module, each deeper frame a submodule it
/// called. <see cref="Step"/> runs one state of the innermost frame; it is the one definition of a step that both
/// <see cref="ModuleExecutor"/> (one module to its end) and <see cref="LockstepExecutor"/> (all modules on one clock)
/// repeat. A call runs on the caller's clock, attributes and last encounter and shares its step budget; when it
/// returns, the caller continues on the callee's clock and encounter. Reusable: no allocation after construction.
/// </summary>
internal sealed class ModuleCallStack
{
    private readonly ModuleRun[] _frames = new ModuleRun[ModuleExecutor.MaxCallDepth + 1];
    private readonly CompiledModule[] _modules = new CompiledModule[ModuleExecutor.MaxCallDepth + 1];
    private int _depth;

    /// <summary>The innermost frame: its clock is the module's clock.</summary>
    public ref ModuleRun Current => ref _frames[_depth];

    /// <summary>Where the step limit stopped the run: the innermost module then (null otherwise) and its state.</summary>
    public CompiledModule? LimitModule { get; private set; }

    public int LimitState { get; private set; } = -1;

    /// <summary>Starts <paramref name="module"/> from <paramref name="run"/> (a fresh run, or one to continue).</summary>
    public void Begin(CompiledModule module, in ModuleRun run)
    {
        _frames[0] = run;
        _modules[0] = module;
        _depth = 0;
        LimitModule = null;
        LimitState = -1;
    }

    /// <summary>
    /// Runs one state of the innermost frame; returns how the module ended, or null while it goes on. A module that
    /// ends inside a call leaves the callee's clock, encounter and step count in frame 0 (see <see cref="Root"/>).
    /// </summary>
    public ModuleRunOutcome? Step(PatientContext patient, int maxSteps, IReadOnlyDictionary<string, CompiledModule>? replacements)
    {
        int depth = _depth;
        ref var run = ref _frames[depth];
        if (run.Now >= patient.DeathTicks) return End(ModuleRunOutcome.Died);
        if (run.Now > patient.EndTicks) return End(ModuleRunOutcome.EndOfSimulation);
        if (run.Steps >= maxSteps)
        {
            LimitModule = _modules[depth];
            LimitState = run.State;
            return End(ModuleRunOutcome.StepLimit);
        }

        run.Visited.Add(run.State);
        run.Steps++;
        switch (_modules[depth].Step(ref run, patient))
        {
            case StepOutcome.Continue:
                return null;
            case StepOutcome.Died:
                return End(ModuleRunOutcome.Died);
            case StepOutcome.Terminated:
                if (depth == 0) return ModuleRunOutcome.Terminated;
                Return(depth);
                _frames[depth - 1].ReturnedFromCall = true;
                _depth = depth - 1;
                return null;
            default: // CallSubmodule
            {
                var callee = run.PendingCall;
                run.PendingCall = null;
                if (callee is not null && replacements is not null && replacements.TryGetValue(callee.Name, out var replacement)) callee = replacement;
                if (callee is null || depth >= ModuleExecutor.MaxCallDepth)
                {
                    run.ReturnedFromCall = true; // nothing to call (or nested too deep): the state follows its transitions
                    return null;
                }
                var frame = ModuleRun.Begin(callee, run.Now, run.LastEncounter);
                frame.Steps = run.Steps; // one budget for the whole call tree
                _frames[depth + 1] = frame;
                _modules[depth + 1] = callee;
                _depth = depth + 1;
                return null;
            }
        }
    }

    /// <summary>Frame 0, the module's own run.</summary>
    public ref ModuleRun Root => ref _frames[0];

    /// <summary>A module that ends inside calls hands the innermost clock, encounter and steps down to frame 0.</summary>
    private ModuleRunOutcome End(ModuleRunOutcome outcome)
    {
        for (int depth = _depth; depth > 0; depth--) Return(depth);
        _depth = 0;
        return outcome;
    }

    /// <summary>The caller continues on the callee's clock, last encounter and step count.</summary>
    private void Return(int depth)
    {
        ref var callee = ref _frames[depth];
        ref var caller = ref _frames[depth - 1];
        caller.Now = callee.Now;
        caller.LastEncounter = callee.LastEncounter;
        caller.Steps = callee.Steps;
    }
}
