using SyntheticPatients.Runtime.Tests.Records;
using SyntheticPatients.Runtime.Validation.Realism;
using Xunit;
using Xunit.Abstractions;

namespace SyntheticPatients.Runtime.Tests.Realism;

/// <summary>
/// The realism suite: every row of validation/realism/*.yaml (a named measure, a band, a source) evaluated on one
/// Monte Carlo population of the general scenario (fixed seed). A failure prints <c>measure = value, expected [a, b] (source)</c>.
/// </summary>
public sealed class RealismTests(ITestOutputHelper output)
{
    /// <summary>10,000 patients (SP_REALISM_PATIENTS overrides it).</summary>
    private static readonly int Patients = int.TryParse(Environment.GetEnvironmentVariable("SP_REALISM_PATIENTS"), out int n) ? n : 10_000;

    private const ulong Seed = 20261206;

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SyntheticPatients.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new DirectoryNotFoundException("SyntheticPatients.sln not found");
    }

    private static List<RealismRow> LoadRows()
    {
        var root = RepositoryRoot();
        var rows = new List<RealismRow>();
        foreach (var file in Directory.GetFiles(Path.Combine(root, "validation", "realism"), "*.yaml").Order(StringComparer.Ordinal))
        {
            rows.AddRange(RealismFileReader.Read(Path.GetRelativePath(root, file), File.ReadAllText(file)));
        }
        return rows;
    }

    [Fact]
    public void Every_row_names_a_known_measure_and_cites_a_source()
    {
        var rows = LoadRows();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            Assert.True(RealismMeasures.Exists(row.Measure), $"{row.File}({row.Line}): unknown measure '{row.Measure}'; known: {string.Join(", ", RealismMeasures.Names)}");
            Assert.False(string.IsNullOrWhiteSpace(row.Source), $"{row.File}({row.Line}): '{row.Measure}' has no source");
        }
    }

    [Fact]
    public void Every_row_holds_on_the_monte_carlo_population()
    {
        var rows = LoadRows();
        var measures = rows.Select(r => r.Measure).Distinct(StringComparer.Ordinal).ToDictionary(name => name, RealismMeasures.Create, StringComparer.Ordinal);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        GeneralScenarioRun.Run(Patients, record =>
        {
            foreach (var measure in measures.Values) measure.Observe(record);
        }, Seed);
        output.WriteLine($"{Patients} patients, seed {Seed}, {clock.Elapsed.TotalSeconds:F1} s");
        var failures = new List<string>();
        foreach (var row in rows)
        {
            double value = measures[row.Measure].Value;
            bool holds = row.Holds(value);
            output.WriteLine((holds ? "ok    " : "FAIL  ") + row.Describe(value));
            if (!holds) failures.Add(row.Describe(value));
        }
        Assert.True(failures.Count == 0, "realism rows out of band:\n" + string.Join("\n", failures));
    }
}
