using System.Diagnostics;
using System.Globalization;
using SyntheticPatients.Cli.Output;
using SyntheticPatients.Exporters;
using SyntheticPatients.Exporters.Fhir;
using SyntheticPatients.Exporters.Hl7;
using SyntheticPatients.Exporters.Vista;
using SyntheticPatients.Reporting;
using SyntheticPatients.Runtime.Generation;
using SyntheticPatients.Runtime.Lifecycle;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Modules.Interpretation;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Cli.Generation;

/// <summary>One generate run: resolve the scenario and modules, generate in parallel, export, write the manifest, commit.</summary>
internal static class GenerationRun
{
    public static int Execute(RunOptions options, ModuleCatalog catalog)
    {
        // Everything that can be wrong with the input is checked before anything is written.
        var runtime = RuntimeModules.Load(options, catalog);
        var scenario = ScenarioResolver.Resolve(options, catalog, runtime?.Modules.Select(m => m.Name));
        var modules = ResolveModules(scenario.Modules.Concat(options.Modules), catalog, runtime);
        if (runtime is not null) modules = runtime.ModulesForRun(modules, options.RuntimeModulesOnly);
        var settings = new GenerationSettings
        {
            Scenario = scenario,
            Seed = options.Seed,
            EndDate = options.EndDate,
            Modules = modules,
            AttributeCount = runtime?.AttributeCount ?? catalog.AttributeCount,
            AttributeNames = runtime?.AttributeNames ?? catalog.AttributeNames,
            ModuleReplacements = runtime?.Replacements,
        };
        if (runtime is not null) RuntimeModules.Announce(runtime);

        var clock = Stopwatch.StartNew();
        using var interruption = new Interruption();
        // A dry run has no output directory: the exporters encode everything into streams that count and drop it.
        using var output = options.DryRun ? null : new OutputDirectory(options.OutputDirectory, options.Force);
        foreach (var name in output?.RemovedStaging ?? Array.Empty<string>())
        {
            Console.Error.WriteLine($"removed {name}, the staging folder of a run that was killed before it completed");
        }
        var target = output is null ? OutputTarget.Discard() : OutputTarget.Folder(output.Staging);
        var exporters = new List<IRecordExporter>();
        var files = new List<string>();
        try
        {
            if (options.Csv) exporters.Add(new CsvExporter(target));
            if (options.Parquet) exporters.Add(new ParquetExporter(target));
            if (!options.SkipFhir) exporters.Add(new FhirExporter(target, options.FhirBulk));
            if (!options.SkipHl7) exporters.Add(new Hl7Exporter(target, options.Hl7Mllp));
            if (!options.SkipVista) exporters.Add(new VistaExporter(target, options.VistaMode));
            var stepLimits = new StepLimitLog();
            var generator = new PopulationGenerator(settings, s => BaselineSteps.Create(new ModuleExecutionStep(s, stepLimits)), options.Threads, options.BatchSize);
            var slice = options.Patients;
            ProgressReporter.Run(slice.Count, report => generator.RunBatches(slice.First, slice.Count, batch => ParallelExport.Write(exporters, batch), report, interruption.Token));
            // The output is still written (the records are valid, only repetitive), but never silently: see StepLimitLog.
            foreach (var line in stepLimits.Lines()) Console.Error.WriteLine(line);
            foreach (var exporter in exporters) exporter.Complete();

            files.AddRange(exporters.SelectMany(e => e.Files));
            if (output is null)
            {
                // The dashboard and the manifest read the files back: there are none.
                var elapsed = clock.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{slice.Count} patients, dry run: {files.Count} files, {target.BytesDiscarded} bytes encoded in {elapsed:F1} s ({slice.Count / Math.Max(elapsed, 1e-9):F0} patients/s, {target.BytesDiscarded / 1e6 / Math.Max(elapsed, 1e-9):F0} MB/s), nothing written"));
                return 0;
            }
            interruption.Token.ThrowIfCancellationRequested();
            if (!options.Csv && !options.SkipReport)
            {
                Console.Error.WriteLine("note: no dashboard/ or report.txt: they are built from the CSV tables, which --parquet does not write (use --both to have them).");
            }
            else if (!options.SkipReport)
            {
                // dashboard/summary.json, dashboard/dashboard.html and report.txt, read back from the CSV tables.
                var dashboard = new DashboardOptions { EndDate = DateOnly.FromDateTime(options.EndDate), Scenario = scenario.Name, Seed = options.Seed };
                files.AddRange(DashboardBuilder.Build(output.Staging, dashboard).Files);
            }
            ManifestWriter.Write(output.Staging, new ManifestInfo
            {
                ToolVersion = typeof(GenerationRun).Assembly.GetName().Version?.ToString() ?? "0.0.0",
                Seed = options.Seed,
                Scenario = scenario.Name,
                Patients = slice.Count,
                Options = new SortedDictionary<string, string>(SliceOptions(slice).Concat(RuntimeModules.ManifestOptions(options)).ToDictionary(), StringComparer.Ordinal)
                {
                    ["end_date"] = options.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["modules"] = string.Join(",", modules.Select(m => m.Name)),
                    ["fhir"] = options.SkipFhir ? "skipped" : options.FhirBulk ? "bulk_ndjson" : "transaction_bundles",
                    ["hl7"] = options.SkipHl7 ? "skipped" : options.Hl7Mllp ? "mllp" : "plain",
                    ["vista"] = options.SkipVista ? "skipped" : options.VistaMode == VistaMode.Legacy ? "legacy" : "fileman_internal",
                    ["formats"] = string.Join(",", new[] { options.Csv ? "csv" : null, options.Parquet ? "parquet" : null }.Where(f => f is not null)),
                },
                RowCounts = MergeCounts(exporters),
                Files = files,
            });
        }
        finally
        {
            foreach (var exporter in exporters) exporter.Dispose();
        }
        // The last point where Ctrl-C stops the run; the commit that follows is a few renames and always completes.
        interruption.Token.ThrowIfCancellationRequested();
        output.Commit(ManifestWriter.FileName);

        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{options.Patients.Count} patients{SliceNote(options.Patients)}, {files.Count + 1} files in {seconds:F1} s ({options.Patients.Count / Math.Max(seconds, 1e-9):F0} patients/s) -> {output.Target}"));
        return 0;
    }

