using System.Text.RegularExpressions;
using Xunit;

namespace SyntheticPatients.Cli.Tests;

/// <summary>
/// <c>--terminology strict|compat</c> on <c>modules check</c> and <c>generate --modules-dir</c>, which compile a folder
/// with the same catalogs (built-in plus the folder's data/terminology/) and so report the same errors.
/// </summary>
public sealed class TerminologyPolicyCliTests
{
    // I10 is in the built-in ICD-10-CM catalog, Z99.81 only in the folder's, Z99.89 in neither; 195967002 fails its
    // SNOMED CT check digit (Asthma is 195967001).
    private const string Module = """
        name: terms_demo
        categories: {conditions: augment}
        states:
          start:
            type: start
            transitions: [{to: onset}]
          onset:
            type: condition_onset
            conditions:
              - {name: Essential (primary) hypertension, icd10: I10}
              - {name: Dependence on supplemental oxygen, icd10: Z99.81}
              - {name: Dependence on other enabling machines and devices, icd10: Z99.89}
              - {name: Asthma, snomed: "195967002"}
            transitions: [{to: end}]
          end:
            type: terminal
        """;

    private const string FolderCatalog = "code,display\nZ99.81,Dependence on supplemental oxygen\n";

    private static readonly string[] Quick = { "-n", "5", "-o", "out", "--skip-fhir", "--skip-hl7", "--skip-vista", "--skip-report" };

    private static string Folder(string module)
    {
        var work = CliRunner.TempDirectory();
        Directory.CreateDirectory(Path.Combine(work, "mods", "modules"));
        Directory.CreateDirectory(Path.Combine(work, "mods", "data", "terminology"));
        File.WriteAllText(Path.Combine(work, "mods", "modules", "terms_demo.yaml"), module);
        File.WriteAllText(Path.Combine(work, "mods", "data", "terminology", "icd10cm.csv"), FolderCatalog);
        return work;
    }

    /// <summary>The errors of an output as <c>file(line,col): error SPMnnnn</c>, folder left out, sorted.</summary>
    private static List<string> Errors(string output)
        => Regex.Matches(output, @"([\w.-]+\.yaml\(\d+,\d+\): error SPM\d{4})").Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>"(line,col)" of the first occurrence of <paramref name="marker"/>, 1-based.</summary>
    private static string At(string text, string marker)
    {
        var before = text.Substring(0, text.IndexOf(marker, StringComparison.Ordinal));
        var line = before.Count(c => c == '\n') + 1;
        var column = before.Length - before.LastIndexOf('\n');
        return $"({line},{column})";
    }

    [Theory]
    [InlineData(null)]
    [InlineData("strict")]
    [InlineData("compat")]
    public void Modules_check_and_generate_modules_dir_report_the_same_errors_on_the_same_folder(string? mode)
    {
        var work = Folder(Module);
        string[] option = mode is null ? [] : ["--terminology", mode];

        var check = CliRunner.Run(work, ["modules", "check", "mods", .. option]);
        var generate = CliRunner.Run(work, ["generate", .. Quick, "--modules-dir", "mods", .. option]);

        Assert.Equal(1, check.ExitCode);
        Assert.Equal(2, generate.ExitCode);
        var expected = new List<string> { "terms_demo.yaml" + At(Module, "\"195967002\"") + ": error SPM0020" };
        if (mode != "compat") expected.Add("terms_demo.yaml" + At(Module, "Z99.89") + ": error SPM0023"); // in no catalog
        Assert.Equal(expected.Order(StringComparer.Ordinal), Errors(check.Stdout));
        Assert.Equal(Errors(check.Stdout), Errors(generate.Stderr));
        if (mode == "compat") Assert.Contains("warning SPM0023", check.Stdout);
    }

    [Fact]
    public void Compat_runs_a_module_whose_only_fault_is_an_unknown_code_and_strict_refuses_it()
    {
        var work = Folder(Module.Replace("\n      - {name: Asthma, snomed: \"195967002\"}", string.Empty));

        var strict = CliRunner.Run(work, ["generate", .. Quick, "--modules-dir", "mods"]);
        var compat = CliRunner.Run(work, ["generate", .. Quick, "--modules-dir", "mods", "--terminology", "compat"]);

        Assert.Equal(2, strict.ExitCode);
        Assert.Contains("error SPM0023", strict.Stderr);
        Assert.True(compat.ExitCode == 0, compat.Stderr);
        Assert.Contains("warning SPM0023", compat.Stderr);
    }

    [Fact]
    public void A_terminology_value_that_is_neither_strict_nor_compat_is_refused()
    {
        var work = Folder(Module);

        var check = CliRunner.Run(work, "modules", "check", "mods", "--terminology", "loose");
        var generate = CliRunner.Run(work, ["generate", .. Quick, "--modules-dir", "mods", "--terminology", "loose"]);

        Assert.Equal(2, check.ExitCode);
        Assert.Contains("--terminology 'loose' is not strict or compat", check.Stderr);
        Assert.Equal(2, generate.ExitCode);
        Assert.Contains("--terminology 'loose' is not strict or compat", generate.Stderr);
    }

    /// <summary>The seed project's 61 modules, unchanged (tests/fixtures/seed-project).</summary>
    [Fact]
    public void The_seed_modules_check_with_no_error_but_their_eight_bad_check_digits_under_compat()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "SyntheticPatients.sln"))) root = root.Parent!;
        var seed = Path.Combine(root.FullName, "tests", "fixtures", "seed-project");

        var compat = CliRunner.Run(CliRunner.TempDirectory(), "modules", "check", seed, "--terminology", "compat");
        var strict = CliRunner.Run(CliRunner.TempDirectory(), "modules", "check", seed);

        Assert.Contains("61 modules checked: 8 errors,", compat.Stdout);
        Assert.All(Errors(compat.Stdout), e => Assert.EndsWith("error SPM0020", e));
        Assert.Contains("error SPM0023", strict.Stdout);
        Assert.Equal(1, strict.ExitCode);
    }
}
