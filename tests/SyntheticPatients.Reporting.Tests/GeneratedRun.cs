using SyntheticPatients.Exporters;
using SyntheticPatients.Generated;
using SyntheticPatients.Reporting;
using SyntheticPatients.Runtime.Generation;
using SyntheticPatients.Runtime.Lifecycle;
using SyntheticPatients.Runtime.Pipeline;
using Xunit;

namespace SyntheticPatients.Reporting.Tests;

/// <summary>
/// One real run, generated once for the whole test assembly: the default scenario and its modules, 300 patients,
/// through the same pipeline as <c>synthpatients generate</c> (PopulationGenerator, baseline steps, module step,
/// CSV exporter), then the dashboard built from its CSV.
/// </summary>
public sealed class GeneratedRun : IDisposable
{
    public const int Patients = 300;
    public const ulong Seed = 20261123;
    public static readonly DateOnly EndDate = new(2026, 1, 1);

    public GeneratedRun()
    {
        Directory = TempDirectory();
        var scenario = ScenarioRegistry.Default;
        var settings = new GenerationSettings
        {
            Scenario = scenario,
            Seed = Seed,
            EndDate = EndDate.ToDateTime(TimeOnly.MinValue),
            Modules = scenario.Modules.Select(name => ModuleRegistry.Find(name) ?? throw new InvalidOperationException($"module {name} missing")).ToList(),
            AttributeCount = AttributeSlots.Count,
            AttributeNames = AttributeSlots.Names,
        };
        using (var exporter = new CsvExporter(Directory))
        {
            var generator = new PopulationGenerator(settings, s => BaselineSteps.Create(new ModuleExecutionStep(s)), threads: 2);
            generator.Run(Patients, exporter.Write);
            exporter.Complete();
        }
        ScenarioName = scenario.Name;
        Result = DashboardBuilder.Build(Directory, new DashboardOptions { EndDate = EndDate, Scenario = scenario.Name, Seed = Seed });
    }

    /// <summary>The run's output folder (csv/, dashboard/, report.txt).</summary>
    public string Directory { get; }

    public string ScenarioName { get; }

    public DashboardResult Result { get; }

    public string Csv(string table) => Path.Combine(Directory, "csv", table + ".csv");

    /// <summary>Every folder the tests make is inside this one, removed when the tests are done.</summary>
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "synthpatients-reporting-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A new empty folder (removed with the fixture).</summary>
    public static string TempDirectory()
    {
        var path = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GeneratedRunCollection : ICollectionFixture<GeneratedRun>
{
    public const string Name = "generated run";
}
