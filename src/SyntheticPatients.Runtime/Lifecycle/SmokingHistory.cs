using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// When a patient smoked, derived from the smoking label and bits of the patient id (no random stream, so every
/// step sees the same history): smokers start between 14 and 21; former smokers quit at least 3 years later.
/// </summary>
public static class SmokingHistory
{
    public enum Status
    {
        Never,
        Current,
        Former,
    }

    /// <summary>Age at which a smoker started and (former smokers) quit; NaN for never smokers.</summary>
    public static (double Start, double Quit) Ages(Demographics demographics)
    {
        if (demographics.Smoking is not ("current" or "former")) return (double.NaN, double.NaN);
        Span<byte> bytes = stackalloc byte[16];
        demographics.Id.TryWriteBytes(bytes);
        double ageAtEnd = LifeDates.AgeAt(demographics.BirthDate, demographics.SimulationEnd);
        double start = Math.Min(14 + bytes[0] % 8 + bytes[1] / 256.0, Math.Max(0, ageAtEnd - 0.5));
        if (demographics.Smoking == "current") return (start, double.PositiveInfinity);
        double earliestQuit = Math.Min(start + 3, ageAtEnd);
        double quit = earliestQuit + (ageAtEnd - earliestQuit) * (bytes[2] / 256.0);
        return (start, quit);
    }

    public static Status At(Demographics demographics, DateTime date)
    {
        var (start, quit) = Ages(demographics);
        if (double.IsNaN(start)) return Status.Never;
        double age = LifeDates.AgeAt(demographics.BirthDate, date);
        if (age < start) return Status.Never;
        return age < quit ? Status.Current : Status.Former;
    }
}
