namespace SyntheticPatients.Runtime.Scenarios;

/// <summary>A categorical distribution over labels; weights are normalised when drawing.</summary>
public sealed class WeightedChoice
{
    private readonly string[] _labels;
    private readonly double[] _cumulative;

    public WeightedChoice(IReadOnlyList<KeyValuePair<string, double>> weights)
    {
        if (weights.Count == 0) throw new ArgumentException("A distribution needs at least one label.", nameof(weights));
        _labels = new string[weights.Count];
        _cumulative = new double[weights.Count];
        double total = 0;
        for (int i = 0; i < weights.Count; i++)
        {
            if (weights[i].Value < 0) throw new ArgumentException($"Weight of '{weights[i].Key}' is negative.", nameof(weights));
            total += weights[i].Value;
            _labels[i] = weights[i].Key;
            _cumulative[i] = total;
        }
        if (total <= 0) throw new ArgumentException("Weights sum to zero.", nameof(weights));
        for (int i = 0; i < _cumulative.Length; i++) _cumulative[i] /= total;
        Weights = weights;
    }

    public IReadOnlyList<KeyValuePair<string, double>> Weights { get; }

    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Draws a label with one uniform draw.</summary>
    public string Draw(PatientRandom random)
    {
        double u = random.NextDouble();
        for (int i = 0; i < _cumulative.Length - 1; i++)
        {
            if (u < _cumulative[i]) return _labels[i];
        }
        return _labels[^1];
    }

    /// <summary>The normalised share of a label (0 when absent).</summary>
    public double Share(string label)
    {
        double previous = 0;
        for (int i = 0; i < _labels.Length; i++)
        {
            if (_labels[i] == label) return _cumulative[i] - previous;
            previous = _cumulative[i];
        }
        return 0;
    }

    public static WeightedChoice Of(params (string Label, double Weight)[] weights)
        => new(weights.Select(w => new KeyValuePair<string, double>(w.Label, w.Weight)).ToArray());
}
