using SyntheticPatients.Generated;
using SyntheticPatients.Runtime.Generation;
using SyntheticPatients.Runtime.Lifecycle;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Validation;
using Xunit;
using Xunit.Abstractions;

namespace SyntheticPatients.Runtime.Tests.Kpi;

/// <summary>
/// Monte Carlo check of the module library: 10,000 patients of the general scenario (which runs the library's
/// modules) through the whole pipeline; every KPI in validation/kpis/*.yaml must fall in its range.
/// A failure names the module, the KPI and the measured value.
/// </summary>
public sealed class ModuleKpiTests(ITestOutputHelper output)
{
    private const int Patients = 10_000;

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SyntheticPatients.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new DirectoryNotFoundException("SyntheticPatients.sln not found");
    }

    private static List<KpiSpec> LoadKpis()
    {
        var folder = Path.Combine(RepositoryRoot(), "validation", "kpis");
        var kpis = new List<KpiSpec>();
        if (!Directory.Exists(folder)) return kpis;
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            kpis.AddRange(KpiFileReader.Read(Path.GetRelativePath(RepositoryRoot(), file), File.ReadAllText(file)));
        }
        return kpis;
    }

    [Fact]
    public void Every_library_module_has_kpis_and_every_kpi_names_a_module_of_the_general_scenario()
    {
        var kpis = LoadKpis();
        var general = ScenarioRegistry.Default;
        var withKpis = kpis.Select(k => k.Module).ToHashSet(StringComparer.Ordinal);
        var missing = ModuleRegistry.All
            .Where(m => !m.Name.StartsWith("sample_", StringComparison.Ordinal) && !withKpis.Contains(m.Name))
            .Select(m => m.Name).ToList();
        Assert.True(missing.Count == 0, "modules without validation/kpis/<module>.yaml: " + string.Join(", ", missing));
        foreach (var kpi in kpis)
        {
            Assert.True(ModuleRegistry.Find(kpi.Module) is not null, $"{kpi.File}: unknown module '{kpi.Module}'");
        }
    }

    [Fact]
    public void Kpis_hold_over_ten_thousand_patients()
    {
        var kpis = LoadKpis();
        Assert.NotEmpty(kpis);
        var scenario = ScenarioRegistry.Default;
        var modules = scenario.Modules.Select(name => ModuleRegistry.Find(name) ?? throw new InvalidOperationException("unknown module " + name)).ToList<CompiledModule>();
        var settings = new GenerationSettings
        {
            Scenario = scenario,
            Seed = 20261125,
            Modules = modules,
            AttributeCount = AttributeSlots.Count,
            AttributeNames = AttributeSlots.Names,
        };
        var evaluator = new KpiEvaluator(kpis);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        new PopulationGenerator(settings, s => BaselineSteps.Create(new ModuleExecutionStep(s)), Environment.ProcessorCount)
            .Run(Patients, evaluator.Observe);
        output.WriteLine($"{Patients} patients, {modules.Count} modules, {clock.Elapsed.TotalSeconds:F1} s");

        var results = evaluator.Results();
        foreach (var result in results) output.WriteLine((result.Passed ? "ok    " : "FAIL  ") + result);
        var failures = results.Where(r => !r.Passed).ToList();
        Assert.True(failures.Count == 0, "KPIs out of range:\n" + string.Join("\n", failures));
    }
}
