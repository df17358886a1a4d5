using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// The patient's one body (<see cref="IPatientBody"/>): every vital sign and tracked lab at any moment of the life,
/// read by modules and by the baseline alike. A value is the body's baseline for the age (<see cref="BodyBaseline"/>:
/// growth charts, adult BMI and blood pressure by age, healthy labs, each at the patient's own stable percentile)
/// plus the change modules and baseline treatments made: a lasting change holds until the next one (as a distance
/// from the course for measures that keep ageing, as the value itself for labs: <see cref="VitalSigns.FollowsCourse"/>),
/// an acute one fades within <see cref="VitalSigns.AcuteFade"/>. Weight is BMI times height squared, creatinine is what gives the
/// eGFR (MDRD), so derived values never disagree with their sources.
/// </summary>
public sealed class PatientBody : IPatientBody
{
    private readonly BodyBaseline _baseline;
    private readonly List<Change>[] _changes = new List<Change>[VitalSigns.Count];

    /// <summary>
    /// A change made at <see cref="Ticks"/>: the body's value then minus its baseline then (a held lab: the value;
    /// <see cref="Restored"/>: back to the course).
    /// </summary>
    public readonly record struct Change(long Ticks, double Offset, bool Restored = false);

    public PatientBody(Demographics demographics)
    {
        _baseline = new BodyBaseline(demographics);
    }

    /// <summary>The changes made to <paramref name="sign"/>, in the order made (weight changes are kept as BMI changes, creatinine as eGFR).</summary>
    public IReadOnlyList<Change> ChangesOf(VitalSign sign) => _changes[(int)Stored(sign)] ?? (IReadOnlyList<Change>)Array.Empty<Change>();

    public double Read(VitalSign sign, long ticks)
    {
        var date = new DateTime(ticks);
        return sign switch
        {
            VitalSign.Weight => Value(VitalSign.Bmi, date) * Square(Value(VitalSign.Height, date) / 100),
            VitalSign.Creatinine => BodyBaseline.CreatinineFor(Value(VitalSign.Egfr, date), _baseline.Age(date), _baseline.Female),
            VitalSign.BmiPercentile => BmiPercentile(date),
            _ => Value(sign, date),
        };
    }

    public void Set(VitalSign sign, double value, long ticks)
    {
        // A percentile is computed from the BMI; the language refuses to change it, a host call is ignored.
        if (double.IsNaN(value) || sign == VitalSign.BmiPercentile) return;
        var date = new DateTime(ticks);
        (sign, value) = sign switch
        {
            VitalSign.Weight => (VitalSign.Bmi, value / Square(Value(VitalSign.Height, date) / 100)),
            VitalSign.Creatinine => (VitalSign.Egfr, BodyBaseline.EgfrFor(value, _baseline.Age(date), _baseline.Female)),
            _ => (sign, value),
        };
        double offset = VitalSigns.IsLasting(sign) && !VitalSigns.FollowsCourse(sign) ? value : value - _baseline.Of(sign, date);
        (_changes[(int)sign] ??= new List<Change>(2)).Add(new Change(ticks, offset));
    }

    public void Restore(VitalSign sign, long ticks)
    {
        if (sign == VitalSign.BmiPercentile) return;
        (_changes[(int)Stored(sign)] ??= new List<Change>(2)).Add(new Change(ticks, 0, Restored: true));
    }

    public Gender Gender => _baseline.Gender;

    /// <summary>A child's BMI-for-age percentile (CDC 2000), 2 to 20 years; NaN outside.</summary>
    public double BmiPercentile(DateTime date) => _baseline.BmiPercentile(Value(VitalSign.Bmi, date), date);

    /// <summary>The course plus the latest change at or before the moment (changes may arrive out of time order in lockstep).</summary>
    private double Value(VitalSign sign, DateTime date)
    {
        double course = _baseline.Of(sign, date);
        var changes = _changes[(int)sign];
        if (changes is null) return course;
        for (int i = changes.Count - 1; i >= 0; i--)
        {
            var change = changes[i];
            if (change.Ticks > date.Ticks) continue;
            if (change.Restored) return course;
            if (!VitalSigns.IsLasting(sign))
            {
                double faded = (double)(date.Ticks - change.Ticks) / VitalSigns.AcuteFade.Ticks;
                return faded >= 1 ? course : course + change.Offset * (1 - faded);
            }
            return VitalSigns.FollowsCourse(sign) ? course + change.Offset : change.Offset;
        }
        return course;
    }

    private static VitalSign Stored(VitalSign sign) => sign switch
    {
        VitalSign.Weight => VitalSign.Bmi,
        VitalSign.Creatinine => VitalSign.Egfr,
        _ => sign,
    };

    private static double Square(double x) => x * x;
}
