namespace SyntheticPatients.Runtime;

/// <summary>
/// The patient's one body: the value of every <see cref="VitalSign"/> at any moment of the life. Every vital sign or
/// lab recorded by a module or by the baseline is read from it, so no two records of one patient contradict each
/// other; a change (a disease raising blood pressure, a drug lowering it) is made here and seen by every later read.
/// Reads must not allocate: they run on the module step's hot path.
/// </summary>
public interface IPatientBody
{
    /// <summary>The value at <paramref name="ticks"/>, unrounded; NaN when the body has no value for this sign.</summary>
    double Read(VitalSign sign, long ticks);

    /// <summary>The value becomes <paramref name="value"/> at <paramref name="ticks"/> (lasting or fading by <see cref="VitalSigns.IsLasting"/>).</summary>
    void Set(VitalSign sign, double value, long ticks);

    /// <summary>From <paramref name="ticks"/> on, the sign follows the body's own course again (the changes made to it are undone).</summary>
    void Restore(VitalSign sign, long ticks);
}
