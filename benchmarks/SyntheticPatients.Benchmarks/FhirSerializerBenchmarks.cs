using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Hl7.Fhir.Serialization;
using SyntheticPatients.Exporters;
using SyntheticPatients.Exporters.Fhir;
using SyntheticPatients.Runtime.Records;
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
    [Params(100)]
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
        for (int i = 0; i < _patients.Length; i++)
        {
            var ours = Direct(_patients[i]);
            var reader = new Utf8JsonReader(ours);
            if (!FhirJsonDeserializer.STRICT.TryDeserializeResource(ref reader, out var resource, out var issues))
            {
                throw new InvalidOperationException("Firely rejects bundle " + i + ": " + string.Join("; ", issues.Select(x => x.Message)));
            }
            _pocos[i] = (FhirModel.Bundle)resource!;
            if (!ours.AsSpan().SequenceEqual(Firely(_pocos[i])))
            {
                throw new InvalidOperationException($"Firely and the direct writer disagree on bundle {i}.");
            }
        }
    }

    /// <summary>Average bundle size in bytes (for MB/s).</summary>
    public double AverageBytes => _patients.Average(p => Direct(p).Length);

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
/// The FHIR exporter end to end, as the orchestrator calls it: 1,000 patients written to a fresh directory under the
/// temp folder, as one bundle file per patient or as bulk NDJSON.
/// </summary>
[MemoryDiagnoser]
public class FhirExporterBenchmarks
{
    [Params(1_000)]
    public int Patients { get; set; }

    private PatientRecord[] _patients = Array.Empty<PatientRecord>();
    private string _directory = "";

    [GlobalSetup]
    public void Setup() => _patients = FhirBenchmarkPatients.Create(Patients);

    [IterationSetup]
    public void NewDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "sp-bench-fhir-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [IterationCleanup]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Benchmark(Baseline = true, Description = "FhirExporter, bundles (1 file per patient)")]
    public long Bundles() => Run(new FhirExporter(_directory, bulk: false));

    [Benchmark(Description = "FhirExporter, bulk NDJSON (12 files)")]
    public long Bulk() => Run(new FhirExporter(_directory, bulk: true));

    private long Run(IRecordExporter exporter)
    {
        using (exporter)
        {
            foreach (var p in _patients) exporter.Write(p);
            exporter.Complete();
            return exporter.RowCounts.Values.Sum();
        }
    }
}

/// <summary>
/// <see cref="SamplePatients"/> (about 140 records a patient) with distinct organization and clinician ids (the
/// sample reuses its payer id for both, which a FHIR bundle cannot hold twice), and a systolic/diastolic pair per
/// encounter so blood pressure panels are part of the work.
/// </summary>
public static class FhirBenchmarkPatients
{
    private static readonly Guid[] Organizations = { new("7f000000-0000-4000-8000-00000000a001"), new("7f000000-0000-4000-8000-00000000a002") };

    private static readonly Guid[] Clinicians =
    {
        new("7f000000-0000-4000-8000-00000000b001"), new("7f000000-0000-4000-8000-00000000b002"),
        new("7f000000-0000-4000-8000-00000000b003"), new("7f000000-0000-4000-8000-00000000b004"),
    };

    private static readonly Runtime.Definitions.ObservationDefinition Systolic = new("Systolic Blood Pressure",
        new[] { new Runtime.Definitions.Code("LOINC", "8480-6", "Systolic Blood Pressure") }) { Units = "mm[Hg]", Category = "vital-signs" };

    private static readonly Runtime.Definitions.ObservationDefinition Diastolic = new("Diastolic Blood Pressure",
        new[] { new Runtime.Definitions.Code("LOINC", "8462-4", "Diastolic Blood Pressure") }) { Units = "mm[Hg]", Category = "vital-signs" };

    public static PatientRecord[] Create(int count)
    {
        var patients = SamplePatients.Create(count);
        foreach (var p in patients)
        {
            for (int i = 0; i < p.Encounters.Count; i++)
            {
                var e = p.Encounters[i];
                p.Encounters[i] = e with { OrganizationId = Organizations[i % Organizations.Length], ProviderId = Clinicians[(i + (int)p.Index) % Clinicians.Length] };
                p.Observations.Add(new ObservationRecord(e.Start, e.Id, Systolic, 110 + i, null, "baseline"));
                p.Observations.Add(new ObservationRecord(e.Start, e.Id, Diastolic, 70 + i, null, "baseline"));
            }
        }
        return patients;
    }
}
