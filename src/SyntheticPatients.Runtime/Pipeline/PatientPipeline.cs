using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Pipeline;

/// <summary>
/// Runs the pipeline steps, in order, for one patient at a time. Not thread-safe: each worker owns one instance
/// (with its own random source) and reuses it for every patient it generates.
/// </summary>
public sealed class PatientPipeline
{
    private readonly IReadOnlyList<IPatientStep> _steps;
    private readonly ulong[] _stepSeeds;
    private readonly PatientRandom _random = new(0, 0);
    private readonly StepContext _context;

    public PatientPipeline(GenerationSettings settings, IReadOnlyList<IPatientStep> steps)
    {
        Settings = settings;
        _steps = steps;
        _context = new StepContext(settings, _random);
        _stepSeeds = new ulong[steps.Count];
        for (int i = 0; i < steps.Count; i++) _stepSeeds[i] = StepSeed(settings.Seed, steps[i].Name);
    }

    public GenerationSettings Settings { get; }

    public IReadOnlyList<IPatientStep> Steps => _steps;

    /// <summary>Generates patient <paramref name="index"/> into <paramref name="record"/> (cleared first).</summary>
    public void Generate(long index, PatientRecord record)
    {
        record.Clear();
        record.Index = index;
        for (int i = 0; i < _steps.Count; i++)
        {
            _random.Reset(_stepSeeds[i], index);
            _steps[i].Run(record, _context);
        }
    }

    /// <summary>The seed of a step's stream: the run seed mixed with a stable (FNV-1a) hash of the step's name.</summary>
    public static ulong StepSeed(ulong seed, string stepName)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in stepName)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return seed ^ hash;
    }
}
