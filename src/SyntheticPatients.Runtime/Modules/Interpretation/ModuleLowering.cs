using SyntheticPatients.Language.Execution;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Events;

namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>
/// Lowers a module's states into a <see cref="ModuleProgram"/>, state by state as StateEmitter emits them: the same
/// action per kind, the same constants (ticks computed by <see cref="ExecutionFacts.ConstantTicks"/>), the same
/// definitions. Call targets stay names until <see cref="InterpretedModule.Link"/>.
/// </summary>
internal sealed class ModuleLowering
{
    private readonly ModuleSpec _spec;
    private readonly AttributeSlotTable _slots;
    private readonly ConditionLowering _conditions;
    private readonly TransitionLowering _transitions;
    private readonly List<Quantity> _delays = new();
    private readonly List<EncounterDefinition> _encounters = new();
    private readonly List<ConditionDefinition> _conditionItems = new();
    private readonly List<MedicationDefinition> _medications = new();
    private readonly List<ObservationDefinition> _observations = new();
    private readonly List<Quantity> _observationValues = new();
    private readonly List<ProcedureDefinition> _procedures = new();
    private readonly List<ImmunizationDefinition> _immunizations = new();
    private readonly List<CarePlanDefinition> _carePlans = new();
    private readonly List<AllergyDefinition> _allergies = new();
    private readonly List<string> _calls = new();

    private ModuleLowering(ModuleSpec spec, AttributeSlotTable slots)
    {
        _spec = spec;
        _slots = slots;
        _conditions = new ConditionLowering(spec, slots);
        _transitions = new TransitionLowering(spec, _conditions);
    }

    public static ModuleProgram Lower(ModuleSpec spec, AttributeSlotTable slots)
    {
        var lowering = new ModuleLowering(spec, slots);
        var states = new LoweredState[spec.States.Count];
        for (int i = 0; i < states.Length; i++) states[i] = lowering.Lower(spec.States[i]);
        return new ModuleProgram
        {
            States = states,
            Transitions = lowering._transitions.Tables,
            GuardedEdges = lowering._transitions.GuardedEdges,
            WeightedEdges = lowering._transitions.WeightedEdges,
            Conditions = lowering._conditions.Nodes,
            Children = lowering._conditions.Children,
            Delays = lowering._delays.ToArray(),
            Encounters = lowering._encounters.ToArray(),
            ConditionItems = lowering._conditionItems.ToArray(),
            Medications = lowering._medications.ToArray(),
            Observations = lowering._observations.ToArray(),
            ObservationValues = lowering._observationValues.ToArray(),
            Procedures = lowering._procedures.ToArray(),
            Immunizations = lowering._immunizations.ToArray(),
            CarePlans = lowering._carePlans.ToArray(),
            Allergies = lowering._allergies.ToArray(),
            CallNames = lowering._calls.ToArray(),
            CallTargets = new CompiledModule[lowering._calls.Count],
        };
    }

    private LoweredState Lower(StateSpec state)
    {
        var lowered = Action(state) with
        {
            AdvanceTicks = state.AdvanceDays > 0 ? ExecutionFacts.ConstantTicks(state.AdvanceDays) : 0,
            UseLastEncounter = state.AttachToLastEncounter || state.Kind == StateKind.Symptom,
        };
        // Terminal and death states return before their transitions: the emitter writes none.
        return state.Kind is StateKind.Terminal or StateKind.Death ? lowered : lowered with { Transitions = _transitions.Lower(state) };
    }

