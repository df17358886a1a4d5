namespace SyntheticPatients.Runtime.Modules;

/// <summary>What one <see cref="CompiledModule.Step"/> did.</summary>
public enum StepOutcome : byte
{
    /// <summary>Moved to (or, for a guard, stayed in) a state; step again.</summary>
    Continue,

    /// <summary>Reached a terminal state, or no transition was eligible.</summary>
    Terminated,

    /// <summary>
    /// A call_submodule state wants <see cref="ModuleRun.PendingCall"/> run to completion first; the executor
    /// then steps the same state again, which follows its transitions.
    /// </summary>
    CallSubmodule,

    /// <summary>A death state recorded the patient's death.</summary>
    Died,
}
