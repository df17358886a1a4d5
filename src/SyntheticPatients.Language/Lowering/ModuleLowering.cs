using System.Collections.Generic;
using SyntheticPatients.Language.Describing;
using SyntheticPatients.Language.Execution;
using SyntheticPatients.Language.Graphs;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Lowering;

/// <summary>
/// Lowers a bound module (one the checks passed) into its <see cref="ModuleProgram"/>: one rule per state kind says
/// what the state does. This is the only place that decides module meaning; the emitter prints the result and the
/// interpreter executes it.
/// </summary>
public sealed class ModuleLowering
{
    private readonly ModuleSpec _spec;
    private readonly AttributeTable _attributes = new();
    private readonly ConditionLowering _conditions;
    private readonly TransitionLowering _transitions;
    private readonly List<string> _calls = new();

    private ModuleLowering(ModuleSpec spec)
    {
        _spec = spec;
        _conditions = new ConditionLowering(spec, _attributes);
        _transitions = new TransitionLowering(spec, _conditions);
    }

    public static ModuleProgram Lower(ModuleSpec spec)
    {
        var lowering = new ModuleLowering(spec);
        var states = new ProgramState[spec.States.Count];
        for (int i = 0; i < states.Length; i++) states[i] = lowering.Lower(spec.States[i]);
        return new ModuleProgram(
            spec.Name,
            FileKinds.Display(spec.FilePath),
            spec.Description,
            ExecutionFacts.InitialState(spec),
            new EquatableArray<ProgramState>(states),
            lowering._conditions.Nodes,
            lowering._conditions.Children,
            lowering._attributes.Names,
            lowering._calls.ToEquatableArray())
        {
            Replaces = ExecutionFacts.CategoryFlags(spec, CategoryMode.Replace).ToEquatableArray(),
            Augments = ExecutionFacts.CategoryFlags(spec, CategoryMode.Augment).ToEquatableArray(),
            ConditionCodes = ExecutionFacts.ConditionCodes(spec).ToEquatableArray(),
            Sources = spec.Sources,
            Graph = MermaidGraph.Build(spec).TrimEnd('\n'),
        };
    }

    private ProgramState Lower(StateSpec state)
    {
        var action = Action(state);
        // Terminal and death states end the run before any transition.
        var transitions = action.Op is StateOp.Terminal or StateOp.Death ? null : _transitions.Lower(state);
        double advance = state.AdvanceDays > 0 ? state.AdvanceDays : 0;
        return new ProgramState(state.Name, state.TypeName, state.Span.Line, action, advance, ExecutionFacts.ConstantTicks(advance), transitions,
            Describer.Transitions(state));
    }

    /// <summary>The rule of each state kind.</summary>
    private StateAction Action(StateSpec state)
    {
        switch (state.Kind)
        {
            case StateKind.Terminal:
                return new TerminalAction();
            case StateKind.Death:
                // The cause: the first listed condition, else the condition referenced_by_attribute holds.
                return new DeathAction(
                    state.Items.Count > 0 ? ItemLowering.Condition(state.Items[0]) : null,
                    state.Items.Count == 0 && state.ReferencedByAttribute is { } reference ? _attributes.IndexOf(reference.Name) : -1,
                    state.AttachToLastEncounter);
            case StateKind.Guard:
                return state.Guard is null ? PassAction.Instance : new GuardAction(_conditions.Lower(state.Guard)); // no condition: always passes
            case StateKind.Delay:
                return Delay(state.Duration);
            case StateKind.Encounter:
                return state.Encounter is null ? PassAction.Instance : new EncounterAction(state.Encounter, Assign(state));
            case StateKind.EncounterEnd:
                return new EncounterEndAction();
            case StateKind.ConditionOnset:
                return Records(state, RecordKind.Condition);
            case StateKind.MedicationStart:
                return Records(state, RecordKind.Medication);
            case StateKind.Observation:
            case StateKind.Symptom:
                return Records(state, RecordKind.Observation);
            case StateKind.Procedure:
                return Records(state, RecordKind.Procedure);
            case StateKind.Immunization:
                return Records(state, RecordKind.Immunization);
            case StateKind.CarePlanStart:
                return Records(state, RecordKind.CarePlan);
            case StateKind.AllergyOnset:
                return Records(state, RecordKind.Allergy);
            case StateKind.ConditionEnd:
                return End(state, RecordKind.Condition);
            case StateKind.MedicationEnd:
                return End(state, RecordKind.Medication);
            case StateKind.CarePlanEnd:
                return End(state, RecordKind.CarePlan);
            case StateKind.AllergyEnd:
                return End(state, RecordKind.Allergy);
            case StateKind.SetAttribute:
                return state.Attribute is { } attribute ? new SetAttributeAction(_attributes.IndexOf(attribute.Name), state.Value) : PassAction.Instance;
            case StateKind.Counter:
                return state.Attribute is { } counter
                    ? new AddToCounterAction(_attributes.IndexOf(counter.Name), state.CounterAction == CounterAction.Decrement ? -state.CounterAmount : state.CounterAmount)
                    : PassAction.Instance;
            case StateKind.VitalSign:
                if (state.VitalSign is not { } name || BodyVitalSigns.ByName(name) is not { Computed: false } sign) return PassAction.Instance;
                if (state.VitalSignMode == VitalSignMode.Restore) return new SetVitalSignAction(sign.Ordinal, sign.Member, null, VitalSignMode.Restore);
                return state.VitalSignValue is { } value
                    ? new SetVitalSignAction(sign.Ordinal, sign.Member, Draw.Of(value, rounded: true), state.VitalSignMode)
                    : PassAction.Instance;
            case StateKind.CallSubmodule:
                if (state.Submodule is null) return PassAction.Instance;
                _calls.Add(state.Submodule);
                return new CallAction(_calls.Count - 1);
            default:
                return PassAction.Instance; // start, decision
        }
    }

    /// <summary>A constant length is ticks now (truncated, as the runtime converts drawn days); otherwise a draw.</summary>
    private static StateAction Delay(QuantitySpec? duration)
    {
        if (duration is null) return PassAction.Instance;
        return duration.Distribution == DistributionKind.Exact
            ? new ExactDelayAction(ExecutionFacts.ConstantTicks(duration.Low), duration.Low)
            : new DrawnDelayAction(Draw.Of(duration, rounded: false));
    }

    /// <summary>
    /// A state recording its items. Symptoms belong to the visit in progress; other states only when
    /// attach_to_last_encounter says so. Nothing to record means no action (and no assignment).
    /// </summary>
    private StateAction Records(StateSpec state, RecordKind kind)
    {
        if (state.Items.Count == 0) return PassAction.Instance;
        var items = new RecordedItem[state.Items.Count];
        for (int i = 0; i < items.Length; i++) items[i] = ItemLowering.Lower(kind, state.Items[i]);
        return new RecordAction(kind, new EquatableArray<RecordedItem>(items), state.AttachToLastEncounter || state.Kind == StateKind.Symptom, Assign(state));
    }

    /// <summary>Ends what referenced_by_attribute points at, else the latest active entry with the first item's code (or name).</summary>
    private StateAction End(StateSpec state, RecordKind kind)
    {
        if (state.ReferencedByAttribute is { } reference) return new EndReferencedAction(kind, _attributes.IndexOf(reference.Name), state.EndStatus);
        return ExecutionFacts.EndMatch(state) is { } match ? new EndLatestAction(kind, match, state.EndStatus) : PassAction.Instance;
    }

    private int Assign(StateSpec state) => state.AssignToAttribute is { } target ? _attributes.IndexOf(target.Name) : -1;
}
