using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Events;

namespace SyntheticPatients.Runtime;

/// <summary>
/// Everything a module reads and writes for one patient: demographics, the clock bounds, the random source,
/// attribute slots and the event buffers. One context per worker thread is reused across patients through
/// <see cref="Reset"/>, which keeps every buffer's capacity, so a warmed-up worker records without allocating.
/// Recording and query methods live in the partial files PatientContext.Recording.cs and PatientContext.Queries.cs.
/// </summary>
public sealed partial class PatientContext
{
    /// <summary><see cref="DeathTicks"/> of a patient who does not die within the simulation.</summary>
    public const long NoDeath = long.MaxValue;

    public PatientContext(int attributeCount, int initialEventCapacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attributeCount);
        Attributes = new AttributeValue[attributeCount];
        Random = new PatientRandom(0, 0);
        Encounters = new(initialEventCapacity);
        Conditions = new(initialEventCapacity);
        Medications = new(initialEventCapacity);
        Observations = new(initialEventCapacity);
        Procedures = new(initialEventCapacity);
        Immunizations = new(initialEventCapacity);
        CarePlans = new(initialEventCapacity);
        Allergies = new(initialEventCapacity);
        DeathTicks = NoDeath;
        Body = _ownBody;
    }

    public long PatientIndex { get; private set; }

    public long BirthTicks { get; private set; }

    public Gender Gender { get; private set; }

    /// <summary>Set by the host after <see cref="Reset"/>; read by demographic conditions.</summary>
    public string? Race { get; set; }

    /// <summary>Set by the host after <see cref="Reset"/>; read by demographic conditions.</summary>
    public string? Ethnicity { get; set; }

    // Social determinants, for `demographic` conditions (labels as in the scenario distributions).
    public string? Smoking { get; set; }

    public string? Alcohol { get; set; }

    public string? Education { get; set; }

    public string? Employment { get; set; }

    public string? Housing { get; set; }

    public string? Insurance { get; set; }

    /// <summary>Yearly household income in USD (0 when unknown).</summary>
    public double Income { get; set; }

    /// <summary>The end of the simulation: modules stop when their clock passes it.</summary>
    public long EndTicks { get; private set; }

    /// <summary>When the patient dies (<see cref="NoDeath"/> if not): set by a death state or by the host.</summary>
    public long DeathTicks { get; private set; }

    /// <summary>The cause recorded with the death, when a module gave one.</summary>
    public ConditionDefinition? CauseOfDeath { get; private set; }

    /// <summary>The encounter the death was recorded in, or -1.</summary>
    public int DeathEncounter { get; private set; } = -1;

    public bool HasDied => DeathTicks != NoDeath;

    public PatientRandom Random { get; }

    /// <summary>Attribute slots, indexed by the generated <c>AttributeSlots</c> constants.</summary>
    public AttributeValue[] Attributes { get; }

    public EventBuffer<ClinicalEvent<EncounterDefinition>> Encounters { get; }

    public EventBuffer<ClinicalEvent<ConditionDefinition>> Conditions { get; }

    public EventBuffer<ClinicalEvent<MedicationDefinition>> Medications { get; }

    public EventBuffer<ClinicalEvent<ObservationDefinition>> Observations { get; }

    public EventBuffer<ClinicalEvent<ProcedureDefinition>> Procedures { get; }

    public EventBuffer<ClinicalEvent<ImmunizationDefinition>> Immunizations { get; }

    public EventBuffer<ClinicalEvent<CarePlanDefinition>> CarePlans { get; }

    public EventBuffer<ClinicalEvent<AllergyDefinition>> Allergies { get; }

    /// <summary>Starts a new patient: re-seeds the random source, clears attributes and events (keeping capacity).</summary>
    public void Reset(ulong seed, long patientIndex, long birthTicks, Gender gender, long endTicks)
    {
        PatientIndex = patientIndex;
        BirthTicks = birthTicks;
        Gender = gender;
        EndTicks = endTicks;
        DeathTicks = NoDeath;
        CauseOfDeath = null;
        DeathEncounter = -1;
        Race = null;
        Ethnicity = null;
        Smoking = null;
        Alcohol = null;
        Education = null;
        Employment = null;
        Housing = null;
        Insurance = null;
        Income = 0;
        Random.Reset(seed, patientIndex);
        Array.Clear(Attributes);
        Encounters.Clear();
        Conditions.Clear();
        Medications.Clear();
        Observations.Clear();
        Procedures.Clear();
        Immunizations.Clear();
        CarePlans.Clear();
        Allergies.Clear();
        _ownBody.Clear();
        Body = _ownBody;
    }

    /// <summary>Whether the patient is alive at <paramref name="now"/>.</summary>
    public bool IsAliveAt(long now) => now < DeathTicks;

    /// <summary>
    /// Age in (fractional) years at <paramref name="now"/>: whole calendar years since birth plus the elapsed part of the
    /// current year of life, so "age >= 18" turns true exactly on the 18th birthday.
    /// </summary>
    public double AgeInYears(long now)
    {
        if (now < BirthTicks) return (now - BirthTicks) / (365.2425 * TimeSpan.TicksPerDay);
        var birth = new DateTime(BirthTicks);
        var today = new DateTime(now);
        int years = today.Year - birth.Year;
        var anniversary = birth.AddYears(years);
        if (anniversary > today)
        {
            years--;
            anniversary = birth.AddYears(years);
        }
        var next = birth.AddYears(years + 1);
        return years + (double)(today.Ticks - anniversary.Ticks) / (next.Ticks - anniversary.Ticks);
    }
}
