using SyntheticPatients.Runtime.Definitions;

namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>
/// A module lowered for interpretation: flat arrays indexed by the states' fields. Definitions are built once
/// here (as the generated classes hold them in static fields) and shared by every event recorded from them.
/// </summary>
internal sealed class ModuleProgram
{
    public required LoweredState[] States { get; init; }

    public required TransitionTable[] Transitions { get; init; }

    public required GuardedEdge[] GuardedEdges { get; init; }

    public required WeightedEdge[] WeightedEdges { get; init; }

    public required ConditionNode[] Conditions { get; init; }

    /// <summary>Operand node indices of and/or nodes.</summary>
    public required int[] Children { get; init; }

    public required Quantity[] Delays { get; init; }

    public required EncounterDefinition[] Encounters { get; init; }

    public required ConditionDefinition[] ConditionItems { get; init; }

    public required MedicationDefinition[] Medications { get; init; }

    public required ObservationDefinition[] Observations { get; init; }

    /// <summary>The value of each observation, parallel to <see cref="Observations"/>.</summary>
    public required Quantity[] ObservationValues { get; init; }

    public required ProcedureDefinition[] Procedures { get; init; }

    public required ImmunizationDefinition[] Immunizations { get; init; }

    public required CarePlanDefinition[] CarePlans { get; init; }

    public required AllergyDefinition[] Allergies { get; init; }

    /// <summary>Names of the modules call_submodule states call (index: the state's First).</summary>
    public required string[] CallNames { get; init; }

    /// <summary>The modules those names resolved to, filled in once every run-time module exists.</summary>
    public required CompiledModule[] CallTargets { get; init; }
}
