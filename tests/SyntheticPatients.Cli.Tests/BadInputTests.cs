using Xunit;

namespace SyntheticPatients.Cli.Tests;

/// <summary>Bad input: one clear message, exit code 2, and nothing written.</summary>
public sealed class BadInputTests
{
    private static void AssertRejected(CliRunner.Result result, string work, string expectedInMessage)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expectedInMessage, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr); // one message, no stack trace
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

    [Theory]
    [InlineData("--batch-size", "2147483647")] // allocated a 2^31-element batch: OutOfMemoryException, exit 1
    [InlineData("--end-date", "9999-12-31")] // overflowed DateTime: ArgumentOutOfRangeException, exit 1
    [InlineData("--end-date", "0001-01-01")]
    public void Out_of_range_flag_values_are_one_message_naming_the_flag(string flag, string value)
    {
        var work = CliRunner.TempDirectory();
        var result = CliRunner.Run(work, "generate", "-n", "5", "-o", "out", flag, value);
        AssertRejected(result, work, flag);
        Assert.Contains("out of range: use ", result.Stderr);
    }

    [Theory]
    [InlineData("seed: -1", "seed (--seed) is -1, out of range: use 0 to 18446744073709551615")] // became seed 2^64-1
    [InlineData("threads: 4294967297", "threads (--threads) is 4294967297, out of range: use 1 to")] // became 1 thread
    [InlineData("batch_size: 2147483647", "batch_size (--batch-size) is 2147483647, out of range: use 1 to")]
    [InlineData("num_records: 0", "num_records (--num-records) is 0, out of range: use 1 to")]
    [InlineData("end_date: 9999-12-31", "end_date (--end-date) '9999-12-31' is out of range: use 1900-01-01 to 2200-12-31")]
    public void Config_values_get_the_same_range_checks_as_their_flags_at_their_line(string setting, string expected)
    {
        var work = CliRunner.TempDirectory();
        File.WriteAllText(Path.Combine(work, "config.yaml"), "output_format: csv\n" + setting + "\n");
        var result = CliRunner.Run(work, "generate", "-o", "out", "--config", "config.yaml");
        AssertRejected(result, work, "config.yaml(2,");
        Assert.Contains(expected, result.Stderr);
    }

    [Theory]
    [InlineData("afile", "'afile' is a file, not a folder")] // was IOException from Directory.CreateDirectory, exit 1
    [InlineData("afile/out", "which is a file, not a folder")]
    [InlineData("", "--output-dir is empty")] // was ArgumentException from Path.GetFullPath, exit 1
    public void An_output_path_that_cannot_be_a_folder_is_one_message(string output, string expected)
    {
        var work = CliRunner.TempDirectory();
        File.WriteAllText(Path.Combine(work, "afile"), "the user's file");
        AssertRejected(CliRunner.Run(work, "generate", "-n", "5", "-o", output), work, expected);
        Assert.Equal("the user's file", File.ReadAllText(Path.Combine(work, "afile")));
    }
}
