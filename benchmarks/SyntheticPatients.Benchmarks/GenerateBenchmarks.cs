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
public class GenerateBenchmarks : FileOutputBenchmark
{
    [Params(200)]
    public int Patients { get; set; }

    private GenerationSettings _settings = null!;
    private PatientRecord[] _records = Array.Empty<PatientRecord>();

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

    [Benchmark(Description = "Demographics and modules steps only, 1 thread")]
    public long DemographicsAndModules() => Steps(new DemographicsStep(), new ModuleExecutionStep(_settings));

    [Benchmark(Description = "Demographics step only, 1 thread")]
    public long DemographicsOnly() => Steps(new DemographicsStep());

        [Benchmark(Description = "Generate, all cores, no export")]
    public long GenerateRecordsOnly() => Generate();

    [Benchmark(Description = "Generate, all cores, CSV")]
    public long GenerateCsv() => Generate(new CsvExporter(OutputDirectory));

    [Benchmark(Description = "Generate, all cores, all formats (CSV, Parquet, FHIR, HL7, VistA)")]
    public long GenerateAllFormats() => Generate(
        new CsvExporter(OutputDirectory), new ParquetExporter(OutputDirectory), new FhirExporter(OutputDirectory, bulk: false),
        new Hl7Exporter(OutputDirectory, mllp: false), new VistaExporter(OutputDirectory, VistaMode.FileManInternal));

    [Benchmark(Description = "Export only: CSV")]
    public long ExportCsv() => WriteAll(new CsvExporter(OutputDirectory), _records);

    [Benchmark(Description = "Export only: Parquet")]
    public long ExportParquet() => WriteAll(new ParquetExporter(OutputDirectory), _records);

    [Benchmark(Description = "Export only: FHIR bundles")]
    public long ExportFhir() => WriteAll(new FhirExporter(OutputDirectory, bulk: false), _records);

    [Benchmark(Description = "Export only: HL7 v2")]
    public long ExportHl7() => WriteAll(new Hl7Exporter(OutputDirectory, mllp: false), _records);

    [Benchmark(Description = "Export only: VistA globals")]
    public long ExportVista() => WriteAll(new VistaExporter(OutputDirectory, VistaMode.FileManInternal), _records);

    /// <summary>Some of the pipeline's steps for every patient (the module engine's share is the difference of two).</summary>
    private long Steps(params IPatientStep[] steps)
    {
        var pipeline = new PatientPipeline(_settings, steps);
        var record = new PatientRecord();
        long rows = 0;
        for (int i = 0; i < Patients; i++)
        {
            pipeline.Generate(i, record);
            rows += record.Conditions.Count;
        }
        return rows;
    }

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

}
