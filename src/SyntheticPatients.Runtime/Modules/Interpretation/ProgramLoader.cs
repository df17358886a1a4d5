using SyntheticPatients.Language.Lowering;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Events;

namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>Materializes a program's states into <see cref="LoadedState"/>s: runtime objects for its records, field for field.</summary>
internal static class ProgramLoader
{
    public static LoadedState[] Load(ModuleProgram program)
    {
        var states = new LoadedState[program.States.Count];
        for (int i = 0; i < states.Length; i++) states[i] = Load(program.States[i]);
        return states;
    }

    private static LoadedState Load(ProgramState state)
    {
        var action = state.Action;
        var table = state.Transitions;
        var loaded = new LoadedState
        {
            Action = action,
            AdvanceTicks = state.AdvanceTicks,
            Table = table,
            Guarded = table is null ? Array.Empty<GuardedEdge>() : table.Guarded.ToArray(),
            Weighted = table is null ? Array.Empty<WeightedEdge>() : table.Weighted.ToArray(),
            Definitions = Array.Empty<ClinicalDefinition>(),
            Values = Array.Empty<Quantity>(),
            Signs = Array.Empty<int>(),
        };
        return action switch
        {
            DeathAction { Cause: { } cause } => loaded with { Definitions = new ClinicalDefinition[] { DefinitionFactory.Condition(cause) } },
            DrawnDelayAction delay => loaded with { Delay = Quantity.From(delay.Days) },
            EncounterAction encounter => loaded with { Encounter = DefinitionFactory.Encounter(encounter.Encounter) },
            RecordAction record => loaded with
            {
                Kind = EventKindOf(record.Kind),
                Definitions = record.Items.Select(DefinitionFactory.Item).ToArray(),
                Values = record.Items.Select(item => item is ObservationItem observation ? Quantity.From(observation.Value) : Quantity.None).ToArray(),
                Signs = record.Items.Select(item => item is ObservationItem observation ? observation.VitalSign : -1).ToArray(),
            },
            SetVitalSignAction vital => loaded with { Values = new[] { Quantity.From(vital.Value) } }, // restore: None, never drawn
            EndReferencedAction end => loaded with { Kind = EventKindOf(end.Kind) },
            EndLatestAction end => loaded with { Kind = EventKindOf(end.Kind) },
            SetAttributeAction set => loaded with { Value = Literal(set.Value) },
            _ => loaded,
        };
    }

    /// <summary>The runtime buffer of a program's record kind (same names).</summary>
    public static EventKind EventKindOf(RecordKind kind) => kind switch
    {
        RecordKind.Condition => EventKind.Condition,
        RecordKind.Medication => EventKind.Medication,
        RecordKind.Observation => EventKind.Observation,
        RecordKind.Procedure => EventKind.Procedure,
        RecordKind.Immunization => EventKind.Immunization,
        RecordKind.CarePlan => EventKind.CarePlan,
        _ => EventKind.Allergy,
    };

    private static AttributeValue Literal(ValueSpec? value)
    {
        if (value is null || value.Kind == ValueKind.Null) return AttributeValue.Unset;
        return value.Kind switch
        {
            ValueKind.Boolean => AttributeValue.FromBoolean(value.Number != 0),
            ValueKind.Number => AttributeValue.FromNumber(value.Number),
            _ => AttributeValue.FromText(value.Text ?? string.Empty),
        };
    }
}
