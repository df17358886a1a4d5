using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Scenarios;
using Xunit;

namespace SyntheticPatients.Cli.Tests;

/// <summary>
/// A tailored generator built without the built-in library and without scenarios has no default scenario: generate
/// asks for one instead of failing on a null. Runs the CLI library in process over such a catalog.
/// </summary>
public sealed class CatalogWithoutScenariosTests
{
    [Fact]
    public void Generate_asks_for_a_scenario_file()
    {
        var work = CliRunner.TempDirectory();
        var catalog = new ModuleCatalog(Array.Empty<CompiledModule>(), Array.Empty<ScenarioDefinition>(), defaultScenario: null, Array.Empty<string>());
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        int exit;
        try
        {
            exit = SyntheticPatientsCli.Run(["generate", "-n", "5", "-o", Path.Combine(work, "out")], catalog);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal(2, exit);
        Assert.Contains("This generator has no scenarios: give --scenario-file, or add scenarios/*.yaml to the project.", error.ToString());
        Assert.False(Directory.Exists(Path.Combine(work, "out")));
    }
}
