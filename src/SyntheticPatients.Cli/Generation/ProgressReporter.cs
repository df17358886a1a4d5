using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace SyntheticPatients.Cli.Generation;

/// <summary>
/// Progress for long runs: a Spectre.Console bar on an interactive terminal, plain lines (at most one per
/// second, always on stderr) when output is redirected, so logs stay readable.
/// </summary>
internal static class ProgressReporter
{
    public static void Run(long total, Action<Action<long>> work)
    {
        if (!Console.IsErrorRedirected && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask("Generating patients", maxValue: total);
                    work(done => task.Value = done);
                });
            return;
        }

        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        work(done =>
        {
            if (done < total && clock.Elapsed - lastReport < TimeSpan.FromSeconds(1)) return;
            lastReport = clock.Elapsed;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generated {done}/{total} patients ({100.0 * done / Math.Max(1, total):F0}%), {clock.Elapsed.TotalSeconds:F1} s"));
        });
    }
}
