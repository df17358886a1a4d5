namespace SyntheticPatients.Runtime.Events;

/// <summary>The event buffers of a patient; also tags attribute references (<c>assign_to_attribute</c>).</summary>
public enum EventKind : byte
{
    None,
    Encounter,
    Condition,
    Medication,
    Observation,
    Procedure,
    Immunization,
    CarePlan,
    Allergy,
}
