using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Hl7.Fhir.Serialization;
using SyntheticPatients.Exporters;
using SyntheticPatients.Exporters.Fhir;
using SyntheticPatients.Runtime.Lifecycle;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;
using SyntheticPatients.Runtime.Scenarios;
using FhirModel = Hl7.Fhir.Model;

namespace SyntheticPatients.Benchmarks;

/// <summary>
/// FHIR bundle serialization: the exporter's direct <see cref="Utf8JsonWriter"/> path (<see cref="FhirBundleWriter"/>,
/// records to JSON) against Firely's serializer (Hl7.Fhir.R4 6.8.0) writing the same Bundles. Firely is handed
/// ready-made POCOs, parsed in the setup from the direct path's output, so its figures leave out the cost of building
/// the object model from the records: the ratio is a lower bound of what the direct path saves. Everything is written
/// to memory (one reused buffer): serialization, not disk. The setup checks both produce the same bytes.
/// </summary>
[MemoryDiagnoser]
public class FhirSerializerBenchmarks
{
    [Params(50)]
    public int Bundles { get; set; }

    private PatientRecord[] _patients = Array.Empty<PatientRecord>();
    private FhirModel.Bundle[] _pocos = Array.Empty<FhirModel.Bundle>();
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);
    private readonly FhirBundleWriter _direct = new();
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _patients = FhirBenchmarkPatients.Create(Bundles);
        _writer = new Utf8JsonWriter(_buffer, FhirBundleWriter.WriterOptions);
        _pocos = new FhirModel.Bundle[_patients.Length];
        long bytes = 0, entries = 0;
        for (int i = 0; i < _patients.Length; i++)
        {
            var ours = Direct(_patients[i]);
            bytes += ours.Length;
            var reader = new Utf8JsonReader(ours);
            if (!FhirJsonDeserializer.STRICT.TryDeserializeResource(ref reader, out var resource, out var issues))
            {
                throw new InvalidOperationException("Firely rejects bundle " + i + ": " + string.Join("; ", issues.Select(x => x.Message)));
            }
            _pocos[i] = (FhirModel.Bundle)resource!;
            entries += _pocos[i].Entry.Count;
            if (!ours.AsSpan().SequenceEqual(Firely(_pocos[i])))
            {
                throw new InvalidOperationException($"Firely and the direct writer disagree on bundle {i}.");
            }
        }
        Console.WriteLine($"// {_patients.Length} bundles: {entries / (double)_patients.Length:F0} entries and {bytes / (double)_patients.Length / 1024:F0} KiB each on average; Firely writes the same bytes.");
    }

    [Benchmark(Baseline = true, Description = "Direct Utf8JsonWriter (records → JSON)")]
    public long DirectWriter()
    {
        long bytes = 0;
        foreach (var p in _patients)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            _direct.Write(p, _writer);
            _writer.Flush();
            bytes += _buffer.WrittenCount;
        }
        return bytes;
    }

    [Benchmark(Description = "Firely BaseFhirJsonSerializer → reused Utf8JsonWriter (POCO → JSON)")]
    public long FirelyUtf8Writer()
    {
        long bytes = 0;
        foreach (var bundle in _pocos)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            FhirJsonSerializer.Default.Serialize(bundle, _writer);
            _writer.Flush();
            bytes += _buffer.WrittenCount;
        }
        return bytes;
    }

    [Benchmark(Description = "Firely SerializeToBytes (POCO → JSON)")]
    public long FirelyToBytes()
    {
        long bytes = 0;
        foreach (var bundle in _pocos) bytes += FhirJsonSerializer.Default.SerializeToBytes(bundle).Length;
        return bytes;
    }

    private byte[] Direct(PatientRecord patient)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _direct.Write(patient, _writer);
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    private byte[] Firely(FhirModel.Bundle bundle)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        FhirJsonSerializer.Default.Serialize(bundle, _writer);
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }
}

/// <summary>
/// The FHIR exporter end to end, as the orchestrator calls it: 200 pipeline patients written to a fresh directory
/// under the temp folder, as one bundle file per patient or as bulk NDJSON.
/// </summary>
[MemoryDiagnoser]
public class FhirExporterBenchmarks : FileOutputBenchmark
{
    [Params(200)]
    public int Patients { get; set; }

    private PatientRecord[] _patients = Array.Empty<PatientRecord>();

    [GlobalSetup]
    public void Setup() => _patients = FhirBenchmarkPatients.Create(Patients);

    [Benchmark(Baseline = true, Description = "FhirExporter, bundles (1 file per patient)")]
    public long Bundles() => WriteAll(new FhirExporter(OutputDirectory, bulk: false), _patients);

    [Benchmark(Description = "FhirExporter, bulk NDJSON (12 files)")]
    public long Bulk() => WriteAll(new FhirExporter(OutputDirectory, bulk: true), _patients);
}

/// <summary>
/// Patients of the real baseline pipeline (<see cref="BaselineSteps"/>, US-like scenario, fixed seed): whole lives,
/// so a bundle holds a few hundred resources (mostly vital signs and laboratory observations).
/// </summary>
public static class FhirBenchmarkPatients
{
    private static readonly ScenarioDefinition UnitedStates = new()
    {
        Name = "fhir-benchmark-us",
        Ages = new[] { new AgeBand(0, 17, 22), new AgeBand(18, 44, 36), new AgeBand(45, 64, 25), new AgeBand(65, 84, 15), new AgeBand(85, 100, 2) },
        Gender = WeightedChoice.Of(("M", 49), ("F", 51)),
        Race = WeightedChoice.Of(("white", 61), ("black", 12), ("asian", 6), ("native", 1), ("hawaiian", 0.2), ("other", 19.8)),
        Ethnicity = WeightedChoice.Of(("hispanic", 19), ("nonhispanic", 81)),
        Smoking = WeightedChoice.Of(("never", 65), ("former", 22), ("current", 13)),
        Alcohol = WeightedChoice.Of(("never", 30), ("occasional", 40), ("moderate", 24), ("heavy", 6)),
        Education = WeightedChoice.Of(("less_than_high_school", 10), ("high_school", 28), ("some_college", 27), ("bachelors", 22), ("graduate", 13)),
        Employment = WeightedChoice.Of(("employed", 60), ("unemployed", 5), ("retired", 18), ("student", 8), ("disabled", 5), ("homemaker", 4)),
        Housing = WeightedChoice.Of(("owner", 64), ("renter", 33), ("temporary", 2), ("homeless", 1)),
        Income = new[] { new IncomeBand(0, 25_000, 18), new IncomeBand(25_001, 50_000, 20), new IncomeBand(50_001, 100_000, 30), new IncomeBand(100_001, 200_000, 24), new IncomeBand(200_001, 500_000, 8) },
        Insurance = WeightedChoice.Of(("private", 55), ("medicare", 18), ("medicaid", 17), ("dual", 2), ("uninsured", 7), ("military", 1)),
    };

    public static PatientRecord[] Create(int count)
    {
        var pipeline = new PatientPipeline(new GenerationSettings { Scenario = UnitedStates, Seed = 20261125 }, BaselineSteps.Create());
        var patients = new PatientRecord[count];
        for (int i = 0; i < count; i++)
        {
            patients[i] = new PatientRecord();
            pipeline.Generate(i, patients[i]);
        }
        return patients;
    }
}
