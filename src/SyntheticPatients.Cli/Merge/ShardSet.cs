using SyntheticPatients.Cli.Generation;

namespace SyntheticPatients.Cli;

/// <summary>The shards of one population, in patient order, checked to tile patients 0..n-1 with the same settings.</summary>
internal static class ShardSet
{
    public static IReadOnlyList<ShardManifest> Read(IEnumerable<string> folders)
    {
        var shards = folders.Select(ShardManifest.Read).OrderBy(s => s.First).ToList();
        if (shards.Count == 0) throw new InputException("error: merge needs the output folders of the shards.");
        var first = shards[0];
        foreach (var shard in shards.Skip(1))
        {
            if (shard.Settings != first.Settings)
            {
                throw new InputException($"error: '{shard.Folder}' was generated with other settings than '{first.Folder}' ({Difference(first.Settings, shard.Settings)}): shards of one population share every option but --shard/--first-patient.");
            }
        }
        long expected = 0;
        foreach (var shard in shards)
        {
            if (shard.First != expected)
            {
                var what = shard.First > expected ? $"patients {expected} to {shard.First - 1} are missing" : $"it overlaps the patients before (#{shard.First}, expected #{expected})";
                throw new InputException($"error: '{shard.Folder}' starts at patient {shard.First}: {what}. Give every shard of the population once.");
            }
            expected += shard.Patients;
        }
        return shards;
    }

    private static string Difference(string a, string b)
    {
        var left = a.Split("; ").ToHashSet(StringComparer.Ordinal);
        var differing = b.Split("; ").Where(x => !left.Contains(x)).Take(3);
        return string.Join(", ", differing);
    }
}