    /// <summary>The manifest keys of a part of a population (none for a whole run, so its manifest is as before).</summary>
    private static IEnumerable<KeyValuePair<string, string>> SliceOptions(PatientSlice slice)
    {
        if (!slice.IsPart) yield break;
        yield return new(ShardManifest.FirstPatientKey, slice.First.ToString(CultureInfo.InvariantCulture));
        if (slice.ShardText is { } shard) yield return new(ShardManifest.ShardKey, shard);
    }

    private static string SliceNote(PatientSlice slice) => slice.IsPart
        ? string.Create(CultureInfo.InvariantCulture, $" (#{slice.First} to #{slice.First + slice.Count - 1}{(slice.ShardText is { } s ? ", shard " + s : "")})")
        : "";

    /// <summary>The modules named by the scenario and --module: a run-time module of that name first, else the compiled one.</summary>
    private static IReadOnlyList<CompiledModule> ResolveModules(IEnumerable<string> names, ModuleCatalog catalog, RuntimeModuleSet? runtime)
    {
        var modules = new List<CompiledModule>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            var module = runtime?.Find(name) ?? catalog.Find(name)
                ?? throw new InputException($"Unknown module '{name}'. Run 'synthpatients modules list' to see the modules of this build.");
            modules.Add(module);
        }
        return modules;
    }

    private static IReadOnlyDictionary<string, long> MergeCounts(IEnumerable<IRecordExporter> exporters)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var exporter in exporters)
        {
            foreach (var (table, rows) in exporter.RowCounts) counts[table] = rows;
        }
        return counts;
    }
}
