namespace SyntheticPatients.Runtime.Validation.Realism;

/// <summary>Every measure a realism row may name, by name; each call gives fresh accumulators.</summary>
public static class RealismMeasures
{
    private static readonly Dictionary<string, Func<RealismMeasure>> Factories = Register(EncounterMeasures.All());

    public static IReadOnlyCollection<string> Names => Factories.Keys;

    public static bool Exists(string name) => Factories.ContainsKey(name);

    public static RealismMeasure Create(string name)
        => Factories.TryGetValue(name, out var factory) ? factory() : throw new ArgumentException($"unknown realism measure '{name}'", nameof(name));

    private static Dictionary<string, Func<RealismMeasure>> Register(IEnumerable<Func<RealismMeasure>> factories)
    {
        var map = new Dictionary<string, Func<RealismMeasure>>(StringComparer.Ordinal);
        foreach (var factory in factories) map.Add(factory().Name, factory);
        return map;
    }
}
