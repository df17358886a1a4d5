using System.Text;
using SyntheticPatients.Exporters.Vista;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Tests.Vista;

public class VistaExporterTests
{
    private static VistaExporter ExportSample(TempDirectory dir, VistaMode mode = VistaMode.FileManInternal) =>
        Export.Run(new VistaExporter(dir.Path, mode), Export.Sample());

    private static ZwrFile Global(TempDirectory dir, string stem) => ZwrFile.Read(dir.File($"vista/{stem}.zwr"));

    /// <summary>The IEN of a patient's n-th entry of a data file (docs/scale-out.md, "VistA IENs").</summary>
    private static string E(long patientIndex, long entry) => VistaIens.PatientEntry(patientIndex, entry).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The IEN of the dictionary entry of this key.</summary>
    private static string D(string key) => VistaIens.Dictionary(key).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("", "\"\"")]
    [InlineData("DOE,JANE", "\"DOE,JANE\"")]
    [InlineData("O'BRIEN \"JR\"", "\"O'BRIEN \"\"JR\"\"\"")]
    [InlineData("A\r\nB", "\"A\"_$C(13,10)_\"B\"")]
    [InlineData("\tX", "$C(9)_\"X\"")]
    [InlineData("X\u007f", "\"X\"_$C(127)")]
    [InlineData("\n", "$C(10)")]
    [InlineData("\"", "\"\"\"\"")]
    public void Strings_are_written_in_ZWR_form(string value, string expected)
    {
        var sb = new StringBuilder();
        Zwr.AppendString(sb, value);
        Assert.Equal(expected, sb.ToString());
        Assert.Equal(value, ZwrFile.Decode(expected));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("2", true)]
    [InlineData("-7", true)]
    [InlineData(".11", true)]
    [InlineData("-.5", true)]
    [InlineData("3190304.10153", true)]
    [InlineData("999121000", true)]
    [InlineData("123456789012345678", true)]
    [InlineData("1234567890123456789", false)] // more digits than GT.M keeps: stays a string
    [InlineData("0123", false)]
    [InlineData("-0", false)]
    [InlineData("0.5", false)]
    [InlineData("1.50", false)]
    [InlineData("1.", false)]
    [InlineData(".", false)]
    [InlineData("-", false)]
    [InlineData("", false)]
    [InlineData("1E3", false)]
    [InlineData("+1", false)]
    [InlineData(" 1", false)]
    [InlineData("B", false)]
    public void Canonical_numbers_are_recognised_as_M_does(string value, bool canonical)
    {
        Assert.Equal(canonical, Zwr.IsCanonicalNumber(value));
        var sb = new StringBuilder();
        Zwr.AppendSubscript(sb, value);
        Assert.Equal(canonical ? value : "\"" + value + "\"", sb.ToString());
    }

    [Theory]
    [InlineData("2019-03-04T10:15:30", "3190304.10153")]
    [InlineData("2019-03-04T10:15:30.999", "3190304.10153")]
    [InlineData("2019-03-04T10:00:00", "3190304.1")]
    [InlineData("2019-03-04T00:00:05", "3190304.000005")]
    [InlineData("2019-03-04T23:59:00", "3190304.2359")]
    [InlineData("2019-03-04T00:00:00", "3190303.24")] // midnight is .24 of the day before
    [InlineData("2000-01-01T00:00:00", "2991231.24")]
    [InlineData("1980-05-17T06:45:00", "2800517.0645")]
    public void Date_times_are_FileMan_internal_canonical_numbers(string value, string expected)
    {
        var fm = FileManText.DateTime(DateTime.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, fm);
        Assert.True(Zwr.IsCanonicalNumber(fm));
    }

    [Fact]
    public void Dates_are_year_minus_1700_and_H_counts_from_1841()
    {
        Assert.Equal(2800517, FileManText.Date(new DateTime(1980, 5, 17, 6, 45, 0)));
        Assert.Equal(3000101, FileManText.Date(new DateTime(2000, 1, 1)));
        Assert.Equal(1, FileManText.HorologDay(new DateTime(1841, 1, 1)));
        Assert.Equal(46385, FileManText.HorologDay(new DateTime(1967, 12, 31))); // GT.M: $ZDATE(46385)="12/31/67"
        Assert.Equal("46386,3723", FileManText.Horolog(new DateTime(1968, 1, 1, 1, 2, 3)));
    }

    [Theory]
    [InlineData("Virtanen", "Anna0", null, null, "VIRTANEN,ANNA0")]
    [InlineData("O'Brien, \"Jr\"", "Anna", "Maria", null, "O'BRIEN JR,ANNA MARIA")]
    [InlineData("van der Berg", "Siobhán", null, "III", "VAN DER BERG,SIOBHAN III")]
    [InlineData("Øster", "Zoë", null, null, "OSTER,ZOE")]
    [InlineData("Smith-Jones", "Joe^Bob", null, null, "SMITH-JONES,JOE BOB")]
    [InlineData("", " ", null, null, "UNKNOWN,UNKNOWN")]
    public void Patient_names_take_VistA_standard_form(string last, string first, string? middle, string? suffix, string expected)
    {
        var d = new Demographics { Last = last, First = first, Middle = middle, Suffix = suffix };
        Assert.Equal(expected, FileManText.PatientName(d));
    }

    [Theory]
    [InlineData("a^b", "a b")]
    [InlineData("line 1\r\nline 2", "line 1 line 2")]
    [InlineData("Jyväskylä", "Jyvaskyla")]
    [InlineData("Straße “quoted” – dash", "Strasse \"quoted\" - dash")]
    [InlineData("  padded  ", "padded")]
    [InlineData("漢", "?")]
    public void Free_text_is_ASCII_without_carets_or_control_characters(string value, string expected)
    {
        Assert.Equal(expected, FileManText.Free(value));
    }

    [Theory]
    [InlineData(5.0, "4.0-5.6", "N")]
    [InlineData(7.2, "4.0-5.6", "H")]
    [InlineData(3.9, "4.0-5.6", "L")]
    [InlineData(250, "<200", "H")]
    [InlineData(150, "<200", "N")]
    [InlineData(45, ">60", "L")]
    [InlineData(90, ">60", "N")]
    [InlineData(90, null, "")]
    [InlineData(90, "normal", "")]
    public void Lab_flags_come_from_the_reference_range(double value, string? range, string flag)
    {
        Assert.Equal(flag, FileManWriter.Flag(value, range));
    }

    [Fact]
    public void Writes_one_zwr_file_per_FileMan_file_and_lists_them()
    {
        using var dir = new TempDirectory();
        var exporter = ExportSample(dir);

        Assert.Equal(27, exporter.Files.Count);
        Assert.Equal("vista/DPT.zwr", exporter.Files[0]);
        Assert.Equal(
            exporter.Files.Order(StringComparer.Ordinal),
            Directory.GetFiles(dir.File("vista")).Select(f => "vista/" + Path.GetFileName(f)).Order(StringComparer.Ordinal));
        Assert.Equal(exporter.Files.Select(f => f[..^4]), exporter.RowCounts.Keys);
        foreach (var file in exporter.Files)
        {
            var zwr = ZwrFile.Read(dir.File(file));
            Assert.Contains("ZWR", zwr.Labels[1], StringComparison.Ordinal);
            Assert.True(zwr.Labels[0].Length >= 10);
            var (header, value) = zwr.Nodes[^1]; // the header comes last, with the final counts
            Assert.Matches(@"^\^[A-Z0-9]+(\([0-9.]+,0\)|\(0\))$", header);
            var pieces = value.Split('^');
            Assert.Equal(4, pieces.Length);
            Assert.Equal(exporter.RowCounts[file[..^4]].ToString(System.Globalization.CultureInfo.InvariantCulture), pieces[3]);
        }
        Assert.Equal(3, exporter.RowCounts["vista/DPT"]);
        Assert.Equal(4, exporter.RowCounts["vista/AUPNVSIT"]);
    }

    [Fact]
    public void Patient_file_has_SSN_in_piece_9_header_counts_and_indexes()
    {
        using var dir = new TempDirectory();
        ExportSample(dir);
        var dpt = Global(dir, "DPT");

        Assert.Equal("PATIENT^2^3^3", dpt["^DPT(0)"]);
        var zero = dpt["^DPT(1,0)"].Split('^');
        Assert.Equal("O'BRIEN JR,ANNA0 MARIA", zero[0]);
        Assert.Equal("F", zero[1]);
        Assert.Equal("2800517", zero[2]);
        Assert.Equal("999121000", zero[8]);
        Assert.Equal(9, zero.Length);
        Assert.Equal(D("WHITE"), zero[5]); // RACE pointer
        Assert.Equal("WHITE", Global(dir, "DIC-10")[$"^DIC(10,{D("WHITE")},0)"]);

        Assert.Equal("1 Main St, Apt 2^Jyvaskyla^25^02110", dpt["^DPT(1,.11)"]);
        Assert.Equal("MASSACHUSETTS^MA^25", Global(dir, "DIC-5")["^DIC(5,25,0)"]);
        Assert.Equal("", dpt["^DPT(\"B\",\"O'BRIEN JR,ANNA0 MARIA\",1)"]);
        Assert.Equal("", dpt["^DPT(\"SSN\",999121000,1)"]);
        Assert.Equal("", dpt["^DPT(\"DOB\",2800517,1)"]);
        Assert.Equal("", dpt["^DPT(\"B\",\"VIRTANEN,ANNA1\",2)"]); // DPT IEN = patient index + 1

        Assert.Equal("3190403.12153", dpt["^DPT(1,.35)"]);
        Assert.Equal(D("E11.9"), dpt["^DPT(1,.351)"]);
        Assert.Equal("NATURAL", dpt["^DPT(1,.352)"]);
        Assert.Equal("Type 2 diabetes", dpt["^DPT(1,.353)"]);
        Assert.False(dpt.Values.ContainsKey("^DPT(2,.35)"));
    }

    [Fact]
    public void Clinical_files_point_at_the_patient_visit_and_deduplicated_dictionaries()
    {
        using var dir = new TempDirectory();
        ExportSample(dir);

        var visits = Global(dir, "AUPNVSIT");
        Assert.Equal("1^3190304.10153^A^323", visits[$"^AUPNVSIT({E(0, 1)},0)"]);
        Assert.Equal("1^3190403.10153^A^130", visits[$"^AUPNVSIT({E(0, 2)},0)"]);
        Assert.Equal("3^3190304.10153^A^323", visits[$"^AUPNVSIT({E(2, 1)},0)"]); // patient 1 has no visits
        Assert.Equal("", visits[$"^AUPNVSIT(\"GUID\",\"00000000-0000-4000-8000-000000000001\",{E(0, 1)})"]);
        Assert.Equal($"VISIT^9000010^{E(2, 2)}^4", visits["^AUPNVSIT(0)"]); // highest IEN, entries

        // Patients 1 and 3 take the same drug: one DRUG entry.
        var meds = Global(dir, "AUPNVMED");
        var drug = meds[$"^AUPNVMED({E(0, 1)},0)"].Split('^')[1];
        Assert.Equal($"1^{drug}^{E(0, 1)}^3190304.10153^A", meds[$"^AUPNVMED({E(0, 1)},0)"]);
        Assert.Equal($"3^{drug}^{E(2, 1)}^3190304.10153^A", meds[$"^AUPNVMED({E(2, 1)},0)"]);
        Assert.Equal("Essential hypertension (disorder)", meds[$"^AUPNVMED({E(0, 1)},13)"]);
        Assert.Equal("LISINOPRIL 10 MG ORAL TABLET^314076", Global(dir, "PSDRUG")[$"^PSDRUG({drug},0)"]);
        Assert.Equal($"DRUG^50^{drug}^1", Global(dir, "PSDRUG")["^PSDRUG(0)"]);

        // Problems: ICD-10-CM codes, status, onset; the ICD and narrative entries' IENs come from their codes and texts.
        var problems = Global(dir, "AUPNPROB");
        Assert.Equal($"1^{D("Hypertension")}^A^3190304^{D("I10")}", problems[$"^AUPNPROB({E(0, 1)},0)"]);
        Assert.Equal($"1^{D("Type 2 diabetes")}^I^3170304^{D("E11.9")}", problems[$"^AUPNPROB({E(0, 2)},0)"]);
        Assert.Equal("E11.9", Global(dir, "ICD9")[$"^ICD9({D("E11.9")},0)"]);
        Assert.Equal("I10", Global(dir, "ICD9")[$"^ICD9({D("I10")},0)"]);
        Assert.Equal($"ICD DIAGNOSIS^80^{Math.Max(VistaIens.Dictionary("E11.9"), VistaIens.Dictionary("I10"))}^2", Global(dir, "ICD9")["^ICD9(0)"]);
        Assert.Equal("Hypertension", Global(dir, "AUTNPOV")[$"^AUTNPOV({D("Hypertension")},0)"]);

        // Labs keep their LOINC and units; vitals go to V MEASUREMENT; nothing is made up.
        var labs = Global(dir, "AUPNVLAB");
        var gfr = labs[$"^AUPNVLAB({E(0, 1)},0)"].Split('^')[1];
        var smoking = labs[$"^AUPNVLAB({E(0, 2)},0)"].Split('^')[1];
        Assert.Equal($"1^{gfr}^{E(0, 1)}^1234567.125^mL/min/{{1.73_m2}}^^3190304.10153", labs[$"^AUPNVLAB({E(0, 1)},0)"]);
        Assert.Equal($"1^{smoking}^{E(0, 1)}^Never smoked tobacco (finding)^{{unused}}^^3190304.10153", labs[$"^AUPNVLAB({E(0, 2)},0)"]);
        Assert.Equal("GFR^33914-3^mL/min/{1.73_m2}", Global(dir, "LAB-60")[$"^LAB(60,{gfr},0)"]);
        var vitals = Global(dir, "AUPNVMSR");
        var systolic = vitals[$"^AUPNVMSR({E(0, 1)},0)"].Split('^')[1];
        Assert.Equal($"1^{systolic}^{E(0, 1)}^120.5^mm[Hg]^3190304.10153", vitals[$"^AUPNVMSR({E(0, 1)},0)"]);
        Assert.Equal($"1^{systolic}^^0.30000000000000004^mm[Hg]^3190403.10153", vitals[$"^AUPNVMSR({E(0, 2)},0)"]); // no encounter: no visit
        Assert.Equal($"V MEASUREMENT^9000010.01^{E(2, 2)}^4", vitals["^AUPNVMSR(0)"]); // two per full patient, no defaults
        Assert.Equal("SYSTOLIC BLOOD PRESSURE^BPS^8480-6", Global(dir, "AUTTMSR")[$"^AUTTMSR({systolic},0)"]);

        var vaccine = Global(dir, "AUPNVIMM")[$"^AUPNVIMM({E(0, 1)},0)"].Split('^')[1];
        Assert.Equal($"1^{vaccine}^{E(0, 1)}^3190304.10153", Global(dir, "AUPNVIMM")[$"^AUPNVIMM({E(0, 1)},0)"]);
        Assert.Equal("INFLUENZA, SEASONAL, INJECTABLE, PRESERVATIVE FREE^140", Global(dir, "AUTTIMM")[$"^AUTTIMM({vaccine},0)"]);
        var allergies = Global(dir, "GMR-120.8");
        var peanut = allergies[$"^GMR(120.8,{E(0, 1)},0)"].Split('^')[1];
        Assert.Equal($"1^{peanut}^^o^3090304.10153", allergies[$"^GMR(120.8,{E(0, 1)},0)"]);
        Assert.Equal("247472004^Wheal (finding)^MILD", allergies[$"^GMR(120.8,{E(0, 1)},1)"]);
        Assert.Equal("39579001^Anaphylaxis^SEVERE", allergies[$"^GMR(120.8,{E(0, 1)},2)"]);
        Assert.Equal("PEANUT ALLERGY^^91935009^^FOOD", Global(dir, "GMR-120.82")[$"^GMR(120.82,{peanut},0)"]);
        Assert.Equal($"1^{E(0, 1)}^{D("CPT|93000")}^3190304.10153^1", Global(dir, "AUPNVCPT")[$"^AUPNVCPT({E(0, 1)},0)"]);
        Assert.Equal("93000^Electrocardiogram, routine ECG with at least 12 leads^CPT", Global(dir, "ICPT")[$"^ICPT({D("CPT|93000")},0)"]);
        var history = Global(dir, "AUPNFH")[$"^AUPNFH({E(0, 1)},0)"];
        Assert.Equal($"1^{D("MTH")}^{history.Split('^')[2]}^3190304^55^{D("I10")}^59621000^0", history);
        Assert.Equal("Hypertension", Global(dir, "AUTNPOV")[$"^AUTNPOV({history.Split('^')[2]},0)"]);
        Assert.Equal("MOTHER^MTH", Global(dir, "AUTTRLSH")[$"^AUTTRLSH({D("MTH")},0)"]);
    }

    [Fact]
    public void Care_plan_activities_are_whole_lines_of_the_note()
    {
        var plan = new CarePlanDefinition("Diabetes self management plan", new[] { new Code(CodeSystems.Snomed, "735985000", "Diabetes self management plan") })
        {
            Goal = "HbA1c below 7% within six months, with weekly review of home glucose readings by the care team",
            Activities = new[]
            {
                new CarePlanActivity("Diabetic diet", "in-progress", new[] { new Code(CodeSystems.Snomed, "160670007", null) }),
                new CarePlanActivity("Exercise therapy", null, null),
            },
        };
        var record = new PatientBuilder(0).Encounter(out var e, new DateTime(2020, 6, 1, 9, 30, 0))
            .CarePlan(plan, new DateTime(2020, 6, 1, 9, 30, 0), new DateTime(2021, 6, 1), e, Defs.HypertensionSnomed).Build();
        using var dir = new TempDirectory();
        Export.Run(new VistaExporter(dir.Path), new[] { record });
        var tiu = Global(dir, "TIU-8925");

        var note = E(0, 1);
        Assert.Equal($"1^{E(0, 1)}^{D("CARE PLAN")}^7^3200601.093", tiu[$"^TIU(8925,{note},0)"]);
        var lines = tiu.Nodes.Where(n => n.Key.StartsWith($"^TIU(8925,{note},\"TEXT\",", StringComparison.Ordinal) && n.Key != $"^TIU(8925,{note},\"TEXT\",0)")
            .Select(n => n.Value).ToArray();
        Assert.Equal(new[]
        {
            "Care plan: Diabetes self management plan [SNOMED-CT 735985000]",
            "Reason: Essential hypertension (disorder) [SNOMED-CT 59621000]",
            "Goal: HbA1c below 7% within six months, with weekly review of home glucose",
            "readings by the care team",
            "Started: 2020-06-01",
            "Stopped: 2021-06-01",
            "Activity: Diabetic diet [SNOMED-CT 160670007] (in-progress)",
            "Activity: Exercise therapy",
        }, lines);
        Assert.Equal("^^8^8^3200601", tiu[$"^TIU(8925,{note},\"TEXT\",0)"]);
        Assert.Equal("CARE PLAN", Global(dir, "TIU-8925.1")[$"^TIU(8925.1,{D("CARE PLAN")},0)"]);
    }

    [Fact]
    public void Same_records_give_the_same_bytes()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        var files = ExportSample(a).Files;
        ExportSample(b);
        foreach (var file in files) Assert.Equal(File.ReadAllBytes(a.File(file)), File.ReadAllBytes(b.File(file)));
    }

    [Fact]
    public void Output_is_ASCII_with_LF_line_ends()
    {
        using var dir = new TempDirectory();
        foreach (var file in ExportSample(dir).Files)
        {
            var bytes = File.ReadAllBytes(dir.File(file));
            Assert.All(bytes, b => Assert.True(b == '\n' || (b >= 32 && b < 127), $"{file}: byte {b}"));
        }
    }

    [Fact]
    public void Write_after_complete_throws_and_complete_twice_does_nothing()
    {
        using var dir = new TempDirectory();
        var exporter = new VistaExporter(dir.Path);
        exporter.Write(PatientBuilder.Minimal(0));
        exporter.Complete();
        exporter.Complete();
        Assert.Throws<InvalidOperationException>(() => exporter.Write(PatientBuilder.Minimal(1)));
        exporter.Dispose();
        Assert.Throws<ObjectDisposedException>(() => exporter.Write(PatientBuilder.Minimal(1)));
    }

    [Fact]
    public void Legacy_mode_writes_the_seed_listing_with_text_values_and_H_dates()
    {
        using var dir = new TempDirectory();
        var exporter = ExportSample(dir, VistaMode.Legacy);

        Assert.Equal(new[] { "vista/vista_globals.mumps" }, exporter.Files);
        var lines = File.ReadAllLines(dir.File("vista/vista_globals.mumps"));
        Assert.Equal(";; VistA MUMPS Global Export for Synthetic Patient Data", lines[0]);
        Assert.All(lines, l => Assert.True(l.StartsWith(";;", StringComparison.Ordinal) || l.StartsWith("S ^", StringComparison.Ordinal), l));
        Assert.Contains("S ^DPT(1,0)=\"O'BRIEN JR,ANNA0 MARIA^F^50906^^^WHITE^^^999121000\"", lines);
        Assert.Contains("S ^DPT(1,.11)=\"1 Main St, Apt 2^Jyvaskyla^MASSACHUSETTS^02110\"", lines);
        Assert.Contains("S ^DPT(1,.35)=\"65106,44130\"", lines);
        Assert.Contains($"S ^AUPNVSIT({E(0, 1)},0)=\"1^65076,36930^WELLNESS^Well visit\"", lines);
        Assert.Contains($"S ^AUPNPROB({E(0, 2)},0)=\"1^Type 2 diabetes^I^64346^E11.9\"", lines);
        Assert.Contains("S ^DPT(0)=\"PATIENT^2^3^3\"", lines);
        Assert.Equal(";; Total global nodes: " + lines.Count(l => l.StartsWith("S ", StringComparison.Ordinal)), lines[^1]);
        Assert.Equal(3, exporter.RowCounts["vista/DPT"]);
    }
}
