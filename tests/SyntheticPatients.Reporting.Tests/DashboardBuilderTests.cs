using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace SyntheticPatients.Reporting.Tests;

/// <summary>What Build writes, that it is deterministic, and how it refuses bad input (API and command line).</summary>
[Collection(GeneratedRunCollection.Name)]
public sealed class DashboardBuilderTests(GeneratedRun run)
{
    private static readonly string[] Outputs = { "report.txt", "dashboard/dashboard.html", "dashboard/summary.json" };

    /// <summary>A copy of the run's csv folder (and nothing else) in a new folder.</summary>
    private string CopyOfCsv()
    {
        var copy = GeneratedRun.TempDirectory();
        Directory.CreateDirectory(Path.Combine(copy, "csv"));
        foreach (var file in Directory.GetFiles(Path.Combine(run.Directory, "csv")))
        {
            File.Copy(file, Path.Combine(copy, "csv", Path.GetFileName(file)));
        }
        return copy;
    }

    [Fact]
    public void Build_writes_the_three_files_and_lists_them()
    {
        Assert.Equal(Outputs.Order(StringComparer.Ordinal), run.Result.Files.Order(StringComparer.Ordinal));
        foreach (var file in Outputs) Assert.True(new FileInfo(Path.Combine(run.Directory, file)).Length > 0, file);
        Assert.Empty(Directory.GetFiles(run.Directory, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Same_tables_give_the_same_bytes_and_no_clock_time()
    {
        var copy = CopyOfCsv();
        var result = DashboardBuilder.Build(copy, new DashboardOptions { EndDate = GeneratedRun.EndDate, Scenario = run.ScenarioName, Seed = GeneratedRun.Seed });
        foreach (var file in result.Files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(run.Directory, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(copy, file))), $"{file} differs");
        }
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        foreach (var file in Outputs) Assert.DoesNotContain(today, File.ReadAllText(Path.Combine(run.Directory, file)));
    }

    [Fact]
    public void Without_options_the_end_date_comes_from_the_manifest_else_from_the_data()
    {
        var copy = CopyOfCsv();
        var inferred = DashboardBuilder.Build(copy);
        Assert.Equal("data", inferred.Summary.EndDateSource);
        Assert.True(inferred.Summary.EndDate <= GeneratedRun.EndDate && inferred.Summary.EndDate > GeneratedRun.EndDate.AddYears(-1));
        Assert.Null(inferred.Summary.Scenario);

        File.WriteAllText(Path.Combine(copy, "manifest.json"), """
            { "manifestVersion": 1, "seed": 7, "scenario": "from_manifest", "options": { "end_date": "2020-06-30" } }
            """);
        var fromManifest = DashboardBuilder.Build(copy);
        Assert.Equal(new DateOnly(2020, 6, 30), fromManifest.Summary.EndDate);
        Assert.Equal("manifest", fromManifest.Summary.EndDateSource);
        Assert.Equal("from_manifest", fromManifest.Summary.Scenario);
        Assert.Equal(7UL, fromManifest.Summary.Seed);
        // Fewer patients are alive (born) at an earlier date.
        Assert.True(fromManifest.Summary.Living <= run.Result.Summary.Living + run.Result.Summary.Deceased);
    }

    [Fact]
    public void Report_is_in_the_seed_style()
    {
        var report = File.ReadAllLines(Path.Combine(run.Directory, "report.txt"));
        var s = run.Result.Summary;
        Assert.Contains($"Scenario: {run.ScenarioName}", report);
        Assert.Contains($"Patients: {GeneratedRun.Patients}", report);
        Assert.Contains($"Deaths: {s.Mortality.Deaths}", report);
        foreach (var group in s.AgeGroups) Assert.Contains($"  {group.Value}: {group.Count}", report);
        Assert.Equal(s.Living, s.AgeGroups.Sum(g => g.Count));
        foreach (var gender in s.Gender) Assert.Contains($"  {gender.Value}: {gender.Count}", report);
        int top = Array.IndexOf(report, "Top 10 conditions:");
        Assert.True(top > 0);
        Assert.StartsWith($"  {s.TopConditions[0].Description} ({s.TopConditions[0].System} {s.TopConditions[0].Code}): {s.TopConditions[0].Patients} patients", report[top + 1]);
    }

    [Fact]
    public void Summary_is_consistent_with_itself()
    {
        var s = run.Result.Summary;
        Assert.Equal(s.Patients, s.Gender.Sum(g => g.Count));
        Assert.Equal(s.Patients, s.IncomeBands.Sum(g => g.Count));
        Assert.Equal(s.Patients, s.SmokingStatus.Sum(g => g.Count));
        Assert.Equal(s.Living, s.Pyramid.Sum(b => b.Male + b.Female + b.Other));
        Assert.Equal(s.Patients, s.Living + s.Deceased);
        Assert.Equal(s.Rows("encounters"), s.EncountersPerYear.Sum(y => y.Count));
        Assert.Equal(10, s.TopConditions.Count);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.Directory, "dashboard", "summary.json")));
        Assert.Equal(1, json.RootElement.GetProperty("summaryVersion").GetInt32());
        Assert.Equal("2026-01-01", json.RootElement.GetProperty("endDate").GetString());
    }

    [Fact]
    public void Html_is_self_contained()
    {
        var html = File.ReadAllText(Path.Combine(run.Directory, "dashboard", "dashboard.html"));
        Assert.Contains("Content-Security-Policy", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("url(", html);
        Assert.DoesNotContain("src=", html);
        Assert.Contains("<svg", html);
    }

    [Fact]
    public void Missing_folder_csv_or_table_and_ragged_rows_are_clear_errors()
    {
        var missing = Path.Combine(GeneratedRun.TempDirectory(), "nope");
        Assert.Contains("no such folder", Assert.Throws<DashboardInputException>(() => DashboardBuilder.Build(missing)).Message);

        var empty = GeneratedRun.TempDirectory();
        Assert.Contains("has no csv folder", Assert.Throws<DashboardInputException>(() => DashboardBuilder.Build(empty)).Message);

        var partial = CopyOfCsv();
        File.Delete(Path.Combine(partial, "csv", "deaths.csv"));
        Assert.Contains("csv/deaths.csv is missing", Assert.Throws<DashboardInputException>(() => DashboardBuilder.Build(partial)).Message);

        var ragged = CopyOfCsv();
        File.AppendAllText(Path.Combine(ragged, "csv", "conditions.csv"), "2020-01-01,,only-three-fields\r\n");
        var message = Assert.Throws<DashboardInputException>(() => DashboardBuilder.Build(ragged)).Message;
        Assert.Contains("conditions.csv, record", message);
        Assert.Contains("3 fields, the header has 7", message);

        var unknown = CopyOfCsv();
        File.AppendAllText(Path.Combine(unknown, "csv", "conditions.csv"), "2020-01-01,,00000000-0000-0000-0000-000000000000,,SNOMED-CT,1,x\r\n");
        Assert.Contains("is not in patients.csv", Assert.Throws<DashboardInputException>(() => DashboardBuilder.Build(unknown)).Message);
        Assert.False(File.Exists(Path.Combine(unknown, "report.txt")), "nothing is written from bad input");
    }

    private static (int ExitCode, string Stdout, string Stderr) Cli(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "synthpatients.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("synthpatients did not finish");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string WithoutRunFacts(string summaryPath)
    {
        var node = JsonNode.Parse(File.ReadAllText(summaryPath))!.AsObject();
        node.Remove("scenario");
        node.Remove("seed");
        return node.ToJsonString();
    }

    [Fact]
    public void Dashboard_command_builds_the_files_and_exits_2_on_bad_input()
    {
        var copy = CopyOfCsv();
        var ok = Cli("dashboard", copy, "--end-date", "2026-01-01");
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        foreach (var file in Outputs) Assert.Contains(Path.Combine(copy, file), ok.Stdout);
        // The same numbers as the in-process build; only scenario and seed are unknown without a manifest.
        Assert.Equal(WithoutRunFacts(Path.Combine(run.Directory, "dashboard", "summary.json")), WithoutRunFacts(Path.Combine(copy, "dashboard", "summary.json")));

        var missing = Cli("dashboard", Path.Combine(copy, "does-not-exist"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such folder", missing.Stderr);

        var noCsv = Cli("dashboard", GeneratedRun.TempDirectory());
        Assert.Equal(2, noCsv.ExitCode);
        Assert.Contains("has no csv folder", noCsv.Stderr);

        var badDate = Cli("dashboard", copy, "--end-date", "01/01/2026");
        Assert.Equal(2, badDate.ExitCode);
        Assert.Contains("YYYY-MM-DD", badDate.Stderr);
    }
}
