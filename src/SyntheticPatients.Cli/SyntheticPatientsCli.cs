using System.CommandLine;
using SyntheticPatients.Cli.Errors;
using SyntheticPatients.Runtime.Modules;

namespace SyntheticPatients.Cli;

/// <summary>
/// The synthpatients command line over any set of compiled modules: the built-in tool passes the module library's
/// catalog, a tailored generator (the SyntheticPatients package) its own. Commands live in Commands/*.cs, one file each.
/// </summary>
public static class SyntheticPatientsCli
{
    /// <summary>Runs one command line; returns the process exit code (<see cref="ExitCodes"/>: 0 done, 1 checks failed,
    /// 2 bad input or environment, 3 writing failed, 130 interrupted).</summary>
    /// <param name="catalog">Usually <c>SyntheticPatients.Generated.GeneratedCatalog.Instance</c> of the calling project.</param>
    public static int Run(string[] args, ModuleCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(catalog);
        var root = new RootCommand("SyntheticPatients: realistic, longitudinal synthetic patient records from compiled YAML clinical modules.");
        root.Subcommands.Add(GenerateCommand.Create(catalog));
        root.Subcommands.Add(ModulesCommand.Create(catalog));
        root.Subcommands.Add(ScenariosCommand.Create(catalog));
        root.Subcommands.Add(DashboardCommand.Create());
        root.Subcommands.Add(MergeCommand.Create());

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Unknown flags, missing values, bad numbers: one clear message each, exit code 2, nothing written.
            foreach (var error in parse.Errors) Console.Error.WriteLine("error: " + error.Message);
            Console.Error.WriteLine($"Run '{RootCommand.ExecutableName} --help' (or '<command> --help') for the options.");
            return ExitCodes.BadInput;
        }
        try
        {
            // System.CommandLine's own handler would print a stack trace and exit 1 for a full disk or a read-only
            // folder; every error goes through ErrorReporter instead.
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            return ErrorReporter.Report(ex);
        }
    }
}
