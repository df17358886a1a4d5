using System.Globalization;
using Sylvan.Data.Csv;
using Xunit;

namespace SyntheticPatients.Cli.Tests;

/// <summary>Whole runs of `synthpatients generate`, checked the way a user of the output would check them.</summary>
public sealed class GenerateRunTests
{
    private static readonly string[] Tables =
    {
        "patients.csv", "encounters.csv", "conditions.csv", "medications.csv", "observations.csv", "procedures.csv",
        "immunizations.csv", "allergies.csv", "careplans.csv", "family_history.csv", "deaths.csv", "module_attributes.csv",
    };

    private static string Generate(string work, string name, params string[] extra)
    {
        var args = new List<string> { "generate", "-n", "300", "--seed", "42", "-o", name };
        args.AddRange(extra);
        var result = CliRunner.Run(work, args.ToArray());
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Stderr}");
        Assert.Contains("300 patients", result.Stdout);
        return Path.Combine(work, name);
    }

    [Fact]
    public void Same_seed_gives_byte_identical_files_for_one_and_two_threads_and_any_batch_size()
    {
        var work = CliRunner.TempDirectory();
        var one = Generate(work, "one", "--threads", "1");
        var two = Generate(work, "two", "--threads", "2", "--batch-size", "17");
        foreach (var table in Tables)
        {
            var a = File.ReadAllBytes(Path.Combine(one, "csv", table));
            var b = File.ReadAllBytes(Path.Combine(two, "csv", table));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{table} differs between --threads 1 and --threads 2");
        }
        Assert.Equal(File.ReadAllText(Path.Combine(one, "manifest.json")), File.ReadAllText(Path.Combine(two, "manifest.json")));
    }

    [Fact]
    public void Every_child_row_points_at_an_existing_patient_and_encounter_and_is_dated_inside_the_life()
    {
        var work = CliRunner.TempDirectory();
        var csv = Path.Combine(Generate(work, "out"), "csv");
        var patients = Read(Path.Combine(csv, "patients.csv")).ToDictionary(r => r["Id"]);
        var encounters = Read(Path.Combine(csv, "encounters.csv")).ToDictionary(r => r["Id"]);
        Assert.Equal(300, patients.Count);
        Assert.NotEmpty(encounters);

        foreach (var table in Tables.Where(t => t != "patients.csv"))
        {
            foreach (var row in Read(Path.Combine(csv, table)))
            {
                var patient = patients[row["PATIENT"]]; // throws on an unknown patient id
                if (row.TryGetValue("ENCOUNTER", out var encounter) && encounter.Length > 0)
                {
                    Assert.True(encounters.ContainsKey(encounter), $"{table}: unknown encounter {encounter}");
                }
                var birth = DateTime.Parse(patient["BIRTHDATE"], CultureInfo.InvariantCulture);
                var end = patient["DEATHDATE"].Length > 0 ? DateTime.Parse(patient["DEATHDATE"], CultureInfo.InvariantCulture).AddDays(1) : new DateTime(2026, 1, 2);
                foreach (var column in new[] { "START", "DATE", "STOP" })
                {
                    if (!row.TryGetValue(column, out var text) || text.Length == 0) continue;
                    var date = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                    Assert.True(date >= birth && date <= end, $"{table}.{column} {text} outside [{birth:d}, {end:d}] of {row["PATIENT"]}");
                }
            }
        }
    }

    [Fact]
    public void A_failed_run_leaves_earlier_output_intact()
    {
        var work = CliRunner.TempDirectory();
        var output = Generate(work, "out");
        var manifest = File.ReadAllText(Path.Combine(output, "manifest.json"));
        var result = CliRunner.Run(work, "generate", "-n", "5", "-o", "out", "--scenario", "does_not_exist");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(manifest, File.ReadAllText(Path.Combine(output, "manifest.json")));
        Assert.Empty(Directory.GetDirectories(output, ".synthpatients-partial-*"));
    }

    private static List<Dictionary<string, string>> Read(string path)
    {
        // Sylvan reads what CsvHelper wrote: a second, independent CSV implementation.
        using var reader = CsvDataReader.Create(path, new CsvDataReaderOptions { HasHeaders = true, Culture = CultureInfo.InvariantCulture });
        var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            Assert.Equal(header.Length, reader.RowFieldCount);
            rows.Add(header.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => reader.GetString(p.i)));
        }
        return rows;
    }
}
