using Xunit;

namespace SyntheticPatients.Cli.Tests;

/// <summary>Bad input: one clear message, exit code 2, and nothing written.</summary>
public sealed class BadInputTests
{
    private static void AssertRejected(CliRunner.Result result, string work, string expectedInMessage)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expectedInMessage, result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(work, "out")), "a rejected run must not create its output folder");
    }

    [Fact]
    public void Unknown_flag()
    {
        var work = CliRunner.TempDirectory();
        AssertRejected(CliRunner.Run(work, "generate", "-n", "5", "-o", "out", "--frobnicate"), work, "--frobnicate");
    }

    [Fact]
    public void Unknown_scenario()
    {
        var work = CliRunner.TempDirectory();
        AssertRejected(CliRunner.Run(work, "generate", "-n", "5", "-o", "out", "--scenario", "no_such_scenario"), work, "no_such_scenario");
    }

    [Fact]
    public void Unknown_module()
    {
        var work = CliRunner.TempDirectory();
        AssertRejected(CliRunner.Run(work, "generate", "-n", "5", "-o", "out", "--module", "no_such_module"), work, "Unknown module 'no_such_module'");
    }

    [Fact]
    public void Malformed_config_yaml_is_reported_with_line_and_column()
    {
        var work = CliRunner.TempDirectory();
        File.WriteAllText(Path.Combine(work, "config.yaml"), "num_records: 10\nseed: [1, 2\n");
        AssertRejected(CliRunner.Run(work, "generate", "-o", "out", "--config", "config.yaml"), work, "config.yaml(");
    }

    [Fact]
    public void Unknown_config_key_is_reported_at_the_key()
    {
        var work = CliRunner.TempDirectory();
        File.WriteAllText(Path.Combine(work, "config.yaml"), "num_records: 10\nnum_recrods: 5\n");
        var result = CliRunner.Run(work, "generate", "-o", "out", "--config", "config.yaml");
        AssertRejected(result, work, "config.yaml(2,1)");
        Assert.Contains("did you mean 'num_records'", result.Stderr);
    }

    [Fact]
    public void Malformed_scenario_file_is_reported_with_line_and_column()
    {
        var work = CliRunner.TempDirectory();
        File.WriteAllText(Path.Combine(work, "scenario.yaml"), "name: custom\ngender_dist:\n  M: 0.5\n  F: 0.2\n");
        var result = CliRunner.Run(work, "generate", "-n", "5", "-o", "out", "--scenario-file", "scenario.yaml");
        AssertRejected(result, work, "scenario.yaml(");
    }

    [Fact]
    public void Zero_patients_is_rejected()
    {
        var work = CliRunner.TempDirectory();
        AssertRejected(CliRunner.Run(work, "generate", "-n", "0", "-o", "out"), work, "--num-records");
    }
}
