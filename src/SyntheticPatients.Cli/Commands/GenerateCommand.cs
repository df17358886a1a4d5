using System.CommandLine;
using System.Globalization;
using SyntheticPatients.Generated;
using SyntheticPatients.Runtime;
using SyntheticPatients.Runtime.Modules;

namespace SyntheticPatients.Cli;

/// <summary>
/// <c>synthpatients generate</c>: runs every compiled module over a population and writes what they record.
/// This is the module-engine slice of the pipeline; demographics, baseline generators and the full CSV/FHIR/HL7
/// exports build on it.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--num-records", "-n") { Description = "Number of patients to generate.", DefaultValueFactory = _ => 100 };
        var output = new Option<DirectoryInfo>("--output-dir", "-o") { Description = "Folder to write into.", DefaultValueFactory = _ => new DirectoryInfo("output") };
        var seed = new Option<ulong>("--seed") { Description = "Random seed: the same seed gives the same output.", DefaultValueFactory = _ => 42UL };
        var command = new Command("generate", "Generate synthetic patients.") { count, output, seed };
        command.SetAction(parse => Run(parse.GetValue(count), parse.GetValue(output)!, parse.GetValue(seed)));
        return command;
    }

    private static int Run(int count, DirectoryInfo output, ulong seed)
    {
        if (count < 1)
        {
            Console.Error.WriteLine("--num-records must be at least 1.");
            return 2;
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        var target = Path.Combine(output.FullName, "csv");
        var temporary = target + ".partial";
        if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
        Directory.CreateDirectory(temporary);

        var end = new DateTime(2026, 1, 1).Ticks;
        var patient = ModuleRegistry.CreatePatientContext();
        int events = 0;
        using (var writer = new StreamWriter(Path.Combine(temporary, "module_events.csv")))
        {
            writer.WriteLine("PATIENT,TYPE,START,STOP,CODE,DESCRIPTION,VALUE");
            for (long index = 0; index < count; index++)
            {
                // Birth date and sex drawn from the patient's own generator: output depends only on (seed, index).
                patient.Reset(seed, index, 0, Gender.Female, end);
                var ageDays = patient.Random.NextDouble(0, 90 * 365.25);
                var gender = patient.Random.NextDouble() < 0.5 ? Gender.Female : Gender.Male;
                patient.Reset(seed, index, end - (long)(ageDays * TimeSpan.TicksPerDay), gender, end);
                foreach (var module in ModuleRegistry.All)
                {
                    ModuleExecutor.Run(module, patient, patient.BirthTicks);
                }
                events += EventCsv.Write(writer, index, patient);
            }
        }

        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        Directory.Move(temporary, target); // only a complete output ever appears under its final name
        var seconds = started.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} patients, {events} module events, 1 file in {seconds:F1} s ({count / seconds:F0} patients/s) -> {target}"));
        return 0;
    }
}
