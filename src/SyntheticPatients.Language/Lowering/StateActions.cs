using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Lowering;

/// <summary>What a lowered state does when it runs; one action record per value.</summary>
public enum StateOp : byte
{
    /// <summary>start, decision, and states with nothing to do: straight to the transitions.</summary>
    Pass,
    Terminal,
    Death,
    Guard,
    DelayExact,
    DelayDrawn,
    Encounter,
    EncounterEnd,
    Record,
    EndReferenced,
    EndLatest,
    SetAttribute,
    Counter,
    CallSubmodule,
    SetVitalSign,
}

/// <summary>
/// A state's action. <see cref="Op"/> says which record it is, so the interpreter dispatches with one switch over a
/// byte (no type tests); the emitter prints each record. Attribute fields index <see cref="ModuleProgram.Attributes"/>
/// (-1: none); condition fields index <see cref="ModuleProgram.Conditions"/>.
/// </summary>
public abstract record StateAction(StateOp Op);

/// <summary>Nothing to do (start, decision, and states whose action is empty).</summary>
public sealed record PassAction() : StateAction(StateOp.Pass)
{
    public static readonly PassAction Instance = new();
}

/// <summary>Ends the run.</summary>
public sealed record TerminalAction() : StateAction(StateOp.Terminal);

/// <summary>
/// Records the death and ends the run. The cause: <see cref="Cause"/> (the state's first listed condition), else
/// the condition <see cref="CauseAttribute"/> references, else none.
/// </summary>
public sealed record DeathAction(ConditionItem? Cause, int CauseAttribute, bool OnLastEncounter) : StateAction(StateOp.Death);

/// <summary>Waits (a poll interval at a time) until the condition holds.</summary>
public sealed record GuardAction(int Condition) : StateAction(StateOp.Guard);

/// <summary>A delay of a constant length, as ticks.</summary>
public sealed record ExactDelayAction(long Ticks, double Days) : StateAction(StateOp.DelayExact);

/// <summary>A delay drawn in days when the state runs.</summary>
public sealed record DrawnDelayAction(Draw Days) : StateAction(StateOp.DelayDrawn);

/// <summary>Starts a visit (it becomes the run's last encounter); with assign_to_attribute the attribute references it.</summary>
public sealed record EncounterAction(EncounterSpec Encounter, int AssignAttribute) : StateAction(StateOp.Encounter);

/// <summary>Ends the run's last encounter.</summary>
public sealed record EncounterEndAction() : StateAction(StateOp.EncounterEnd);

/// <summary>
/// Records each item (conditions, medications, observations, ...); with assign_to_attribute the attribute references
/// all of them (the first, and the count).
/// </summary>
public sealed record RecordAction(RecordKind Kind, EquatableArray<RecordedItem> Items, bool OnLastEncounter, int AssignAttribute)
    : StateAction(StateOp.Record);

/// <summary>Ends what the attribute references.</summary>
public sealed record EndReferencedAction(RecordKind Kind, int Attribute, string? Status) : StateAction(StateOp.EndReferenced);

/// <summary>Ends the latest active entry whose code (or name) is <see cref="Match"/>.</summary>
public sealed record EndLatestAction(RecordKind Kind, string Match, string? Status) : StateAction(StateOp.EndLatest);

/// <summary>Sets the attribute to a literal (null clears it).</summary>
public sealed record SetAttributeAction(int Attribute, ValueSpec? Value) : StateAction(StateOp.SetAttribute);

/// <summary>Adds <see cref="Amount"/> (negative to decrement) to the attribute.</summary>
public sealed record AddToCounterAction(int Attribute, double Amount) : StateAction(StateOp.Counter);

/// <summary>
/// The body measure <see cref="Sign"/> (the runtime's <c>VitalSign</c> ordinal, named <see cref="Member"/>) takes the
/// value <see cref="Value"/> from now on, moves by it, or returns to the body's own course (<see cref="Mode"/>; no value).
/// </summary>
public sealed record SetVitalSignAction(int Sign, string Member, Draw? Value, VitalSignMode Mode) : StateAction(StateOp.SetVitalSign);

/// <summary>Runs another module to its end, then continues here.</summary>
public sealed record CallAction(int Call) : StateAction(StateOp.CallSubmodule);
