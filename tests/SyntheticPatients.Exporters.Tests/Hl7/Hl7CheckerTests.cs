using System.Text.Json;
using SyntheticPatients.Exporters.Hl7;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Records;
using Xunit.Abstractions;

namespace SyntheticPatients.Exporters.Tests.Hl7;

/// <summary>
/// The encoder's output read by software nobody on this project wrote (tests/checkers/hl7/check.mjs): Redox's
/// schema-driven parser for structure, panates' hl7v2 parser, and a walker over hl7v2-dictionary / hl7-dictionary for
/// fields, data types, lengths, tables and segment order. Needs <c>bash .ci/install-hl7-checker.sh</c>.
/// </summary>
public class Hl7CheckerTests
{
    private readonly ITestOutputHelper _output;

    public Hl7CheckerTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_message_of_200_patients_passes_the_independent_checker(bool mllp)
    {
        using var dir = new TempDirectory();
        var exporter = Export.Run(new Hl7Exporter(dir.Path, mllp), Hl7Population.Build(200));
        long messages = exporter.RowCounts.Values.Sum();

        var run = NodeHl7Checker.Run(dir.File("hl7"));
        _output.WriteLine(run.ToString());

        Assert.True(run.Errors == 0, "The checker found errors: " + run);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, run.Count("files"));
        Assert.Equal(messages, run.Count("messages"));
        Assert.Equal(mllp ? 3 : 0, run.Summary.GetProperty("framing").GetProperty("mllp").GetInt64());
        foreach (var parser in new[] { "redox-hl7-v2", "hl7v2", "simple-hl7" })
        {
            Assert.Equal(messages, run.Accepted(parser));
            Assert.Equal(0, run.Rejected(parser));
        }
        var byType = run.Summary.GetProperty("byType").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.Equal(
            new[] { "ADT^A01^ADT_A01", "ADT^A03^ADT_A03", "ADT^A04^ADT_A01", "ADT^A08^ADT_A01", "ORU^R01^ORU_R01", "VXU^V04^VXU_V04" },
            byType.Keys.Order(StringComparer.Ordinal));
        foreach (var type in Hl7MessageType.All) Assert.Equal(exporter.MessageCounts[type.Name], byType[type.ToString()]);
        Assert.True(byType["ORU^R01^ORU_R01"] > 500 && byType["ADT^A01^ADT_A01"] > 20 && byType["ADT^A08^ADT_A01"] > 20, run.ToString());
    }

    [Fact]
    public void Every_message_of_200_patients_from_the_baseline_pipeline_passes_the_independent_checker()
    {
        using var dir = new TempDirectory();
        Hl7Exporter exporter;
        using (exporter = new Hl7Exporter(dir.Path))
        {
            PipelineCohort.Generate(200, exporter.Write);
            exporter.Complete();
        }
        long messages = exporter.RowCounts.Values.Sum();

        var run = NodeHl7Checker.Run(dir.File("hl7"));
        _output.WriteLine(run.ToString());

        Assert.True(run.Errors == 0, "The checker found errors: " + run);
        Assert.Equal(messages, run.Count("messages"));
        Assert.Equal(messages, run.Accepted("redox-hl7-v2"));
        Assert.Equal(messages, run.Accepted("hl7v2"));
        // The baseline has no inpatient encounters (modules add them): A01/A03 are covered by the hand-built population.
        foreach (var type in new[] { "ADT^A04", "ADT^A08", "ORU^R01", "VXU^V04" }) Assert.True(exporter.MessageCounts[type] > 0, $"no {type}: {run}");

        // Every observation went out as an OBX with its LOINC code; every vaccine as an RXA with its CVX code.
        var patients = PipelineCohort.Build(200);
        var oru = Hl7Text.ReadFile(dir.File("hl7/oru.hl7"));
        var vxu = Hl7Text.ReadFile(dir.File("hl7/vxu.hl7"));
        Assert.Equal(patients.Sum(p => p.Observations.Count), oru.Sum(m => m.All("OBX").Count()));
        Assert.Equal(patients.Sum(p => p.Immunizations.Count), vxu.Sum(m => m.All("RXA").Count()));
        var loinc = oru.SelectMany(m => m.All("OBX")).Select(s => Hl7Text.Field(s, 3)).ToList();
        Assert.True(loinc.Select(c => Hl7Text.Component(c, 1)).Distinct().Count() > 10, "many different LOINC codes");
        Assert.All(loinc, c => Assert.Equal("LN", Hl7Text.Component(c, 3)));
        Assert.All(vxu.SelectMany(m => m.All("RXA")), s => Assert.Equal("CVX", Hl7Text.Component(Hl7Text.Field(s, 5), 3)));
        var classes = Hl7Text.ReadFile(dir.File("hl7/adt.hl7")).Select(m => m.Field("PV1", 2)).Distinct().Order().ToList();
        Assert.Subset(new HashSet<string> { "E", "I", "N", "O" }, classes.ToHashSet());
        Assert.Contains("O", classes);
        Assert.Contains("E", classes);
    }

    private const string Delimiters = "Pipe|Caret^Tilde~Back\\slash&Amp";
    private const string LooksEscaped = "Looks escaped: \\F\\ \\S\\ \\X0D\\ \\E\\";
    private const string Controls = "Two\r\nlines\tand a tab";
    private const string NonAscii = "Jyväskylä 王 😀 – µ";

    [Fact]
    public void Escaped_text_parses_back_to_the_original_with_the_independent_parsers()
    {
        var b = new PatientBuilder(0);
        var r = b.Build();
        r.Demographics.Last = Delimiters;
        r.Demographics.First = "Zoë|&^";
        r.Demographics.City = LooksEscaped;
        r.Demographics.Birthplace = string.Join(" ", Delimiters, LooksEscaped, Controls, NonAscii);
        b.Encounter(out var e, new DateTime(2020, 1, 2, 3, 4, 5));
        var odd = new ObservationDefinition("odd", new[] { new Code(CodeSystems.Loinc, "12345-6", NonAscii + Delimiters) })
            { Category = "laboratory" };
        r.Observations.Add(new ObservationRecord(new DateTime(2020, 1, 2, 3, 10, 0), e, odd, double.NaN,
            Delimiters + LooksEscaped + Controls + NonAscii, "x"));
        var allergen = new AllergyDefinition("a", new[] { new Code(CodeSystems.Snomed, "1", LooksEscaped) }) { Category = "food" };
        r.Allergies.Add(new AllergyRecord(new DateTime(2010, 1, 1), null, null, allergen, "allergy", "food", null, null, null, null, "x"));
        var vaccine = new ImmunizationDefinition("v", new[] { new Code(CodeSystems.Cvx, "140", Controls + Delimiters) });
        r.Immunizations.Add(new ImmunizationRecord(new DateTime(2020, 1, 2, 3, 20, 0), e, vaccine, 1m, "x"));

        using var dir = new TempDirectory();
        Export.Run(new Hl7Exporter(dir.Path), new[] { r });
        var dumpPath = dir.File("dump.json");
        var run = NodeHl7Checker.Run("--dump", dumpPath, dir.File("hl7"));
        Assert.True(run.Errors == 0, run.ToString());

        using var dump = JsonDocument.Parse(File.ReadAllText(dumpPath));
        var messages = dump.RootElement.EnumerateArray().ToList();
        var adt = messages.Single(m => m.GetProperty("type").GetString() == "ADT^A04^ADT_A01");
        var oru = messages.Single(m => m.GetProperty("type").GetString() == "ORU^R01^ORU_R01");
        var vxu = messages.Single(m => m.GetProperty("type").GetString() == "VXU^V04^VXU_V04");

        // hl7v2 (panates) decodes every escape, including text that itself looks like escape sequences.
        Assert.Equal(Delimiters, Value(adt, "PID", 5, 1, 1));
        Assert.Equal("Zoë|&^", Value(adt, "PID", 5, 2));
        Assert.Equal(LooksEscaped, Value(adt, "PID", 11, 3));
        Assert.Equal(r.Demographics.Birthplace, Value(adt, "PID", 23, 1));
        Assert.Equal(LooksEscaped, Value(adt, "AL1", 3, 2));
        Assert.Equal(NonAscii + Delimiters, Value(oru, "OBX", 3, 2));
        Assert.Equal(Delimiters + LooksEscaped + Controls + NonAscii, Value(oru, "OBX", 5, 1));
        Assert.Equal(Controls + Delimiters, Value(vxu, "RXA", 5, 2));

        // Redox's parser decodes the five delimiter escapes too. (Its decoder replaces \F\ before \E\, so text that
        // itself contains "\F\" comes back wrong from it: a limitation of that parser, not of the encoding, which
        // hl7v2 reads back exactly above.)
        var redoxPid = adt.GetProperty("redox").GetProperty("PID");
        Assert.Equal(Delimiters, redoxPid.GetProperty("5")[0].GetProperty("1").GetProperty("1").GetString());
        Assert.Equal("Zoë|&^", redoxPid.GetProperty("5")[0].GetProperty("2").GetString());
    }

    /// <summary>A value from the dump: hl7v2's decoding of field/component/sub-component (1-based) of the first segment with that id.</summary>
    private static string? Value(JsonElement message, string segment, int field, int component, int sub = 1)
    {
        var s = message.GetProperty("segments").EnumerateArray().First(x => x.GetProperty("id").GetString() == segment);
        return s.GetProperty("fields").GetProperty(field.ToString(System.Globalization.CultureInfo.InvariantCulture))[0][component - 1][sub - 1].GetString();
    }

    [Fact]
    public void The_checker_rejects_broken_messages_that_a_lenient_parser_accepts()
    {
        var good = new Hl7Encoder().Encode(PatientBuilder.Full(0));
        var adt = good.First(m => m.Type == Hl7MessageType.AdtA04).Text;
        var oru = good.First(m => m.Type == Hl7MessageType.OruR01).Text;
        var broken = new[]
        {
            // No EVN.
            Remove(adt, "EVN"),
            // PV1 before PID; an AL1 after the DG1 (Redox's parser would drop it without a word).
            Swap(adt, "PID", "PV1"),
            MoveToEnd(adt.Replace("|0-1|", "|0-97|", StringComparison.Ordinal), "AL1"),
            // Impossible date, patient class outside table 0004, NM with an exponent, unknown coding system, bad escape.
            adt.Replace("|19800517|", "|19800230|", StringComparison.Ordinal).Replace("PV1|1|O|", "PV1|1|Q|", StringComparison.Ordinal),
            oru.Replace("|NM|8480-6^Systolic Blood Pressure^LN||120.5|", "|NM|8480-6^Systolic Blood Pressure^XX||1.205E2|", StringComparison.Ordinal),
            adt.Replace("Ms.", "Ms\\Q\\.", StringComparison.Ordinal),
            // MSH-9.3 that does not match the event, wrong version, duplicate control id.
            adt.Replace("ADT^A04^ADT_A01", "ADT^A04^ADT_A03", StringComparison.Ordinal).Replace("|0-1|", "|0-99|", StringComparison.Ordinal),
            adt.Replace("|2.5.1|", "|2.5|", StringComparison.Ordinal).Replace("|0-1|", "|0-98|", StringComparison.Ordinal),
        };
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("broken.hl7"), string.Concat(broken));

        var run = NodeHl7Checker.Run(dir.File("broken.hl7"));
        _output.WriteLine(run.ToString());

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(broken.Length, run.Count("messages"));
        Assert.Equal(broken.Length, run.Accepted("simple-hl7"));
        var rules = run.ErrorsByRule;
        foreach (var rule in new[]
                 {
                     "redox.parse", "structure.missing", "structure.order", "format.DTM", "table.value", "format.NM", "escape.invalid",
                     "msh.structure", "msh.version", "msh.control-id-duplicate", "redox.unplaced-segments",
                 })
        {
            Assert.True(rules.ContainsKey(rule), $"expected a {rule} error: {run}");
        }
    }

    private static string Remove(string message, string segment) =>
        string.Concat(message.Split('\r', StringSplitOptions.RemoveEmptyEntries).Where(s => !s.StartsWith(segment + "|", StringComparison.Ordinal))
            .Select(s => s + "\r"));

    private static string MoveToEnd(string message, string segment)
    {
        var segments = message.Split('\r', StringSplitOptions.RemoveEmptyEntries).ToList();
        int i = segments.FindIndex(s => s.StartsWith(segment + "|", StringComparison.Ordinal));
        var moved = segments[i];
        segments.RemoveAt(i);
        segments.Add(moved);
        return string.Concat(segments.Select(s => s + "\r"));
    }

    private static string Swap(string message, string a, string b)
    {
        var segments = message.Split('\r', StringSplitOptions.RemoveEmptyEntries).ToList();
        int i = segments.FindIndex(s => s.StartsWith(a + "|", StringComparison.Ordinal));
        int j = segments.FindIndex(s => s.StartsWith(b + "|", StringComparison.Ordinal));
        (segments[i], segments[j]) = (segments[j], segments[i]);
        return string.Concat(segments.Select(s => s + "\r"));
    }
}
