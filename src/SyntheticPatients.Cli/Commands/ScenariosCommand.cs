using System.CommandLine;
using SyntheticPatients.Runtime.Modules;

namespace SyntheticPatients.Cli;

/// <summary><c>synthpatients scenarios list</c>: the scenarios compiled into this build.</summary>
internal static class ScenariosCommand
{
    public static Command Create(ModuleCatalog catalog)
    {
        var list = new Command("list", "List the built-in scenarios (name, modules, description).");
        list.SetAction(_ =>
        {
            foreach (var scenario in catalog.Scenarios)
            {
                var marker = scenario.Name == catalog.DefaultScenario?.Name ? " (default)" : "";
                Console.WriteLine($"{scenario.Name + marker,-32} modules: {(scenario.Modules.Count == 0 ? "-" : string.Join(", ", scenario.Modules))}");
                if (scenario.Description.Length > 0) Console.WriteLine("    " + scenario.Description);
            }
            return 0;
        });
        var scenarios = new Command("scenarios", "Inspect the built-in population scenarios.");
        scenarios.Subcommands.Add(list);
        return scenarios;
    }
}
