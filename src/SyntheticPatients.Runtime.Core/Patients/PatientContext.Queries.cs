using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Events;

namespace SyntheticPatients.Runtime;

/// <summary>
/// Queries module conditions ask. Linear scans with ordinal compares: a patient has tens of events, and this
/// keeps the hot path free of dictionaries and allocation. "Active at now" means started at or before now
/// and not ended by then, so a module running later in a patient's timeline cannot see another module's future.
/// </summary>
public sealed partial class PatientContext
{
    public bool HasActiveCondition(long now, string codeOrName) => FindLatestActive(Conditions, codeOrName, now) >= 0;

    public bool HasActiveMedication(long now, string codeOrName) => FindLatestActive(Medications, codeOrName, now) >= 0;

    public bool HasActiveCarePlan(long now, string codeOrName) => FindLatestActive(CarePlans, codeOrName, now) >= 0;

    public bool HasActiveAllergy(long now, string codeOrName) => FindLatestActive(Allergies, codeOrName, now) >= 0;

    /// <summary>Whether any event an attribute references (active_* conditions with referenced_by_attribute) is active at now.</summary>
    public bool IsReferenceActive(in AttributeValue reference, EventKind kind, long now)
    {
        if (!reference.IsReferenceTo(kind)) return false;
        int first = reference.ReferenceIndex;
        int last = first + reference.ReferenceCount;
        return kind switch
        {
            EventKind.Encounter => AnyActive(Encounters, first, last, now),
            EventKind.Condition => AnyActive(Conditions, first, last, now),
            EventKind.Medication => AnyActive(Medications, first, last, now),
            EventKind.CarePlan => AnyActive(CarePlans, first, last, now),
            EventKind.Allergy => AnyActive(Allergies, first, last, now),
            _ => false,
        };
    }

    /// <summary>
    /// The value of the most recent observation with this LOINC code (or name) at or before <paramref name="now"/>.
    /// False when there is none or its value is not numeric.
    /// </summary>
    public bool LatestObservationValue(long now, string loincCode, out double value)
    {
        int index = FindLatest(Observations, loincCode, now);
        value = index >= 0 ? Observations[index].Value : double.NaN;
        return index >= 0 && !double.IsNaN(value);
    }

    /// <summary>The text result of the most recent observation with this code at or before now, or null.</summary>
    public string? LatestObservationText(long now, string loincCode)
    {
        int index = FindLatest(Observations, loincCode, now);
        return index >= 0 ? Observations[index].Definition.ValueText : null;
    }

    private static int FindLatestActive<T>(EventBuffer<ClinicalEvent<T>> buffer, string codeOrName, long now)
        where T : ClinicalDefinition
    {
        int best = -1;
        long bestStart = long.MinValue;
        var items = buffer.AsSpan();
        for (int i = 0; i < items.Length; i++)
        {
            ref readonly var item = ref items[i];
            if (item.Start >= bestStart && item.IsActiveAt(now) && item.Definition.Matches(codeOrName))
            {
                best = i;
                bestStart = item.Start;
            }
        }
        return best;
    }

    private static int FindLatest<T>(EventBuffer<ClinicalEvent<T>> buffer, string codeOrName, long now)
        where T : ClinicalDefinition
    {
        int best = -1;
        long bestStart = long.MinValue;
        var items = buffer.AsSpan();
        for (int i = 0; i < items.Length; i++)
        {
            ref readonly var item = ref items[i];
            if (item.Start >= bestStart && item.Start <= now && item.Definition.Matches(codeOrName))
            {
                best = i;
                bestStart = item.Start;
            }
        }
        return best;
    }

    private static bool AnyActive<T>(EventBuffer<ClinicalEvent<T>> buffer, int first, int last, long now)
        where T : ClinicalDefinition
    {
        for (int i = Math.Max(first, 0); i < last && i < buffer.Count; i++)
        {
            if (buffer[i].IsActiveAt(now)) return true;
        }
        return false;
    }
}
