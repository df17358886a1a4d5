using System.Globalization;

namespace SyntheticPatients.Cli.Generation;

/// <summary>
/// The patients a run writes: indexes <see cref="First"/>..First+Count-1 of a population. A record depends only on
/// (seed, patient index), so a slice holds exactly the bytes those patients have in a run of the whole population.
/// Shards are numbered from 0, as Kubernetes numbers an Indexed Job's pods (<c>JOB_COMPLETION_INDEX</c>).
/// </summary>
internal sealed record PatientSlice(long First, long Count, int? Shard = null, int? Shards = null)
{
    /// <summary>The environment variable an Indexed Job sets to the pod's index (docs/scale-out.md).</summary>
    public const string JobIndexVariable = "JOB_COMPLETION_INDEX";

    /// <summary>Whether this is a part of a larger population (its manifest then records where it starts).</summary>
    public bool IsPart => First > 0 || Shards > 1;

    /// <summary>"K/N" for a shard, else null.</summary>
    public string? ShardText => Shard is { } k ? string.Create(CultureInfo.InvariantCulture, $"{k}/{Shards}") : null;

    /// <summary>
    /// Resolves <c>--shard</c> (<c>K/N</c> or <c>auto/N</c>, with <paramref name="count"/> the whole population) or
    /// <c>--first-patient</c> (with <paramref name="count"/> the patients of the slice); neither: all of 0..count-1.
    /// </summary>
    public static PatientSlice Resolve(long count, string? shard, long? firstPatient, Func<string, string?> environment)
    {
        if (shard is not null && firstPatient is not null)
        {
            throw new InputException("error: --shard and --first-patient cannot be combined: --shard K/N cuts -n patients into N equal ranges, --first-patient F with -n C writes patients F..F+C-1.");
        }
        if (firstPatient is { } first)
        {
            if (first < 0) throw new InputException($"error: --first-patient is {first}: use 0 or more (the index of the slice's first patient, counted from 0).");
            if (first > long.MaxValue - count) throw new InputException($"error: --first-patient {first} with -n {count} goes past the largest patient index.");
            return new PatientSlice(first, count);
        }
        return shard is null ? new PatientSlice(0, count) : ResolveShard(count, shard, environment);
    }

    private static PatientSlice ResolveShard(long count, string text, Func<string, string?> environment)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int shards) || shards < 1)
        {
            throw new InputException($"error: --shard '{text}' is not K/N: give the shard number K (from 0) and the number of shards N (1 or more), e.g. --shard 0/4, or --shard auto/4 to read K from {JobIndexVariable}.");
        }
        int shard = ShardNumber(parts[0], text, environment);
        if (shard >= shards) throw new InputException($"error: --shard {shard}/{shards}: shards are numbered from 0 to {shards - 1}.");
        if (shards > count) throw new InputException($"error: --shard {shard}/{shards} with -n {count}: more shards than patients; use at most {count} shards.");
        // Shard K holds floor(K*n/N)..floor((K+1)*n/N)-1: sizes differ by at most one and the shards tile 0..n-1.
        long Start(int k) => (long)((Int128)count * k / shards);
        return new PatientSlice(Start(shard), Start(shard + 1) - Start(shard), shard, shards);
    }

    private static int ShardNumber(string given, string text, Func<string, string?> environment)
    {
        if (given == "auto")
        {
            var value = environment(JobIndexVariable);
            if (value is null) throw new InputException($"error: --shard {text} reads the shard number from {JobIndexVariable}, which is not set (Kubernetes sets it in the pods of an Indexed Job).");
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int fromJob))
            {
                throw new InputException($"error: {JobIndexVariable} is '{value}', not a shard number (0 or more).");
            }
            return fromJob;
        }
        if (!int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out int shard))
        {
            throw new InputException($"error: --shard '{text}': '{given}' is not a shard number (0 or more) or 'auto'.");
        }
        return shard;
    }
}
