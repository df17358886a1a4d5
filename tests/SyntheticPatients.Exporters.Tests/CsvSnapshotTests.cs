using System.Text;
using ApprovalTests;
using ApprovalTests.Namers;
using ApprovalTests.Reporters;
using SyntheticPatients.Exporters.Tests.Hl7;

namespace SyntheticPatients.Exporters.Tests;

/// <summary>
/// Approved-file snapshot of one fixed patient in every CSV table (the same patient as the HL7, FHIR and VistA
/// snapshots). Accept a deliberate change by copying the .received.txt over the .approved.txt.
/// </summary>
[UseReporter(typeof(QuietReporter))]
[UseApprovalSubdirectory("approved")]
public sealed class CsvSnapshotTests
{
    [Fact]
    public void Tables_of_one_patient()
    {
        using var dir = new TempDirectory();
        var exporter = Export.Run(new CsvExporter(dir.Path), new[] { Hl7SnapshotTests.SnapshotPatient() });
        var text = new StringBuilder();
        foreach (var file in exporter.Files)
        {
            text.Append("# ").Append(file).Append('\n');
            text.Append(File.ReadAllText(dir.File(file)).Replace("\r\n", "\n"));
        }
        Approvals.Verify(text.ToString());
    }
}
