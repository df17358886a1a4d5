using System.Xml.Linq;

namespace SyntheticPatients.Package.Tests;

/// <summary>
/// The shortest tailored generator: `dotnet new console`, the package, a module and a scenario, no Program.cs (the
/// generated entry point) and without the built-in library, built with warnings as errors.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class GeneratedEntryPointTests(PackageFeed feed)
{
    private const string Module = """
        name: trial_screening
        description: Trial screening visit with an HbA1c test.
        owner: metabolic trials team    # not a module key: lint warning SPM0005, which must not fail the build
        states:
          start:
            type: start
            transitions:
              - to: screening
          screening:
            type: encounter
            encounter_type: Trial screening
            encounter_class: ambulatory
            codes:
              - system: SNOMED-CT
                code: "185349003"
                display: Encounter for check up
            transitions:
              - to: hba1c
          hba1c:
            type: observation
            attach_to_last_encounter: true
            observations:
              - name: Hemoglobin A1c/Hemoglobin.total in Blood by HPLC
                loinc: "17856-6"  # not one of the baseline labs
                units: "%"
                category: laboratory
                value_range: {low: 6.5, high: 9.5, decimals: 1}
            transitions:
              - to: done
          done:
            type: terminal
        """;

    private const string Scenario = "name: trial\ndescription: Adults screened for a metabolic trial.\nage_dist: {40-70: 1.0}\nmodules: [trial_screening]\n";

    [Fact]
    public void A_console_project_without_Program_cs_or_the_built_in_library_is_a_generator_of_its_own_modules()
    {
        var directory = Path.Combine(feed.Root, "Trial");
        var created = feed.Run(feed.Root, "new", "console", "-n", "Trial", "-o", directory);
        Assert.True(created.ExitCode == 0, created.ToString());
        File.Delete(Path.Combine(directory, "Program.cs"));
        feed.WriteNuGetConfig(directory);
        var project = Path.Combine(directory, "Trial.csproj");
        var xml = XDocument.Load(project);
        xml.Root!.Add(
            new XElement("PropertyGroup",
                new XElement("SyntheticPatientsGenerateEntryPoint", "true"),
                new XElement("SyntheticPatientsIncludeBuiltInModules", "false"),
                new XElement("TreatWarningsAsErrors", "true")),
            new XElement("ItemGroup", new XElement("PackageReference", new XAttribute("Include", "SyntheticPatients"), new XAttribute("Version", feed.Version))));
        xml.Save(project);
        Directory.CreateDirectory(Path.Combine(directory, "modules"));
        File.WriteAllText(Path.Combine(directory, "modules", "trial_screening.yaml"), Module);
        Directory.CreateDirectory(Path.Combine(directory, "scenarios"));
        File.WriteAllText(Path.Combine(directory, "scenarios", "trial.yaml"), Scenario);

        var build = feed.Run(directory, "build");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("modules/trial_screening.yaml(3,1): warning SPM0005", build.Output);

        var program = Path.Combine("bin", "Debug", "net10.0", "Trial.dll");
        var modules = feed.Run(directory, program, "modules", "list");
        Assert.True(modules.ExitCode == 0, modules.ToString());
        Assert.Contains("trial_screening  (4 states, modules/trial_screening.yaml)", modules.Output);
        Assert.Contains("\n1 modules\n", modules.Output); // the built-in library is left out

        var scenarios = feed.Run(directory, program, "scenarios", "list");
        Assert.StartsWith("trial (default)", scenarios.Output);

        var run = feed.Run(directory, program, "generate", "-n", "5", "--seed", "1", "-o", "out", "--skip-hl7", "--skip-vista");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(5, File.ReadAllLines(Path.Combine(directory, "out", "csv", "observations.csv")).Count(l => l.Contains(",laboratory,17856-6,", StringComparison.Ordinal)));
    }
}
