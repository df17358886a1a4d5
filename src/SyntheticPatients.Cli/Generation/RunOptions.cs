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
    ConfigFile? Config);
