namespace SyntheticPatients.Cli.Generation;

/// <summary>The resolved options of one generate run (command line over config over scenario over defaults).</summary>
internal sealed record RunOptions(
    long Count,
    string OutputDirectory,
    ulong Seed,
    string? ScenarioName,
    string? ScenarioFile,
    IReadOnlyList<string> Modules,
    bool Csv,
    bool Parquet,
    bool SkipFhir,
    bool SkipHl7,
    bool SkipVista,
    bool SkipReport,
    int Threads,
    int BatchSize,
    DateTime EndDate,
    ConfigFile? Config)
{
    /// <summary>The patients written: all of 0..Count-1, or a shard or range of them (<c>--shard</c>, <c>--first-patient</c>).</summary>
    public PatientSlice? Slice { get; init; }

    /// <summary>The slice actually written (all patients when none was given).</summary>
    public PatientSlice Patients => Slice ?? new PatientSlice(0, Count);

    /// <summary>FHIR as Bulk Data NDJSON (one file per resource type) instead of one transaction bundle per patient.</summary>
    public bool FhirBulk { get; init; }

    /// <summary>Frame each HL7 message for MLLP (0x0B ... 0x1C 0x0D).</summary>
    public bool Hl7Mllp { get; init; }

    /// <summary>Generate and encode every record in every selected format, write nothing (no directory, no manifest).</summary>
    public bool DryRun { get; init; }

    /// <summary>A folder of YAML modules loaded at run time (<c>--modules-dir</c>), or null.</summary>
    public string? ModulesDirectory { get; init; }

    /// <summary>The --terminology setting for the --modules-dir folder (strict or compat; a module's own key wins).</summary>
    public SyntheticPatients.Language.Model.TerminologyMode Terminology { get; init; }

    /// <summary>Run only the run-time top-level modules (<c>--runtime-modules-only</c>).</summary>
    public bool RuntimeModulesOnly { get; init; }

    /// <summary>Write into a folder holding files the tool did not write (<c>--force</c>); they are kept.</summary>
    public bool Force { get; init; }

    public SyntheticPatients.Exporters.Vista.VistaMode VistaMode { get; init; } = SyntheticPatients.Exporters.Vista.VistaMode.FileManInternal;
}
