using System.Globalization;
using System.Text;
using SyntheticPatients.Exporters.Vista;
using Xunit.Abstractions;

namespace SyntheticPatients.Exporters.Tests.Vista;

/// <summary>
/// The VistA export checked by GT.M itself (install: .ci/install-gtm.sh): 200 patients from the baseline pipeline are
/// exported, every .zwr file goes through <c>mupip load -format=zwr</c> unchanged, every record is XECUTEd as an M
/// SET, <c>mupip extract</c> gives back exactly the exported records, and M routines count the patients and walk the
/// "B" index in M collation order.
/// </summary>
public sealed class VistaGtmTests
{
    private const int Patients = 200;
    private readonly ITestOutputHelper _output;

    public VistaGtmTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void FileMan_export_of_200_patients_loads_into_GTM_and_walks_in_M_collation_order()
    {
        using var dir = new TempDirectory();
        var expectedB = new List<(string Name, long Ien)>();
        var expectedSsn = new List<(string Ssn, long Ien)>();
        var exporter = new VistaExporter(dir.Path, VistaMode.FileManInternal);
        using (exporter)
        {
            VistaCohort.Generate(Patients, record =>
            {
                long ien = expectedB.Count + 1;
                expectedB.Add((FileManIndex.Key(FileManText.PatientName(record.Demographics)), ien));
                expectedSsn.Add((FileManText.Ssn(record.Demographics.Ssn), ien));
                exporter.Write(record);
            });
            exporter.Complete();
        }
        Assert.Equal(Patients, exporter.RowCounts["vista/DPT"]);

        var db = GtmDatabase.Create(Path.Combine(dir.Path, "db"));

        // 1. mupip load accepts every file unchanged, with one key per record.
        var exported = new List<string>();
        var report = new StringBuilder();
        foreach (var file in exporter.Files)
        {
            var path = dir.File(file);
            var records = File.ReadAllLines(path, Encoding.UTF8).Skip(2).ToArray();
            exported.AddRange(records);
            var (exit, keys, output) = db.Load(path);
            Assert.True(exit == 0 && !output.Contains("-E-", StringComparison.Ordinal), $"mupip load {file} failed:\n{output}");
            Assert.True(records.Length == keys, $"{file}: {records.Length} records but mupip loaded {keys} keys:\n{output}");
            report.Append(CultureInfo.InvariantCulture, $"{file}: {keys} keys, {exporter.RowCounts[file[..^4]]} entries\n");
        }
        report.Append(CultureInfo.InvariantCulture, $"total: {exported.Count} keys\n");
        _output.WriteLine(report.ToString());

        // 2. What GT.M holds is exactly what was exported (same nodes, same values: nothing lost to a silently empty
        // string, no node written twice).
        var extracted = db.Extract();
        AssertSameLines(exported, extracted);

        // 3. Every record is one valid M SET argument.
        foreach (var file in exporter.Files)
        {
            var lines = db.Mumps("syntax^vistachk", dir.File(file));
            Assert.True(lines.Contains("ERRORS 0"), $"{file}:\n{string.Join('\n', lines)}");
        }

        // 4. PATIENT: one entry per patient, the header counts them, one "B" entry each.
        var count = db.Mumps("count^vistachk");
        _output.WriteLine(string.Join('\n', count));
        Assert.Equal(new[] { $"PATIENTS {Patients}", $"HEADER PATIENT^2^{Patients}^{Patients}", $"BENTRIES {Patients}" }, count);

        // 5. $ORDER walks "B" in M collation: names in byte order, duplicates by IEN.
        var walked = db.Mumps("index^vistachk", "B").Select(Entry).ToList();
        var expected = expectedB.OrderBy(e => e.Name, MCollation.Instance).ThenBy(e => e.Ien).ToList();
        Assert.Equal(expected, walked);
        Assert.NotEqual(expected.Select(e => e.Name), expectedB.OrderBy(e => e.Name, StringComparer.InvariantCulture).Select(e => e.Name));
        _output.WriteLine($"B index: {walked.Count} entries in M collation order, first {walked[0]}, last {walked[^1]}");

        // 6. The SSN index holds numbers (nine digits are a canonical number): numeric order.
        var ssn = db.Mumps("index^vistachk", "SSN").Select(Entry).ToList();
        Assert.Equal(expectedSsn.OrderBy(e => e.Ssn, MCollation.Instance).ThenBy(e => e.Ien).ToList(), ssn);
    }

    [Fact]
    public void Legacy_listing_runs_as_M_commands()
    {
        using var dir = new TempDirectory();
        var exporter = new VistaExporter(dir.Path, VistaMode.Legacy);
        using (exporter)
        {
            VistaCohort.Generate(Patients, exporter.Write);
            exporter.Complete();
        }
        var db = GtmDatabase.Create(Path.Combine(dir.Path, "db"));
        var path = dir.File(Assert.Single(exporter.Files));
        var commands = File.ReadLines(path).Count(l => l.StartsWith("S ", StringComparison.Ordinal));

        var lines = db.Mumps("listing^vistachk", path);
        Assert.True(lines.Contains("ERRORS 0") && lines.Contains($"RECORDS {commands}"), string.Join('\n', lines));
        var count = db.Mumps("count^vistachk");
        Assert.Equal(new[] { $"PATIENTS {Patients}", $"HEADER PATIENT^2^{Patients}^{Patients}", $"BENTRIES {Patients}" }, count);
        Assert.Equal(commands, db.Extract().Length);
    }

    private static (string, long) Entry(string line)
    {
        var tab = line.LastIndexOf('\t');
        return (line[..tab], long.Parse(line[(tab + 1)..], CultureInfo.InvariantCulture));
    }

    private static void AssertSameLines(List<string> exported, string[] extracted)
    {
        var a = exported.Order(StringComparer.Ordinal).ToArray();
        var b = extracted.Order(StringComparer.Ordinal).ToArray();
        var missing = a.Except(b, StringComparer.Ordinal).Take(5).ToArray();
        var extra = b.Except(a, StringComparer.Ordinal).Take(5).ToArray();
        Assert.True(a.Length == b.Length && missing.Length == 0 && extra.Length == 0,
            $"exported {a.Length} records, GT.M holds {b.Length}.\nNot in GT.M:\n{string.Join('\n', missing)}\nOnly in GT.M:\n{string.Join('\n', extra)}");
    }
}
