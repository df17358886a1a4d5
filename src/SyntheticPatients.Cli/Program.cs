using System.CommandLine;
using SyntheticPatients.Cli;

// synthpatients: the command-line front door. Commands live in Commands/*.cs, one file each.
var root = new RootCommand("SyntheticPatients: realistic, longitudinal synthetic patient records from compiled YAML clinical modules.");
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(ModulesCommand.Create());
root.Subcommands.Add(ScenariosCommand.Create());
root.Subcommands.Add(DashboardCommand.Create());

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    // Unknown flags, missing values, bad numbers: one clear message each, exit code 2, nothing written.
    foreach (var error in parse.Errors) Console.Error.WriteLine("error: " + error.Message);
    Console.Error.WriteLine("Run 'synthpatients --help' (or '<command> --help') for the options.");
    return 2;
}
return parse.Invoke();
