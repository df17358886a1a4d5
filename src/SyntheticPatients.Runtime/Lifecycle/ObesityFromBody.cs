using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// When the body shows obesity: from age 2 a BMI at or above the 95th percentile for age and sex (CDC), from 20 a BMI
/// of 30 or more (WHO/CDC adult definition). Each episode runs from the day the body enters the obese range to the
/// day it leaves it (found to the day between monthly looks), so a recorded BMI and the diagnosis agree on every day.
/// </summary>
public static class ObesityFromBody
{
    public static List<(DateTime Start, DateTime? Stop)> Episodes(PatientRecord record, DateTime end)
    {
        var body = record.Body;
        var birth = record.Demographics.BirthDate;
        var episodes = new List<(DateTime Start, DateTime? Stop)>();
        DateTime? start = null;
        var previous = birth.AddYears(2);
        bool wasObese = IsObese(body, birth, previous);
        if (wasObese) start = previous.Date;
        for (var date = previous.AddMonths(1); date < end; previous = date, date = date.AddMonths(1))
        {
            bool obese = IsObese(body, birth, date);
            if (obese == wasObese) continue;
            // BMI is constant within a day (BodyBaseline): the episode starts on the first obese day (diagnosed at an office
            // visit, so a weekend crossing is diagnosed on the Monday), ends on the first day it is not.
            var (_, after) = Crossing(obese, body, birth, previous, date);
            if (obese) start = after.DayOfWeek switch
            {
                DayOfWeek.Saturday => after.AddDays(2),
                DayOfWeek.Sunday => after.AddDays(1),
                _ => after,
            };
            else
            {
                // An episode over before its Monday was never diagnosed.
                if (start!.Value < after) episodes.Add((start.Value, after));
                start = null;
            }
            wasObese = obese;
        }
        if (start is { } open && open < end) episodes.Add((open, null));
        return episodes;
    }

    /// <summary>Judged on the BMI as recorded (rounded to 0.1), as a clinician reads it.</summary>
    public static bool IsObese(PatientBody body, DateTime birth, DateTime date)
    {
        double age = LifeDates.AgeAt(birth, date);
        if (age < 2) return false;
        double bmi = Math.Round(body.Read(VitalSign.Bmi, date.Ticks), VitalSigns.Decimals(VitalSign.Bmi));
        return age < 20 ? GrowthCharts.BmiPercentile(bmi, age, body.Gender) >= 95 : bmi >= 30;
    }

    /// <summary>The two midnights, a day apart, between which obesity becomes <paramref name="state"/> (it is not at from, it is at to).</summary>
    private static (DateTime Before, DateTime After) Crossing(bool state, PatientBody body, DateTime birth, DateTime from, DateTime to)
    {
        var low = from.Date;
        var high = to.Date;
        while ((high - low).TotalDays > 1)
        {
            var middle = low.AddDays(Math.Floor((high - low).TotalDays / 2));
            if (IsObese(body, birth, middle) == state) high = middle;
            else low = middle;
        }
        return (low, high);
    }
}
