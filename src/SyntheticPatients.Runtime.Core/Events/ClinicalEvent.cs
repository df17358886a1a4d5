using SyntheticPatients.Runtime.Definitions;

namespace SyntheticPatients.Runtime.Events;

/// <summary>
/// One recorded event: when, what (a reference to the module's static definition), in which encounter,
/// the drawn value and, for things that last (conditions, medications, care plans, allergies, encounters),
/// when and how it ended. Times are <see cref="DateTime.Ticks"/>.
/// </summary>
public readonly struct ClinicalEvent<TDefinition>
    where TDefinition : ClinicalDefinition
{
    /// <summary>End ticks of an event that has not ended (tick 0 is 0001-01-01, never a simulated time).</summary>
    public const long Open = 0;

    public ClinicalEvent(long start, TDefinition definition, int encounter, double value, long end, string? status)
    {
        Start = start;
        Definition = definition;
        Encounter = encounter;
        Value = value;
        End = end;
        Status = status;
    }

    public long Start { get; }

    public TDefinition Definition { get; }

    /// <summary>Index into the patient's encounters, or -1.</summary>
    public int Encounter { get; }

    /// <summary>The observation value; NaN when there is none.</summary>
    public double Value { get; }

    /// <summary>End ticks, or <see cref="Open"/>.</summary>
    public long End { get; }

    /// <summary>The status set when ending (e.g. "resolved"), else the definition's; null for "active".</summary>
    public string? Status { get; }

    public bool HasEnded => End != Open;

    /// <summary>Started at or before <paramref name="now"/> and not ended by then.</summary>
    public bool IsActiveAt(long now) => Start <= now && (End == Open || End > now);

    /// <summary>Only <see cref="PatientContext"/> ends events (it keeps the first end, and end &gt;= start).</summary>
    internal ClinicalEvent<TDefinition> Ended(long end, string? status) => new(Start, Definition, Encounter, Value, end, status ?? Status);
}
