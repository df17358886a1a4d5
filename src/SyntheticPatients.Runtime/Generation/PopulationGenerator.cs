using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Generation;

/// <summary>
/// Generates a population in parallel and hands the records to a sink in patient-index order, from the calling
/// thread. Patients are cut into batches; up to two batches per worker are in flight, so memory is bounded by
/// the batch size and the thread count, not by the number of patients. Output depends only on the settings:
/// each patient's record is a function of (seed, index), whatever the thread count or batch size.
/// </summary>
public sealed class PopulationGenerator
{
    private readonly GenerationSettings _settings;
    private readonly Func<GenerationSettings, IReadOnlyList<IPatientStep>> _createSteps;
    private readonly ConcurrentBag<PatientPipeline> _pipelines = new();
    private readonly ConcurrentBag<PatientRecord[]> _buffers = new();

    /// <summary>
    /// Patients per batch unless told otherwise. Small on purpose: a batch's rows (about 1,500 objects per whole-life
    /// patient) live until the batch is exported, and with 256 patients per batch they outlived the young generations,
    /// so the GC promoted them to gen 2 and the heap grew to 400 MB at 10,000 patients; with 16, RSS stays near 110 MB
    /// and the GC costs less CPU (benchmarks/README.md, "Memory").
    /// </summary>
    public const int DefaultBatchSize = 16;

    public PopulationGenerator(GenerationSettings settings, Func<GenerationSettings, IReadOnlyList<IPatientStep>> createSteps, int threads, int batchSize = DefaultBatchSize)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), "At least one thread.");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), "At least one patient per batch.");
        _settings = settings;
        _createSteps = createSteps;
        Threads = threads;
        BatchSize = batchSize;
    }

    public int Threads { get; }

    public int BatchSize { get; }

    /// <summary>Generates patients 0..count-1; <paramref name="sink"/> sees them in order, one at a time.</summary>
    public void Run(long count, Action<PatientRecord> sink, Action<long>? progress = null, CancellationToken cancellationToken = default)
        => RunBatches(count, batch =>
        {
            foreach (var record in batch) sink(record);
        }, progress, cancellationToken);

    /// <summary>
    /// Generates patients 0..count-1 and hands them to <paramref name="sink"/> a batch at a time, in order, from the
    /// calling thread. The records are reused once the sink returns; until then the sink may read them from several
    /// threads (one exporter per thread), since nothing writes to them.
    /// </summary>
    public void RunBatches(long count, Action<ArraySegment<PatientRecord>> sink, Action<long>? progress = null, CancellationToken cancellationToken = default)
        => RunBatches(0, count, sink, progress, cancellationToken);

    /// <summary>
    /// Generates patients <paramref name="firstPatient"/>..firstPatient+count-1 (a shard of a larger population): each
    /// gets exactly the record it has in a run from 0, since a record depends only on (seed, patient index).
    /// </summary>
    public void RunBatches(long firstPatient, long count, Action<ArraySegment<PatientRecord>> sink, Action<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstPatient);
        long batches = (count + BatchSize - 1) / BatchSize;
        int window = Threads * 2;
        using var workers = new SemaphoreSlim(Threads);
        var inFlight = new Queue<Task<(PatientRecord[] Records, int Count)>>();
        long next = 0, written = 0;

        while (next < batches || inFlight.Count > 0)
        {
            while (next < batches && inFlight.Count < window)
            {
                long first = next * BatchSize;
                int size = (int)Math.Min(BatchSize, count - first);
                inFlight.Enqueue(GenerateBatchAsync(firstPatient + first, size, workers, cancellationToken));
                next++;
            }

            var (records, filled) = Await(inFlight.Dequeue());
            sink(new ArraySegment<PatientRecord>(records, 0, filled));
            _buffers.Add(records);
            written += filled;
            progress?.Invoke(written);
        }
    }

    private Task<(PatientRecord[], int)> GenerateBatchAsync(long first, int size, SemaphoreSlim workers, CancellationToken cancellationToken)
        => Task.Run(async () =>
        {
            await workers.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var pipeline = _pipelines.TryTake(out var p) ? p : new PatientPipeline(_settings, _createSteps(_settings));
                var records = _buffers.TryTake(out var b) && b.Length >= size ? b : NewBuffer();
                for (int i = 0; i < size; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    pipeline.Generate(first + i, records[i]);
                }
                _pipelines.Add(pipeline);
                return (records, size);
            }
            finally
            {
                workers.Release();
            }
        }, cancellationToken);

    private PatientRecord[] NewBuffer()
    {
        var buffer = new PatientRecord[BatchSize];
        for (int i = 0; i < buffer.Length; i++) buffer[i] = new PatientRecord();
        return buffer;
    }

    private static T Await<T>(Task<T> task)
    {
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
            throw;
        }
    }
}