    private LoweredState Action(StateSpec state)
    {
        var pass = new LoweredState { Op = StateOp.Pass, Slot = -1, AssignSlot = -1, Condition = -1 };
        switch (state.Kind)
        {
            case StateKind.Terminal:
                return pass with { Op = StateOp.Terminal };
            case StateKind.Death:
                // The cause: the first listed condition, else the condition referenced_by_attribute holds.
                var causes = Items(state, _conditionItems, DefinitionFactory.Condition);
                return pass with
                {
                    Op = StateOp.Death,
                    Cause = state.Items.Count > 0 ? _conditionItems[causes] : null,
                    Slot = state.Items.Count == 0 && state.ReferencedByAttribute is { } reference ? _slots.SlotOf(reference.Name) : -1,
                };
            case StateKind.Guard:
                return state.Guard is null ? pass : pass with { Op = StateOp.Guard, Condition = _conditions.Lower(state.Guard) };
            case StateKind.Delay:
                return Delay(state.Duration, pass);
            case StateKind.Encounter:
                if (state.Encounter is null) return pass;
                _encounters.Add(DefinitionFactory.Encounter(state.Encounter));
                return pass with { Op = StateOp.Encounter, First = _encounters.Count - 1, AssignSlot = Assign(state) };
            case StateKind.EncounterEnd:
                return pass with { Op = StateOp.EncounterEnd };
            case StateKind.ConditionOnset:
                return Records(state, pass, StateOp.ConditionOnset, EventKind.Condition, Items(state, _conditionItems, DefinitionFactory.Condition));
            case StateKind.MedicationStart:
                return Records(state, pass, StateOp.MedicationStart, EventKind.Medication, Items(state, _medications, DefinitionFactory.Medication));
            case StateKind.Observation:
            case StateKind.Symptom:
                foreach (var item in state.Items) _observationValues.Add(item.Value is { } value ? Quantity.From(value) : Quantity.None);
                return Records(state, pass, StateOp.Observation, EventKind.Observation, Items(state, _observations, DefinitionFactory.Observation));
            case StateKind.Procedure:
                return Records(state, pass, StateOp.Procedure, EventKind.Procedure, Items(state, _procedures, DefinitionFactory.Procedure));
            case StateKind.Immunization:
                return Records(state, pass, StateOp.Immunization, EventKind.Immunization, Items(state, _immunizations, DefinitionFactory.Immunization));
            case StateKind.CarePlanStart:
                return Records(state, pass, StateOp.CarePlanStart, EventKind.CarePlan, Items(state, _carePlans, DefinitionFactory.CarePlan));
            case StateKind.AllergyOnset:
                return Records(state, pass, StateOp.AllergyOnset, EventKind.Allergy, Items(state, _allergies, DefinitionFactory.Allergy));
            case StateKind.ConditionEnd:
                return End(state, pass, EventKind.Condition);
            case StateKind.MedicationEnd:
                return End(state, pass, EventKind.Medication);
            case StateKind.CarePlanEnd:
                return End(state, pass, EventKind.CarePlan);
            case StateKind.AllergyEnd:
                return End(state, pass, EventKind.Allergy);
            case StateKind.SetAttribute:
                return state.Attribute is { } attribute
                    ? pass with { Op = StateOp.SetAttribute, Slot = _slots.SlotOf(attribute.Name), Value = AttributeLiteral(state.Value) }
                    : pass;
            case StateKind.Counter:
                return state.Attribute is { } counter
                    ? pass with
                    {
                        Op = StateOp.Counter,
                        Slot = _slots.SlotOf(counter.Name),
                        Amount = state.CounterAction == CounterAction.Decrement ? -state.CounterAmount : state.CounterAmount,
                    }
                    : pass;
            case StateKind.CallSubmodule:
                if (state.Submodule is null) return pass;
                _calls.Add(state.Submodule);
                return pass with { Op = StateOp.CallSubmodule, First = _calls.Count - 1 };
            default:
                return pass;
        }
    }

    private LoweredState Delay(QuantitySpec? duration, LoweredState pass)
    {
        if (duration is null) return pass;
        if (duration.Distribution == DistributionKind.Exact) return pass with { Op = StateOp.DelayExact, Ticks = ExecutionFacts.ConstantTicks(duration.Low) };
        _delays.Add(Quantity.From(duration));
        return pass with { Op = StateOp.DelayDrawn, First = _delays.Count - 1 };
    }

    /// <summary>A state recording its items; nothing to record means no action (and no assignment), as emitted.</summary>
    private LoweredState Records(StateSpec state, LoweredState pass, StateOp op, EventKind kind, int first)
        => state.Items.Count == 0 ? pass : pass with { Op = op, Kind = kind, First = first, Count = state.Items.Count, AssignSlot = Assign(state) };

    /// <summary>Ends what referenced_by_attribute points at, else the latest active event with the first item's code.</summary>
    private LoweredState End(StateSpec state, LoweredState pass, EventKind kind)
    {
        if (state.ReferencedByAttribute is { } reference)
        {
            return pass with { Op = StateOp.EndReferenced, Kind = kind, Slot = _slots.SlotOf(reference.Name), Status = state.EndStatus };
        }
        return ExecutionFacts.EndMatch(state) is { } match
            ? pass with { Op = StateOp.EndLatest, Kind = kind, Match = match, Status = state.EndStatus }
            : pass;
    }

    private int Assign(StateSpec state) => state.AssignToAttribute is { } target ? _slots.SlotOf(target.Name) : -1;

    private static int Items<T>(StateSpec state, List<T> definitions, Func<ClinicalItemSpec, T> create)
    {
        int first = definitions.Count;
        foreach (var item in state.Items) definitions.Add(create(item));
        return first;
    }

    private static AttributeValue AttributeLiteral(ValueSpec? value)
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
