using System.CommandLine;
using SyntheticPatients.Cli;

// synthpatients: the command-line front door. Commands live in Commands/*.cs, one file each.
var root = new RootCommand("SyntheticPatients: realistic synthetic patient records from compiled YAML clinical modules.");
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(ModulesCommand.Create());
return root.Parse(args).Invoke();
