using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Events;

namespace SyntheticPatients.Runtime;

/// <summary>
/// Recording methods called by generated module code. <c>encounter</c> is the index of the encounter the event
/// is attached to, or -1; an attached event is dated at that encounter's start (the visit it belongs to), an
/// unattached one at <c>now</c>. Each returns the new event's index, which <c>assign_to_attribute</c> stores.
/// </summary>
public sealed partial class PatientContext
{
    public int StartEncounter(long now, EncounterDefinition definition)
        => Encounters.Add(new ClinicalEvent<EncounterDefinition>(now, definition, -1, double.NaN, ClinicalEvent<EncounterDefinition>.Open, null));

    /// <summary>Closes an encounter (encounter_end); a negative index (no open encounter) is ignored.</summary>
    public void EndEncounter(int index, long now)
    {
        if (index >= 0 && index < Encounters.Count) End(Encounters, index, now, null);
    }

    public int OnsetCondition(long now, ConditionDefinition definition, int encounter)
        => Conditions.Add(new(EventTime(now, encounter), definition, encounter, double.NaN, ClinicalEvent<ConditionDefinition>.Open, definition.Status));

    public void EndCondition(int index, long now, string? status = null) => End(Conditions, index, now, status);

    public int StartMedication(long now, MedicationDefinition definition, int encounter)
        => Medications.Add(new(EventTime(now, encounter), definition, encounter, double.NaN, ClinicalEvent<MedicationDefinition>.Open, definition.Status));

    public void EndMedication(int index, long now, string? status = null) => End(Medications, index, now, status);

    public int RecordObservation(long now, ObservationDefinition definition, double value, int encounter)
        => Observations.Add(new(EventTime(now, encounter), definition, encounter, value, ClinicalEvent<ObservationDefinition>.Open, definition.Status));

    public int RecordProcedure(long now, ProcedureDefinition definition, int encounter)
        => Procedures.Add(new(EventTime(now, encounter), definition, encounter, double.NaN, ClinicalEvent<ProcedureDefinition>.Open, definition.Status));

    public int RecordImmunization(long now, ImmunizationDefinition definition, int encounter)
        => Immunizations.Add(new(EventTime(now, encounter), definition, encounter, double.NaN, ClinicalEvent<ImmunizationDefinition>.Open, definition.Status));

    public int StartCarePlan(long now, CarePlanDefinition definition, int encounter)
        => CarePlans.Add(new(EventTime(now, encounter), definition, encounter, double.NaN, ClinicalEvent<CarePlanDefinition>.Open, definition.Status));

    public void EndCarePlan(int index, long now, string? status = null) => End(CarePlans, index, now, status);

    public int OnsetAllergy(long now, AllergyDefinition definition, int encounter)
        => Allergies.Add(new(EventTime(now, encounter), definition, encounter, double.NaN, ClinicalEvent<AllergyDefinition>.Open, definition.Status));

    public void EndAllergy(int index, long now, string? status = null) => End(Allergies, index, now, status);

    /// <summary>Records death at <paramref name="now"/> unless the patient already died earlier.</summary>
    public void RecordDeath(long now, ConditionDefinition? cause, int encounter)
    {
        if (now >= DeathTicks) return;
        DeathTicks = now;
        CauseOfDeath = cause;
        DeathEncounter = encounter;
    }

    /// <summary>The condition an attribute references (assign_to_attribute on a condition_onset), or null.</summary>
    public ConditionDefinition? ReferencedCondition(in AttributeValue reference)
        => reference.IsReferenceTo(EventKind.Condition) && reference.ReferenceIndex < Conditions.Count
            ? Conditions[reference.ReferenceIndex].Definition
            : null;

    /// <summary>Sets a death time decided outside the modules (e.g. by a baseline lifecycle); the earliest death wins.</summary>
    public void SetDeath(long deathTicks, ConditionDefinition? cause = null) => RecordDeath(deathTicks, cause, -1);

    /// <summary>
    /// Ends the events an attribute references (set by assign_to_attribute on a state of the same kind).
    /// Returns false when the attribute is unset or references another kind of event.
    /// </summary>
    public bool EndReferenced(in AttributeValue reference, EventKind kind, long now, string? status)
    {
        if (!reference.IsReferenceTo(kind)) return false;
        int first = reference.ReferenceIndex;
        int last = first + reference.ReferenceCount;
        switch (kind)
        {
            case EventKind.Encounter: EndRange(Encounters, first, last, now, status); break;
            case EventKind.Condition: EndRange(Conditions, first, last, now, status); break;
            case EventKind.Medication: EndRange(Medications, first, last, now, status); break;
            case EventKind.CarePlan: EndRange(CarePlans, first, last, now, status); break;
            case EventKind.Allergy: EndRange(Allergies, first, last, now, status); break;
            default: return false;
        }
        return true;
    }

    /// <summary>Ends the most recent active event of this kind whose code (or name) matches. Returns false if none.</summary>
    public bool EndLatestActive(EventKind kind, string codeOrName, long now, string? status)
    {
        switch (kind)
        {
            case EventKind.Condition: return EndLatest(Conditions, codeOrName, now, status);
            case EventKind.Medication: return EndLatest(Medications, codeOrName, now, status);
            case EventKind.CarePlan: return EndLatest(CarePlans, codeOrName, now, status);
            case EventKind.Allergy: return EndLatest(Allergies, codeOrName, now, status);
            default: return false;
        }
    }

    private long EventTime(long now, int encounter)
        => encounter >= 0 && encounter < Encounters.Count ? Encounters[encounter].Start : now;

    private static void End<T>(EventBuffer<ClinicalEvent<T>> buffer, int index, long now, string? status)
        where T : ClinicalDefinition
    {
        ref var item = ref buffer.At(index);
        if (item.HasEnded) return; // ending twice keeps the first end
        // An attached event is dated at its encounter, which may be later than a clock that ends it; keep end >= start.
        item = item.Ended(Math.Max(now, item.Start), status);
    }

    private static void EndRange<T>(EventBuffer<ClinicalEvent<T>> buffer, int first, int last, long now, string? status)
        where T : ClinicalDefinition
    {
        for (int i = Math.Max(first, 0); i < last && i < buffer.Count; i++) End(buffer, i, now, status);
    }

    private static bool EndLatest<T>(EventBuffer<ClinicalEvent<T>> buffer, string codeOrName, long now, string? status)
        where T : ClinicalDefinition
    {
        int index = FindLatestActive(buffer, codeOrName, now);
        if (index < 0) return false;
        End(buffer, index, now, status);
        return true;
    }
}
