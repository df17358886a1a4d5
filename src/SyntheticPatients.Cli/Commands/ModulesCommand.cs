using System.CommandLine;
using SyntheticPatients.Generated;

namespace SyntheticPatients.Cli;

/// <summary><c>synthpatients modules list</c>: the modules compiled into this build.</summary>
internal static class ModulesCommand
{
    public static Command Create()
    {
        var list = new Command("list", "List the modules compiled into this build (name, states, source file).");
        list.SetAction(_ =>
        {
            foreach (var module in ModuleRegistry.All)
            {
                Console.WriteLine($"{module.Name,-40} {module.StateCount,4} states  {module.SourcePath}");
            }
            return 0;
        });
        var modules = new Command("modules", "Inspect the clinical modules.");
        modules.Subcommands.Add(list);
        return modules;
    }
}
