namespace SyntheticPatients.Runtime;

/// <summary>
/// The body of a host without a body model (tests, a bare module executor): a sign has the value last set at or
/// before the moment read, NaN before any set. The set times are kept because in lockstep another module's clock
/// may be behind the one that set the value.
/// </summary>
public sealed class LastSetBody : IPatientBody
{
    private readonly List<(long Ticks, double Value)>[] _sets = new List<(long, double)>[VitalSigns.Count];

    public LastSetBody()
    {
        for (int i = 0; i < _sets.Length; i++) _sets[i] = new List<(long, double)>(4);
    }

    public double Read(VitalSign sign, long ticks)
    {
        var sets = _sets[(int)sign];
        for (int i = sets.Count - 1; i >= 0; i--)
        {
            if (sets[i].Ticks <= ticks) return sets[i].Value;
        }
        return double.NaN;
    }

    public void Set(VitalSign sign, double value, long ticks) => _sets[(int)sign].Add((ticks, value));

    /// <summary>Without a body model there is no course to return to: the sign is unknown again.</summary>
    public void Restore(VitalSign sign, long ticks) => _sets[(int)sign].Add((ticks, double.NaN));

    /// <summary>Forgets every set (a new patient); keeps the lists' capacity.</summary>
    public void Clear()
    {
        foreach (var sets in _sets) sets.Clear();
    }
}
