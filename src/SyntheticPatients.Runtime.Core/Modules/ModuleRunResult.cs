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

    /// <summary>The safety cap on steps stopped it (a guard only: the checker rejects loops that do not advance time).</summary>
    StepLimit,
}

/// <summary>How a module run ended, its final clock and last encounter, and how many steps it took.</summary>
public readonly record struct ModuleRunResult(ModuleRunOutcome Outcome, long Now, int LastEncounter, int Steps);
