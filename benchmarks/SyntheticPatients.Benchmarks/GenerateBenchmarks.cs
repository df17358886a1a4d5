using BenchmarkDotNet.Attributes;
using SyntheticPatients.Exporters;
using SyntheticPatients.Exporters.Fhir;
using SyntheticPatients.Exporters.Hl7;
using SyntheticPatients.Exporters.Vista;
using SyntheticPatients.Generated;
using SyntheticPatients.Runtime.Generation;
using SyntheticPatients.Runtime.Lifecycle;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Benchmarks;

/// <summary>
/// The whole of <c>generate</c>: the general scenario with every compiled module it runs, whole lives, fixed seed.
/// <see cref="Pipeline"/> generates records only, on one thread (patients/s per core). The <c>Generate*</c>
/// benchmarks run the <see cref="PopulationGenerator"/> on every core, as the CLI does, and hand each record to the
/// exporters writing into a fresh temp directory. The <c>Export*</c> benchmarks write pre-generated records (made in
/// the setup, same patients) with one exporter, so each exporter's own cost shows. Divide the allocated column by
/// <see cref="Patients"/> for bytes per patient.
/// </summary>
[MemoryDiagnoser]
public class GenerateBenchmarks
{
    [Params(200)]
    public int Patients { get; set; }

    private GenerationSettings _settings = null!;
    private PatientRecord[] _records = Array.Empty<PatientRecord>();
    private string _directory = "";

    [GlobalSetup]
    public void Setup()
    {
        var scenario = ScenarioRegistry.Default;
        _settings = new GenerationSettings
        {
            Scenario = scenario,
            Seed = 42,
            Modules = scenario.Modules.Select(name => ModuleRegistry.Find(name)!).ToArray(),
            AttributeCount = AttributeSlots.Count,
            AttributeNames = AttributeSlots.Names,
        };
        var pipeline = NewPipeline();
        _records = new PatientRecord[Patients];
        for (int i = 0; i < Patients; i++)
        {
            _records[i] = new PatientRecord();
            pipeline.Generate(i, _records[i]);
        }
        Console.WriteLine($"// {scenario.Name}: {_settings.Modules.Count} modules, {_records.Sum(r => r.Observations.Count) / (double)Patients:F0} observations and {_records.Sum(r => r.Encounters.Count) / (double)Patients:F0} encounters per patient");
    }

    [IterationSetup]
    public void NewDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "sp-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [IterationCleanup]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Benchmark(Baseline = true, Description = "Pipeline only, 1 thread (records, no export)")]
    public long Pipeline()
    {
        var pipeline = NewPipeline();
        var record = new PatientRecord();
        long rows = 0;
        for (int i = 0; i < Patients; i++)
        {
            pipeline.Generate(i, record);
            rows += record.Observations.Count;
        }
        return rows;
    }

    [Benchmark(Description = "Generate, all cores, no export")]
    public long GenerateRecordsOnly() => Generate();

    [Benchmark(Description = "Generate, all cores, CSV")]
    public long GenerateCsv() => Generate(new CsvExporter(_directory));

    [Benchmark(Description = "Generate, all cores, all formats (CSV, Parquet, FHIR, HL7, VistA)")]
    public long GenerateAllFormats() => Generate(
        new CsvExporter(_directory), new ParquetExporter(_directory), new FhirExporter(_directory, bulk: false),
        new Hl7Exporter(_directory, mllp: false), new VistaExporter(_directory, VistaMode.FileManInternal));

    [Benchmark(Description = "Export only: CSV")]
    public long ExportCsv() => Export(new CsvExporter(_directory));

    [Benchmark(Description = "Export only: Parquet")]
    public long ExportParquet() => Export(new ParquetExporter(_directory));

    [Benchmark(Description = "Export only: FHIR bundles")]
    public long ExportFhir() => Export(new FhirExporter(_directory, bulk: false));

    [Benchmark(Description = "Export only: HL7 v2")]
    public long ExportHl7() => Export(new Hl7Exporter(_directory, mllp: false));

    [Benchmark(Description = "Export only: VistA globals")]
    public long ExportVista() => Export(new VistaExporter(_directory, VistaMode.FileManInternal));

    private PatientPipeline NewPipeline() => new(_settings, BaselineSteps.Create(new ModuleExecutionStep(_settings)));

    private long Generate(params IRecordExporter[] exporters)
    {
        long patients = 0;
        try
        {
            var generator = new PopulationGenerator(_settings, s => BaselineSteps.Create(new ModuleExecutionStep(s)), Environment.ProcessorCount);
            // As the CLI does: each exporter writes a batch on its own thread.
            generator.RunBatches(Patients, batch =>
            {
                ParallelExport.Write(exporters, batch);
                patients += batch.Count;
            });
            foreach (var exporter in exporters) exporter.Complete();
        }
        finally
        {
            foreach (var exporter in exporters) exporter.Dispose();
        }
        return patients;
    }

    private long Export(IRecordExporter exporter)
    {
        using (exporter)
        {
            foreach (var record in _records) exporter.Write(record);
            exporter.Complete();
            return exporter.RowCounts.Values.Sum();
        }
    }
}
