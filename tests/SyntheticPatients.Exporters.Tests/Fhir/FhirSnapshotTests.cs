using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ApprovalTests;
using ApprovalTests.Namers;
using ApprovalTests.Reporters;
using SyntheticPatients.Exporters.Fhir;

namespace SyntheticPatients.Exporters.Tests.Fhir;

/// <summary>
/// Approved-file snapshot of one fixed patient's bundle (<see cref="PatientBuilder.Full"/>: a row in every table,
/// awkward text), indented for reading. A change to any mapper shows up as a diff; accept it by copying the
/// .received.txt over the .approved.txt next to this file.
/// </summary>
[UseReporter(typeof(QuietReporter))]
[UseApprovalSubdirectory("approved")]
public sealed class FhirSnapshotTests
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public void Bundle_of_a_fixed_patient()
    {
        using var dir = new TempDirectory();
        var patient = PatientBuilder.Full(0);
        Export.Run(new FhirExporter(dir.Path, bulk: false), new[] { patient });
        var json = File.ReadAllText(dir.File($"fhir/{patient.Demographics.Id:D}.json"));
        Approvals.Verify(JsonNode.Parse(json)!.ToJsonString(Indented).Replace("\r\n", "\n"));
    }
}
