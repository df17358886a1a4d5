using System.Text;
using ApprovalTests;
using ApprovalTests.Namers;
using ApprovalTests.Reporters;
using SyntheticPatients.Exporters.Hl7;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Records;
using EncounterClass = SyntheticPatients.Runtime.Definitions.EncounterClass;

namespace SyntheticPatients.Exporters.Tests.Hl7;

/// <summary>
/// Approved-file snapshot of one fixed patient's messages (segments one per line, CR shown as a line break). A change
/// to the encoder shows up as a readable diff; accept it by copying the .received.txt over the .approved.txt.
/// </summary>
[UseReporter(typeof(QuietReporter))]
[UseApprovalSubdirectory("approved")]
public sealed class Hl7SnapshotTests
{
    [Fact]
    public void Messages_of_one_patient() => Approvals.Verify(Render(new Hl7Encoder().Encode(SnapshotPatient())));

    [Fact]
    public void Files_hold_the_same_messages()
    {
        using var dir = new TempDirectory();
        Export.Run(new Hl7Exporter(dir.Path), new[] { SnapshotPatient() });
        var messages = new Hl7Encoder().Encode(SnapshotPatient());
        foreach (var feed in Enum.GetValues<Hl7Feed>())
        {
            var expected = string.Concat(messages.Where(m => m.Type.Feed == feed).Select(m => m.Text));
            Assert.Equal(expected, File.ReadAllText(dir.File($"hl7/{feed.ToString().ToLowerInvariant()}.hl7")));
        }
    }

    /// <summary>PatientBuilder.Full (awkward text, allergy, death in the emergency room) plus an inpatient stay and a dose-numbered vaccine.</summary>
    internal static PatientRecord SnapshotPatient()
    {
        var r = PatientBuilder.Full(7);
        var t = new DateTime(2018, 11, 20, 22, 5, 0);
        var stay = PatientBuilder.DeterministicId(7, 90);
        var admission = new EncounterDefinition("Admission", EncounterClass.Inpatient,
            new[] { new Code(CodeSystems.Snomed, "32485007", "Hospital admission (procedure)") }) { Location = "Ward 4 West" };
        r.Encounters.Insert(0, new EncounterRecord(stay, t, t.AddDays(3).AddHours(4), admission, Defs.Organization, Defs.Provider, Defs.Payer,
            2500m, Defs.HypertensionSnomed, "baseline"));
        r.Conditions.Add(new ConditionRecord(t.AddHours(1), null, stay, Defs.Diabetes, "baseline"));
        r.Immunizations.Add(new ImmunizationRecord(t.AddDays(1), stay,
            new ImmunizationDefinition("Hep B", new[] { new Code(CodeSystems.Cvx, "43", "Hep B, adult") }) { DoseNumber = 2 }, 100m, "baseline"));
        return r;
    }

    private static string Render(IReadOnlyList<Hl7Message> messages)
    {
        var sb = new StringBuilder();
        foreach (var m in messages)
        {
            sb.Append("# ").Append(m.Type).Append(' ').Append(m.ControlId).Append('\n');
            sb.Append(m.Text.Replace('\r', '\n'));
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
