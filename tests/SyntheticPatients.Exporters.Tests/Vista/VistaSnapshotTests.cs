using System.Text;
using ApprovalTests;
using ApprovalTests.Namers;
using ApprovalTests.Reporters;
using SyntheticPatients.Exporters.Vista;

namespace SyntheticPatients.Exporters.Tests.Vista;

/// <summary>
/// Approved-file snapshot of one fixed patient's globals (<see cref="PatientBuilder.Full"/>: a row in every table,
/// awkward text), every file in <see cref="VistaExporter.Files"/> order. A change to the layout shows up as a readable
/// diff; accept it by copying the .received.txt over the .approved.txt in approved/.
/// </summary>
[UseReporter(typeof(QuietReporter))]
[UseApprovalSubdirectory("approved")]
public sealed class VistaSnapshotTests
{
    [Fact]
    public void FileMan_globals_of_one_patient() => Approvals.Verify(Snapshot(VistaMode.FileManInternal));

    [Fact]
    public void Legacy_listing_of_one_patient() => Approvals.Verify(Snapshot(VistaMode.Legacy));

    private static string Snapshot(VistaMode mode)
    {
        using var dir = new TempDirectory();
        var exporter = Export.Run(new VistaExporter(dir.Path, mode), new[] { PatientBuilder.Full(0) });
        var text = new StringBuilder();
        foreach (var file in exporter.Files)
        {
            text.Append("=== ").Append(file).Append('\n');
            text.Append(File.ReadAllText(dir.File(file), Encoding.UTF8));
        }
        return text.ToString();
    }
}
