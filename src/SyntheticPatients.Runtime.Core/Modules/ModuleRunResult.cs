namespace SyntheticPatients.Runtime.Modules;

/// <summary>Why a module run stopped.</summary>
public enum ModuleRunOutcome : byte
{
    /// <summary>Reached a terminal state (or a state with no eligible transition).</summary>
    Terminated,

    /// <summary>A death state ran, or the clock reached the patient's death time.</summary>
    Died,

    /// <summary>The clock passed the end of the simulation.</summary>
    EndOfSimulation,

    /// <summary>
    /// The safety cap on steps stopped it. The checker rejects loops that cannot advance time (SPM0012, SPM0030), but a
    /// loop through a guard whose condition stays true once it holds still spins: the CLI reports those runs.
    /// </summary>
    StepLimit,
}

/// <summary>
/// How a module run ended, its final clock and last encounter, and how many steps it took. On
/// <see cref="ModuleRunOutcome.StepLimit"/>, <see cref="LimitModule"/> and <see cref="LimitState"/> say where the run was
/// (the innermost module when a submodule was running), so the loop can be reported by name.
/// </summary>
public readonly record struct ModuleRunResult(ModuleRunOutcome Outcome, long Now, int LastEncounter, int Steps,
    CompiledModule? LimitModule = null, int LimitState = -1);
