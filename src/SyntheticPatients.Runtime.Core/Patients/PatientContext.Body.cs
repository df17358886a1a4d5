using SyntheticPatients.Runtime.Definitions;

namespace SyntheticPatients.Runtime;

/// <summary>
/// The patient's body as modules see it (<see cref="IPatientBody"/>): vital_sign conditions read it, vital_sign states
/// change it, and an observation of a vital sign records its value, so a module never draws a value that contradicts
/// the patient's other records.
/// </summary>
public sealed partial class PatientContext
{
    private readonly LastSetBody _ownBody = new();

    /// <summary>The body read and changed by modules: the host's body model, or (when the host sets none) one that only knows what modules set.</summary>
    public IPatientBody Body { get; set; }

    /// <summary>
    /// The body's value of <paramref name="sign"/> at <paramref name="now"/> as it would be recorded (rounded), so a
    /// condition "bmi >= 30" agrees with the BMI a record shows; NaN when unknown.
    /// </summary>
    public double VitalSignAt(long now, VitalSign sign) => Math.Round(Body.Read(sign, now), VitalSigns.Decimals(sign));

    /// <summary>A vital_sign state: the body's <paramref name="sign"/> becomes <paramref name="value"/> from now on.</summary>
    public void SetVitalSign(long now, VitalSign sign, double value) => Body.Set(sign, value, now);

    /// <summary>A vital_sign state with <c>mode: add</c>: the body's <paramref name="sign"/> moves by <paramref name="change"/> from now on.</summary>
    public void ChangeVitalSign(long now, VitalSign sign, double change) => Body.Set(sign, Body.Read(sign, now) + change, now);

    /// <summary>A vital_sign state with <c>mode: restore</c>: the body's <paramref name="sign"/> follows its own course again.</summary>
    public void RestoreVitalSign(long now, VitalSign sign) => Body.Restore(sign, now);

    /// <summary>Records the body's current value of <paramref name="sign"/>, rounded as it is reported, as an observation.</summary>
    public int RecordVitalSign(long now, ObservationDefinition definition, VitalSign sign, int encounter)
    {
        long at = EventTime(now, encounter);
        double value = Body.Read(sign, at);
        return RecordObservation(now, definition, double.IsNaN(value) ? value : Math.Round(value, VitalSigns.Decimals(sign)), encounter);
    }

    /// <summary>
    /// An observation of a vital sign with a value drawn by the module: the drawn value is what the body is now
    /// (the module states it, e.g. a blood pressure at a hypertension diagnosis), then it is recorded from the body.
    /// </summary>
    public int RecordVitalSign(long now, ObservationDefinition definition, VitalSign sign, double drawn, int encounter)
    {
        Body.Set(sign, drawn, EventTime(now, encounter));
        return RecordVitalSign(now, definition, sign, encounter);
    }
}
