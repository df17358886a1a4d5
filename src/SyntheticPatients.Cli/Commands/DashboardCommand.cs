using System.CommandLine;
using System.Globalization;
using SyntheticPatients.Reporting;

namespace SyntheticPatients.Cli;

/// <summary>
/// <c>synthpatients dashboard &lt;out&gt;</c>: (re)builds a run's dashboard/summary.json, dashboard/dashboard.html and
/// report.txt from its csv/ tables. Bad input (no folder, no csv, a malformed table) is one message and exit code 2.
/// </summary>
internal static class DashboardCommand
{
    private static readonly Argument<string> Folder = new("output-dir") { Description = "The output folder of a generate run (the one holding csv/ and manifest.json)." };
    private static readonly Option<string?> EndDate = new("--end-date") { Description = "Take ages at this date, YYYY-MM-DD (default: the run's end date from manifest.json, else the latest date recorded)." };

    public static Command Create()
    {
        var command = new Command("dashboard", "Summarize a run's CSV tables: dashboard/summary.json, dashboard/dashboard.html (self-contained) and report.txt.")
        {
            Folder, EndDate,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(Folder)!;
            DateOnly? end = null;
            if (parse.GetValue(EndDate) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    Console.Error.WriteLine($"error: --end-date '{text}' is not a date: write it as YYYY-MM-DD.");
                    return 2;
                }
                end = parsed;
            }
            try
            {
                var result = DashboardBuilder.Build(folder, new DashboardOptions { EndDate = end });
                var full = Path.GetFullPath(folder);
                foreach (var file in result.Files) Console.WriteLine(Path.Combine(full, file));
                return 0;
            }
            catch (DashboardInputException ex)
            {
                Console.Error.WriteLine("error: " + ex.Message);
                return 2;
            }
        });
        return command;
    }
}
