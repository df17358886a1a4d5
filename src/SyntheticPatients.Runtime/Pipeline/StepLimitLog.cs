using System.Collections.Concurrent;
using System.Globalization;
using SyntheticPatients.Runtime.Modules;

namespace SyntheticPatients.Runtime.Pipeline;

/// <summary>
/// The module runs of a generate run that the step limit stopped, by module and state, shared by the workers. A run
/// that hits the limit has recorded the same events over and over and was cut short: the CLI prints <see cref="Lines"/>
/// as warnings, so that it is never silent. Which patients are counted does not depend on threads (first = lowest index).
/// </summary>
public sealed class StepLimitLog
{
    private readonly ConcurrentDictionary<(string Module, string State), Entry> _entries = new();

    public bool IsEmpty => _entries.IsEmpty;

    /// <summary>Notes that patient <paramref name="patientIndex"/>'s run of <paramref name="result"/> hit the limit.</summary>
    public void Record(CompiledModule module, ModuleRunResult result, long patientIndex)
    {
        var stopped = result.LimitModule ?? module;
        var state = result.LimitState >= 0 ? stopped.StateName(result.LimitState) : "?";
        var entry = _entries.GetOrAdd((stopped.Name, state), _ => new Entry(stopped.SourcePath));
        entry.Add(patientIndex);
    }

    /// <summary>One warning per module and state, ordered by module then state.</summary>
    public IEnumerable<string> Lines(int maxSteps = ModuleExecutor.DefaultMaxSteps)
    {
        foreach (var ((module, state), entry) in _entries.OrderBy(e => e.Key.Module, StringComparer.Ordinal).ThenBy(e => e.Key.State, StringComparer.Ordinal))
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"warning: module '{module}' ({entry.SourcePath}) hit the limit of {maxSteps:N0} steps in state '{state}' for {entry.Patients} patient(s) (first: patient {entry.FirstPatient}); their records from it repeat and stop there. Something in the loop through '{state}' must advance time (a guard whose condition stays true passes at once).");
        }
    }

    private sealed class Entry(string sourcePath)
    {
        private long _patients;
        private long _first = long.MaxValue;

        public string SourcePath { get; } = sourcePath;

        public long Patients => Interlocked.Read(ref _patients);

        public long FirstPatient => Interlocked.Read(ref _first);

        public void Add(long patientIndex)
        {
            Interlocked.Increment(ref _patients);
            long current;
            while (patientIndex < (current = Interlocked.Read(ref _first)) && Interlocked.CompareExchange(ref _first, patientIndex, current) != current)
            {
            }
        }
    }
}
