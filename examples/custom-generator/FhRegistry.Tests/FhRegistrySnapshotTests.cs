using System.Text;
using ApprovalTests;
using ApprovalTests.Reporters;
using SyntheticPatients.Cli;
using SyntheticPatients.Generated;
using Xunit;

namespace FhRegistry.Tests;

/// <summary>
/// Pins what modules/fh_registry.yaml records: a small seeded run of the fh_cohort scenario, reduced to the enrolment
/// visits (the encounters at which the module diagnosed FH) and every row recorded at them. The same seed and options
/// give the same bytes, so a change to the module (or to the package, after an upgrade) shows up as a diff; accept it by
/// copying the .received.txt over the .approved.txt.
/// </summary>
[UseReporter(typeof(QuietReporter))]
public sealed class FhRegistrySnapshotTests
{
    private const string FamilialHypercholesterolemia = "398036000";

    [Fact]
    public void Enrolment_visits_of_five_patients()
    {
        var output = Path.Combine(Path.GetTempPath(), "fh-registry-snapshot-" + Guid.NewGuid().ToString("N"));
        try
        {
            int exit = SyntheticPatientsCli.Run(
                ["generate", "-n", "5", "--seed", "7", "--scenario", "fh_cohort", "-o", output, "--skip-fhir", "--skip-hl7", "--skip-vista", "--skip-report"],
                GeneratedCatalog.Instance);
            Assert.Equal(0, exit);

            var csv = Path.Combine(output, "csv");
            var visits = Table(csv, "conditions", "ENCOUNTER").Rows.Where(r => r.Line.Contains("," + FamilialHypercholesterolemia + ",")).Select(r => r.Key).ToHashSet();
            Assert.NotEmpty(visits);

            var snapshot = new StringBuilder();
            foreach (var (table, key) in new[] { ("encounters", "Id"), ("conditions", "ENCOUNTER"), ("observations", "ENCOUNTER"), ("medications", "ENCOUNTER") })
            {
                var (header, rows) = Table(csv, table, key);
                snapshot.Append("# ").Append(table).Append('\n').Append(header).Append('\n');
                foreach (var row in rows.Where(r => visits.Contains(r.Key))) snapshot.Append(row.Line).Append('\n');
            }
            Approvals.Verify(snapshot.ToString());
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>A table's header and rows with the value of one key column (ids and dates come before any quoted text).</summary>
    private static (string Header, IEnumerable<(string Line, string Key)> Rows) Table(string csv, string table, string keyColumn)
    {
        var lines = File.ReadAllLines(Path.Combine(csv, table + ".csv"));
        int key = Array.IndexOf(lines[0].Split(','), keyColumn);
        return (lines[0], lines.Skip(1).Select(line => (line, line.Split(',')[key])));
    }
}
