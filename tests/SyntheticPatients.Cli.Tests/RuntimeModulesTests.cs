using Xunit;

namespace SyntheticPatients.Cli.Tests;

/// <summary><c>generate --modules-dir</c>: YAML modules loaded at run time beside (or instead of) the compiled ones.</summary>
public sealed class RuntimeModulesTests
{
    private const string NewModule = """
        name: runtime_marker
        terminology: lenient
        categories: {conditions: augment}
        states:
          start:
            type: start
            transitions: [{to: marker}]
          marker:
            type: condition_onset
            conditions:
              - {name: Dependence on enabling machine, icd10: Z99.89}
            transitions: [{to: end}]
          end:
            type: terminal
        """;

    /// <summary>Replaces the compiled submodule of sample_asthma with a one-state version.</summary>
    private const string Replacement = """
        name: sample_asthma_exacerbation
        states:
          start:
            type: start
            transitions: [{to: end}]
          end:
            type: terminal
        """;

    private static readonly string[] Quick = { "-n", "20", "-o", "out", "--skip-fhir", "--skip-hl7", "--skip-vista", "--skip-report" };

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

    [Fact]
    public void A_module_named_like_a_compiled_one_replaces_it_and_the_run_says_so()
    {
        var work = Folder(("modules/sample_asthma_exacerbation.yaml", Replacement));
        var result = CliRunner.Run(work, ["generate", .. Quick, "--scenario", "general", "--module", "sample_asthma", "--modules-dir", "mods"]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var line = Path.Combine("mods", "modules", "sample_asthma_exacerbation.yaml");
        Assert.Contains($"module 'sample_asthma_exacerbation' from {line} replaces the compiled module", result.Stdout);
        Assert.True(File.Exists(Path.Combine(work, "out", "manifest.json")));
    }

    [Fact]
    public void A_broken_module_is_reported_at_file_line_and_column_with_exit_code_2_and_nothing_written()
    {
        var work = Folder(("modules/runtime_marker.yaml", NewModule.Replace("to: end}", "to: ending}", StringComparison.Ordinal)));
        var result = CliRunner.Run(work, ["generate", .. Quick, "--modules-dir", "mods"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(Path.Combine("mods", "modules", "runtime_marker.yaml") + "(12,24): error SPM0006: Transition target 'ending'", result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(work, "out")), "a rejected run must not create its output folder");
    }

    [Fact]
    public void A_new_modules_codes_appear_in_the_csv()
    {
        var work = Folder(("runtime_marker.yaml", NewModule)); // no modules/ inside: the folder's YAML files are the modules
        var result = CliRunner.Run(work, ["generate", .. Quick, "--modules-dir", "mods", "--runtime-modules-only"]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("warning SPM0023", result.Stderr); // Z99.89 is not in the catalog; lenient makes it a warning
        var conditions = File.ReadAllLines(Path.Combine(work, "out", "csv", "conditions.csv"));
        var marked = conditions.Count(row => row.Contains("Z99.89", StringComparison.Ordinal) && row.Contains("Dependence on enabling machine", StringComparison.Ordinal));
        Assert.Equal(20, marked); // every patient, from birth
        Assert.Contains("\"modules\": \"runtime_marker\"", File.ReadAllText(Path.Combine(work, "out", "manifest.json")));
    }

    /// <summary>The repository's own modules/ and data/ as the folder: every module replaced by its interpreted twin.</summary>
    [Fact]
    public void The_library_loaded_at_run_time_writes_the_same_csv_files_as_the_compiled_library()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "SyntheticPatients.sln"))) root = root.Parent!;
        var work = CliRunner.TempDirectory();
        // The samples are not in the general scenario; naming them keeps the module lists of both runs equal.
        string[] run = ["generate", "-n", "50", "--skip-fhir", "--skip-hl7", "--skip-vista", "--skip-report", "--module", "sample_asthma", "--module", "sample_hypertension"];
        var compiled = CliRunner.Run(work, [.. run, "-o", "compiled"]);
        var interpreted = CliRunner.Run(work, [.. run, "-o", "interpreted", "--modules-dir", root.FullName]);

        Assert.True(compiled.ExitCode == 0, compiled.Stderr);
        Assert.True(interpreted.ExitCode == 0, interpreted.Stderr);
        Assert.Contains("module 'asthma' from ", interpreted.Stdout);
        var files = Directory.GetFiles(Path.Combine(work, "compiled", "csv")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("conditions.csv", files);
        Assert.Equal(files, Directory.GetFiles(Path.Combine(work, "interpreted", "csv")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(work, "compiled", "csv", file!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(work, "interpreted", "csv", file!))),
                file + " differs between the compiled and the interpreted library");
        }
    }

    [Fact]
    public void Runtime_modules_only_needs_a_modules_folder()
    {
        var work = CliRunner.TempDirectory();
        var result = CliRunner.Run(work, ["generate", .. Quick, "--runtime-modules-only"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--runtime-modules-only needs --modules-dir", result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(work, "out")));
    }
}
