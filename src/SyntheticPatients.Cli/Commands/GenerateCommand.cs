using System.CommandLine;
using System.CommandLine.Parsing;
using SyntheticPatients.Cli.Generation;
using SyntheticPatients.Runtime.Generation;
using SyntheticPatients.Runtime.Modules;

namespace SyntheticPatients.Cli;

/// <summary>
/// <c>synthpatients generate</c>: the seed project's options, with real precedence: a flag given on the command line
/// wins over the config file, which wins over the scenario, which wins over the defaults.
/// </summary>
internal static class GenerateCommand
{
    private static readonly Option<long> Count = new("--num-records", "-n") { Description = "Number of patients to generate (with --shard: of the whole population; with --first-patient: of the slice).", DefaultValueFactory = _ => 1000 };
    private static readonly Option<string?> Shard = new("--shard") { Description = "Write only shard K of N (K from 0 to N-1) of the -n patients: patients floor(K*n/N) to floor((K+1)*n/N)-1, with the bytes they have in the whole run. 'auto/N' takes K from JOB_COMPLETION_INDEX (a Kubernetes Indexed Job). Join shard folders with 'merge' (docs/scale-out.md)." };
    private static readonly Option<long?> FirstPatient = new("--first-patient") { Description = "Write patients F to F+n-1 (counted from 0) of a larger population, with the bytes they have in a run from 0 (an explicit range; see --shard)." };
    private static readonly Option<string> Output = new("--output-dir", "-o") { Description = "Output folder. Files appear only when the run completes; a folder holding files synthpatients did not write is refused (see --force).", DefaultValueFactory = _ => "output" };
    private static readonly Option<ulong> Seed = new("--seed") { Description = "Random seed: the same seed and options give byte-identical output, whatever --threads.", DefaultValueFactory = _ => 42UL };
    private static readonly Option<string?> Scenario = new("--scenario") { Description = "Built-in scenario to generate (see 'scenarios list'; default general)." };
    private static readonly Option<string?> ScenarioFile = new("--scenario-file") { Description = "A scenario YAML file, checked like the built-in ones." };
    private static readonly Option<string?> Config = new("--config") { Description = "YAML config with the seed project's keys (num_records, output_dir, seed, output_format, *_dist, skip_*)." };
    private static readonly Option<string[]> Modules = new("--module") { Description = "Also run this module (repeatable; see 'modules list').", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<bool> Csv = new("--csv") { Description = "Tables as CSV in csv/ (the default). Every run also writes fhir/, hl7/ and vista/ unless --skip-fhir, --skip-hl7 or --skip-vista, dashboard/ and report.txt unless --skip-report, and manifest.json." };
    private static readonly Option<bool> Parquet = new("--parquet") { Description = "Tables as Parquet in parquet/ instead of csv/. No dashboard/ or report.txt (they are built from the CSV tables: use --both to have them); fhir/, hl7/, vista/ and manifest.json as with --csv." };
    private static readonly Option<bool> Both = new("--both") { Description = "Tables as CSV in csv/ and as Parquet in parquet/; everything else as with --csv." };
    private static readonly Option<bool> SkipFhir = new("--skip-fhir") { Description = "Do not write fhir/ (FHIR R4)." };
    private static readonly Option<bool> SkipHl7 = new("--skip-hl7") { Description = "Do not write hl7/ (HL7 v2.5.1 messages)." };
    private static readonly Option<bool> SkipVista = new("--skip-vista") { Description = "Do not write vista/ (VistA globals)." };
    private static readonly Option<bool> FhirBulk = new("--fhir-bulk") { Description = "Write FHIR as Bulk Data NDJSON (one file per resource type) instead of a transaction bundle per patient." };
    private static readonly Option<bool> Hl7Mllp = new("--hl7-mllp") { Description = "Frame HL7 messages for MLLP (0x0B ... 0x1C 0x0D)." };
    private static readonly Option<string?> VistaMode = new("--vista-mode") { Description = "VistA output: fileman_internal (default: ZWR globals for mupip load) or legacy (the seed's plain MUMPS listing)." };
    private static readonly Option<bool> SkipReport = new("--skip-report") { Description = "Do not write dashboard/ (summary.json, dashboard.html) and report.txt." };
    private static readonly Option<int> Threads = new("--threads") { Description = "Worker threads, 1 to 256 (default: all cores). Does not change the output.", DefaultValueFactory = _ => Math.Min(Environment.ProcessorCount, (int)SettingRange.Threads.Max) };
    private static readonly Option<int> BatchSize = new("--batch-size") { Description = "Patients per batch, 1 to 1024. Does not change the output, only memory.", DefaultValueFactory = _ => PopulationGenerator.DefaultBatchSize };
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Generate and encode every record in every selected format but write nothing to disk (no output directory, dashboard or manifest): measures throughput and memory at any size." };
    private static readonly Option<string?> ModulesDir = new("--modules-dir") { Description = "Also run the YAML modules of this folder, loaded at run time (modules/ inside it, or its own *.yaml; data/parameters/ and data/terminology/ beside them). A module named like a compiled one replaces it for this run." };
    private static readonly Option<string?> Terminology = TerminologyOption.Create();
    private static readonly Option<bool> RuntimeModulesOnly = new("--runtime-modules-only") { Description = "With --modules-dir: run only that folder's top-level modules, instead of the scenario's and --module's (compiled modules still run when a run-time module calls them)." };
    private static readonly Option<bool> Force = new("--force") { Description = "Write into an --output-dir that holds files synthpatients did not write (without it such a folder is refused): files named like the run's are replaced, all others are kept." };
    private static readonly Option<string?> EndDate = new("--end-date") { Description = "The simulated 'today', YYYY-MM-DD (default 2026-01-01): records end here or at death." };

    public static Command Create(ModuleCatalog catalog)
    {
        var command = new Command("generate", "Generate synthetic patients: CSV tables (and Parquet), FHIR R4, HL7 v2.5.1 messages, VistA globals, a dashboard and report, and a manifest with counts and SHA-256 hashes.")
        {
            Count, Shard, FirstPatient, Output, Seed, Scenario, ScenarioFile, Config, Modules, Csv, Parquet, Both,
            SkipFhir, SkipHl7, SkipVista, SkipReport, FhirBulk, Hl7Mllp, VistaMode, Threads, BatchSize, EndDate, DryRun,
            ModulesDir, Terminology, RuntimeModulesOnly, Force,
        };
        // Errors (bad input, a full disk, Ctrl-C) go to ErrorReporter through SyntheticPatientsCli.Run.
        command.SetAction(parse => GenerationRun.Execute(Resolve(parse), catalog));
        return command;
    }

    private static RunOptions Resolve(ParseResult parse)
    {
        var configPath = parse.GetValue(Config);
        var config = configPath is null ? null : ConfigFile.Load(configPath);
        bool Given(Option option) => parse.GetResult(option) is { Implicit: false };

        long count = (long)SettingRange.Count.Resolve(parse, Count, config);
        var output = Given(Output) ? parse.GetValue(Output)! : config?.Text("output_dir") ?? parse.GetValue(Output)!;
        ulong seed = (ulong)SettingRange.Seed.Resolve(parse, Seed, config);
        int threads = (int)SettingRange.Threads.Resolve(parse, Threads, config);
        int batch = (int)SettingRange.BatchSize.Resolve(parse, BatchSize, config);

        var (csv, parquet) = Formats(parse, config);
        var modules = new List<string>(config?.List("modules") ?? Array.Empty<string>());
        modules.AddRange(parse.GetValue(Modules) ?? Array.Empty<string>());

        var end = EndDateSetting.Resolve(parse.GetValue(EndDate), config);

        bool Flag(Option<bool> option, string key) => parse.GetValue(option) || (config?.Flag(key) ?? false);
        return new RunOptions(
            count, output, seed,
            parse.GetValue(Scenario) ?? config?.Text("scenario"),
            parse.GetValue(ScenarioFile) ?? config?.Text("scenario_file"),
            modules, csv, parquet,
            Flag(SkipFhir, "skip_fhir"), Flag(SkipHl7, "skip_hl7"), Flag(SkipVista, "skip_vista"), Flag(SkipReport, "skip_report"),
            threads, batch, end, config)
        {
            Slice = PatientSlice.Resolve(count, parse.GetValue(Shard), parse.GetValue(FirstPatient), Environment.GetEnvironmentVariable),
            FhirBulk = parse.GetValue(FhirBulk),
            Hl7Mllp = parse.GetValue(Hl7Mllp),
            DryRun = parse.GetValue(DryRun),
            Force = parse.GetValue(Force),
            ModulesDirectory = parse.GetValue(ModulesDir),
            Terminology = TerminologyOption.Parse(parse.GetValue(Terminology)),
            RuntimeModulesOnly = parse.GetValue(RuntimeModulesOnly),
            VistaMode = (parse.GetValue(VistaMode) ?? config?.Text("vista_mode")) switch
            {
                null or "fileman_internal" => Exporters.Vista.VistaMode.FileManInternal,
                "legacy" => Exporters.Vista.VistaMode.Legacy,
                var other => throw new InputException($"--vista-mode '{other}' is not fileman_internal or legacy."),
            },
        };
    }

    private static (bool Csv, bool Parquet) Formats(ParseResult parse, ConfigFile? config)
    {
        int chosen = (parse.GetValue(Csv) ? 1 : 0) + (parse.GetValue(Parquet) ? 1 : 0) + (parse.GetValue(Both) ? 1 : 0);
        if (chosen > 1) throw new InputException("Choose one of --csv, --parquet and --both.");
        if (parse.GetValue(Both)) return (true, true);
        if (parse.GetValue(Parquet)) return (false, true);
        if (parse.GetValue(Csv)) return (true, false);
        return config?.Text("output_format") switch
        {
            null or "csv" => (true, false),
            "parquet" => (false, true),
            "both" => (true, true),
            var other => throw new InputException($"output_format '{other}' in the config is not csv, parquet or both."),
        };
    }
}
