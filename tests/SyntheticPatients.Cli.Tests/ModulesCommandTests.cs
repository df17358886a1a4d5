using Xunit;

namespace SyntheticPatients.Cli.Tests;

public sealed class ModulesCommandTests
{
    private const string Broken = """
        name: broken
        states:
          start:
            type: start
            transitions:
              - to: folow_up
          follow_up:
            type: delay
            duration_days: 30
            transitions:
              - to: end
          end:
            type: terminal
        """;

    [Fact]
    public void Check_reports_located_errors_with_the_real_path_and_exits_1()
    {
        var work = CliRunner.TempDirectory();
        File.WriteAllText(Path.Combine(work, "broken.yaml"), Broken);
        var result = CliRunner.Run(work, "modules", "check", work);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(Path.Combine(work, "broken.yaml") + "(6,13): error SPM0006", result.Stdout);
        Assert.Contains("did you mean 'follow_up'", result.Stdout);
    }

    [Fact]
    public void Check_of_a_clean_folder_exits_0()
    {
        var work = CliRunner.TempDirectory();
        File.WriteAllText(Path.Combine(work, "fine.yaml"), Broken.Replace("name: broken", "name: fine").Replace("folow_up", "follow_up"));
        var result = CliRunner.Run(work, "modules", "check", work);
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("1 modules checked: 0 errors, 0 warnings", result.Stdout);
    }

    [Fact]
    public void Graph_prints_a_mermaid_flowchart_of_a_compiled_module()
    {
        var result = CliRunner.Run(CliRunner.TempDirectory(), "modules", "graph", "sample_asthma_exacerbation");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("flowchart TD", result.Stdout);
        Assert.Contains("-->", result.Stdout);
    }

    [Fact]
    public void List_shows_every_module_with_its_state_count()
    {
        var result = CliRunner.Run(CliRunner.TempDirectory(), "modules", "list");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("sample_hypertension  (29 states", result.Stdout);
        Assert.Matches(@"\d+ modules", result.Stdout);
    }
}
