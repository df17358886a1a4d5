using System.Diagnostics;
using System.Text;
using Xunit;

namespace SyntheticPatients.Cli.Tests;

/// <summary>
/// Issue 12, end to end: hostile or broken inputs to `modules check` and `generate --modules-dir` (and the other
/// commands that read YAML) end in a located diagnostic or one clear message, quickly and in bounded memory.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly string[] Quick = { "-n", "3", "-o", "out", "--skip-fhir", "--skip-hl7", "--skip-vista", "--skip-report" };

    /// <summary>
    /// Condition l0 is {type: true}; each of l1..l8 an 'and' of ten aliases of the previous level; the start state's
    /// transition tests l8 (10^8 conditions once expanded). Before the limits: 15 s and a 1 GB heap to an OutOfMemory.
    /// </summary>
    private static string AliasBomb()
    {
        var text = new StringBuilder("name: bomb\nl0: &l0 {type: true}\n");
        for (int level = 1; level < 9; level++)
        {
            text.Append($"l{level}: &l{level} {{type: and, conditions: [");
            text.Append(string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 10))).Append("]}\n");
        }
        return text.Append("states:\n  start:\n    type: start\n    transitions:\n      - to: end\n        condition: *l8\n  end:\n    type: terminal\n").ToString();
    }

    private const string ZeroTimeLoop = """
        name: spin
        states:
          start:
            type: start
            transitions:
              - to: gate
          gate:
            type: guard
            condition: {type: true}
            transitions:
              - to: start
        """;

    /// <summary>Passes the checks (the guard's condition depends on the patient) but spins once it holds.</summary>
    private const string GuardLoop = """
        name: spin
        states:
          start:
            type: start
            transitions:
              - to: gate
          gate:
            type: guard
            condition: {type: age, operator: '>=', quantity: 0, unit: years}
            transitions:
              - to: gate
        """;

    private static string Folder(params (string Path, string Text)[] files)
    {
        var work = CliRunner.TempDirectory();
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(work, "mods", path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        return work;
    }

    private static CliRunner.Result Timed(string work, TimeSpan limit, params string[] args)
    {
        var clock = Stopwatch.StartNew();
        var result = CliRunner.Run(work, args);
        Assert.True(clock.Elapsed < limit, $"synthpatients {string.Join(' ', args)} took {clock.Elapsed}");
        return result;
    }

    private static void AssertRejected(CliRunner.Result result, string work, params string[] expected)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        foreach (var text in expected) Assert.Contains(text, result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(work, "out")), "a rejected run must not create its output folder");
    }

    [Fact]
    public void An_alias_bomb_is_refused_by_modules_check_and_generate()
    {
        var work = Folder(("modules/bomb.yaml", AliasBomb()));
        var check = Timed(work, TimeSpan.FromSeconds(60), "modules", "check", "mods");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("bomb.yaml(7,39): error SPM0028", check.Stdout);

        var generate = Timed(work, TimeSpan.FromSeconds(60), ["generate", .. Quick, "--modules-dir", "mods"]);
        AssertRejected(generate, work, "bomb.yaml(7,39): error SPM0028");
    }

    [Fact]
    public void Yaml_nested_100000_deep_is_a_diagnostic_in_every_command_that_reads_yaml()
    {
        // 200 KB; before the depth limit every command below died of a stack overflow (exit 134).
        var deep = "name: deep\nstates: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        var work = Folder(("modules/deep.yaml", deep));
        File.WriteAllText(Path.Combine(work, "scenario.yaml"), deep);
        File.WriteAllText(Path.Combine(work, "config.yaml"), deep);

        var check = CliRunner.Run(work, "modules", "check", "mods");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("deep.yaml(2,72): error SPM0027", check.Stdout);
        AssertRejected(CliRunner.Run(work, ["generate", .. Quick, "--modules-dir", "mods"]), work, "deep.yaml(2,72): error SPM0027");
        AssertRejected(CliRunner.Run(work, ["generate", .. Quick, "--scenario-file", "scenario.yaml"]), work, "scenario.yaml(2,72)", "SPM0027");
        AssertRejected(CliRunner.Run(work, "generate", "-o", "out", "--config", "config.yaml"), work, "config.yaml(2,72)", "SPM0027");
    }

    [Fact]
    public void A_symbolic_link_loop_under_the_modules_folder_is_an_error_not_a_hang()
    {
        var work = Folder(("modules/spin.yaml", GuardLoop.Replace("name: spin", "name: fine")));
        var link = Path.Combine(work, "mods", "modules", "again");
        Directory.CreateSymbolicLink(link, "..");

        var check = Timed(work, TimeSpan.FromSeconds(60), "modules", "check", "mods");
        Assert.True(check.ExitCode == 2, check.Stdout + check.Stderr);
        Assert.Contains(link + ": symbolic link to " + Path.Combine(work, "mods") + ", a folder already read", check.Stderr);

        var generate = Timed(work, TimeSpan.FromSeconds(60), ["generate", .. Quick, "--modules-dir", "mods"]);
        // The walk starts in mods/modules here, so it is the way back into it, through 'again', that is refused.
        AssertRejected(generate, work, Path.Combine("again", "modules") + ": symbolic link to", "a folder already read");
    }

    [Fact]
    public void A_loop_through_an_always_true_guard_is_refused()
    {
        var work = Folder(("modules/spin.yaml", ZeroTimeLoop));
        var check = CliRunner.Run(work, "modules", "check", "mods");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("spin.yaml(7,3): error SPM0030", check.Stdout);
        AssertRejected(CliRunner.Run(work, ["generate", .. Quick, "--modules-dir", "mods", "--module", "spin"]), work, "spin.yaml(7,3): error SPM0030");
    }

    [Fact]
    public void A_run_stopped_by_the_step_limit_is_reported_with_its_module_and_state()
    {
        var work = Folder(("modules/spin.yaml", GuardLoop));
        var result = CliRunner.Run(work, ["generate", .. Quick, "--modules-dir", "mods", "--module", "spin"]);

        // The data is written (it is valid, only repetitive) but the run says where every patient got stuck.
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("warning: module 'spin'", result.Stderr);
        Assert.Contains("hit the limit of 100,000 steps in state 'gate' for 3 patient(s) (first: patient 0)", result.Stderr);
    }

    [Fact]
    public void A_misspelt_scenario_key_is_an_error_with_a_suggestion()
    {
        var work = CliRunner.TempDirectory();
        File.WriteAllText(Path.Combine(work, "scenario.yaml"), "name: custom\nmodles: [sample_asthma]\n");
        var result = CliRunner.Run(work, ["generate", .. Quick, "--scenario-file", "scenario.yaml"]);
        AssertRejected(result, work, "scenario.yaml(2,1): error SPM0029", "did you mean 'modules'");
    }
}
