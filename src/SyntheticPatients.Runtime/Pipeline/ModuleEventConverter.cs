using System.Globalization;
using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Events;
using SyntheticPatients.Runtime.Lifecycle;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Pipeline;

/// <summary>
/// Turns the events modules recorded in a <see cref="PatientContext"/> into <see cref="PatientRecord"/> rows, one
/// stretch of events at a time (marks taken when the running module changes tell whose events they are, for the
/// Source column). Stretches must be collected in order: encounters get their ids in the order they were started.
/// </summary>
internal sealed class ModuleEventConverter
{
    private PatientRecord _record = null!;
    private PatientContext _patient = null!;
    private PatientRandom _random = null!;
    private readonly List<Guid> _encounterIds = new();

    public void Begin(PatientRecord record, PatientContext patient, PatientRandom random)
    {
        _record = record;
        _patient = patient;
        _random = random;
        _encounterIds.Clear();
    }

    public EventMark Mark() => new(
        _patient.Encounters.Count, _patient.Conditions.Count, _patient.Medications.Count, _patient.Observations.Count,
        _patient.Procedures.Count, _patient.Immunizations.Count, _patient.CarePlans.Count, _patient.Allergies.Count);

    /// <summary>Converts the events recorded between two marks; returns how many there were.</summary>
    public int Collect(EventMark from, EventMark to, string module)
    {
        int count = 0;
        var encounters = _patient.Encounters.AsSpan();
        for (int i = from.Encounters; i < to.Encounters; i++, count++)
        {
            ref readonly var e = ref encounters[i];
            var id = Identifiers.NewGuid(_random);
            _encounterIds.Add(id);
            var start = new DateTime(e.Start);
            var stop = e.End != ClinicalEvent<EncounterDefinition>.Open ? new DateTime(e.End) : start + EncounterDurations.Default(e.Definition.Class);
            _record.Encounters.Add(new EncounterRecord(id, start, stop, e.Definition, Guid.Empty, Guid.Empty, null, EncounterDurations.BaseCost(e.Definition.Class), null, module));
        }
        var conditions = _patient.Conditions.AsSpan();
        for (int i = from.Conditions; i < to.Conditions; i++, count++)
        {
            ref readonly var e = ref conditions[i];
            _record.Conditions.Add(new ConditionRecord(new DateTime(e.Start), Stop(e.End), Encounter(e.Encounter), e.Definition, module));
        }
        var medications = _patient.Medications.AsSpan();
        for (int i = from.Medications; i < to.Medications; i++, count++)
        {
            ref readonly var e = ref medications[i];
            var stop = Stop(e.End);
            int dispenses = Math.Max(1, (int)(((stop ?? new DateTime(Math.Min(_patient.EndTicks, _patient.DeathTicks))) - new DateTime(e.Start)).TotalDays / 30));
            _record.Medications.Add(new MedicationRecord(new DateTime(e.Start), stop, Encounter(e.Encounter), e.Definition, null, 10m, dispenses, null, module));
        }
        var observations = _patient.Observations.AsSpan();
        for (int i = from.Observations; i < to.Observations; i++, count++)
        {
            ref readonly var e = ref observations[i];
            _record.Observations.Add(new ObservationRecord(new DateTime(e.Start), Encounter(e.Encounter), e.Definition, e.Value, e.Definition.ValueText, module));
        }
        var procedures = _patient.Procedures.AsSpan();
        for (int i = from.Procedures; i < to.Procedures; i++, count++)
        {
            ref readonly var e = ref procedures[i];
            var start = new DateTime(e.Start);
            _record.Procedures.Add(new ProcedureRecord(start, start.AddMinutes(15), Encounter(e.Encounter), e.Definition, 100m, null, module));
        }
        var immunizations = _patient.Immunizations.AsSpan();
        for (int i = from.Immunizations; i < to.Immunizations; i++, count++)
        {
            ref readonly var e = ref immunizations[i];
            _record.Immunizations.Add(new ImmunizationRecord(new DateTime(e.Start), Encounter(e.Encounter), e.Definition, 140.52m, module));
        }
        var carePlans = _patient.CarePlans.AsSpan();
        for (int i = from.CarePlans; i < to.CarePlans; i++, count++)
        {
            ref readonly var e = ref carePlans[i];
            _record.CarePlans.Add(new CarePlanRecord(Identifiers.NewGuid(_random), new DateTime(e.Start), Stop(e.End), Encounter(e.Encounter), e.Definition, null, module));
        }
        var allergies = _patient.Allergies.AsSpan();
        for (int i = from.Allergies; i < to.Allergies; i++, count++)
        {
            ref readonly var e = ref allergies[i];
            var definition = e.Definition;
            var reaction = definition.Reaction is null ? null : new Code("SNOMED-CT", "", definition.Reaction);
            _record.Allergies.Add(new AllergyRecord(new DateTime(e.Start), Stop(e.End), Encounter(e.Encounter), definition,
                "allergy", definition.Category ?? "environment", reaction, definition.Severity, null, null, module));
        }
        return count;
    }

    public void CollectDeath()
    {
        if (!_patient.HasDied || _record.Death is not null) return;
        // A death state names only the cause; the manner follows from it (an overdose is an accident, not natural).
        var cause = _patient.CauseOfDeath;
        _record.Death = new DeathRecord(new DateTime(_patient.DeathTicks), cause, Encounter(_patient.DeathEncounter), DeathManner.Of(cause), "modules");
    }

    public void CollectAttributes(IReadOnlyList<string> names)
    {
        var attributes = _patient.Attributes;
        for (int slot = 0; slot < attributes.Length && slot < names.Count; slot++)
        {
            var value = attributes[slot];
            var text = value.Kind switch
            {
                AttributeKind.Boolean => value.Number != 0 ? "true" : "false",
                AttributeKind.Number => value.Number.ToString("R", CultureInfo.InvariantCulture),
                AttributeKind.Text => value.Text,
                AttributeKind.Reference => value.ReferenceKind.ToString().ToLowerInvariant(),
                _ => null,
            };
            if (text is not null) _record.ModuleAttributes.Add(new ModuleAttributeRecord("modules", names[slot], text));
        }
    }

    private Guid? Encounter(int index) => index >= 0 && index < _encounterIds.Count ? _encounterIds[index] : null;

    private static DateTime? Stop(long end) => end == 0 ? null : new DateTime(end);
}

/// <summary>Event counts per buffer at a moment: events after the mark belong to the module run since.</summary>
internal readonly record struct EventMark(int Encounters, int Conditions, int Medications, int Observations, int Procedures, int Immunizations, int CarePlans, int Allergies);
