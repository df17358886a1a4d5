using System.Text;
using SyntheticPatients.Exporters.Hl7;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Records;
using EncounterClass = SyntheticPatients.Runtime.Definitions.EncounterClass;

namespace SyntheticPatients.Exporters.Tests.Hl7;

public class Hl7ExporterTests
{
    private static readonly DateTime T = new(2019, 3, 4, 10, 15, 30, 250);

    private static EncounterDefinition Definition(EncounterClass c) =>
        new(c.ToString(), c, new[] { new Code(CodeSystems.Snomed, "185349003", "Encounter for check up (procedure)") });

    /// <summary>A wellness visit, an emergency visit, an inpatient stay that ends in death, vitals, labs, vaccines.</summary>
    private static PatientRecord Story(long index = 4)
    {
        var b = new PatientBuilder(index);
        var r = b.Build();
        var wellness = b.NextId();
        var emergency = b.NextId();
        var inpatient = b.NextId();
        r.Encounters.Add(new EncounterRecord(wellness, T, T.AddMinutes(30), Defs.WellVisit, Defs.Organization, Defs.Provider, null, 100m, null, "baseline"));
        r.Encounters.Add(new EncounterRecord(emergency, T.AddDays(10), T.AddDays(10).AddHours(3), Defs.Emergency, Defs.Organization, Defs.Provider,
            null, 100m, Defs.HypertensionSnomed, "baseline"));
        r.Encounters.Add(new EncounterRecord(inpatient, T.AddDays(20), T.AddDays(25), Definition(EncounterClass.Inpatient), Defs.Organization,
            Defs.Provider, null, 100m, null, "baseline"));
        r.Conditions.Add(new ConditionRecord(T.AddDays(10), null, emergency, Defs.Hypertension, "baseline"));
        for (int i = 0; i < 8; i++)
        {
            r.Observations.Add(new ObservationRecord(T, wellness, Defs.Systolic, 110 + i, null, "baseline"));
        }
        r.Observations.Add(new ObservationRecord(T, wellness, Defs.Gfr, 75.5, null, "baseline"));
        r.Observations.Add(new ObservationRecord(T, wellness, Defs.Smoking, double.NaN, "Never smoked tobacco (finding)", "baseline"));
        r.Observations.Add(new ObservationRecord(T.AddDays(10), emergency, Defs.Systolic, 150, null, "baseline"));
        r.Immunizations.Add(new ImmunizationRecord(T, wellness, Defs.Flu, 136m, "baseline"));
        r.Allergies.Add(new AllergyRecord(T.AddDays(-100), null, null, Defs.Peanut, "allergy", "food", Defs.Hives, "MILD", Defs.Anaphylaxis,
            "SEVERE", "baseline"));
        r.Death = new DeathRecord(T.AddDays(25), Defs.Diabetes, inpatient, "natural", "baseline");
        return r;
    }

    private static (Hl7Exporter Exporter, List<Hl7Text> Adt, List<Hl7Text> Oru, List<Hl7Text> Vxu) Export(TempDirectory dir,
        params PatientRecord[] patients)
    {
        var exporter = Tests.Export.Run(new Hl7Exporter(dir.Path, mllp: false), patients);
        return (exporter, Hl7Text.ReadFile(dir.File("hl7/adt.hl7")), Hl7Text.ReadFile(dir.File("hl7/oru.hl7")),
            Hl7Text.ReadFile(dir.File("hl7/vxu.hl7")));
    }

    [Fact]
    public void Writes_three_files_and_counts_messages()
    {
        using var dir = new TempDirectory();
        var (exporter, adt, oru, vxu) = Export(dir, Story(0), PatientBuilder.Minimal(1), Story(2));

        Assert.Equal(new[] { "hl7/adt.hl7", "hl7/oru.hl7", "hl7/vxu.hl7" }, exporter.Files);
        Assert.Equal(new[] { "adt", "oru", "vxu" }, exporter.RowCounts.Keys);
        Assert.Equal(adt.Count, exporter.RowCounts["adt"]);
        Assert.Equal(oru.Count, exporter.RowCounts["oru"]);
        Assert.Equal(vxu.Count, exporter.RowCounts["vxu"]);
        // Story: A04, A04, A01, A03, A08; Minimal: A04 at birth.
        Assert.Equal(11, adt.Count);
        Assert.Equal(4, oru.Count);
        Assert.Equal(2, vxu.Count);
        Assert.Equal(2, exporter.MessageCounts["ADT^A01"]);
        Assert.Equal(2, exporter.MessageCounts["ADT^A03"]);
        Assert.Equal(5, exporter.MessageCounts["ADT^A04"]);
        Assert.Equal(2, exporter.MessageCounts["ADT^A08"]);
        Assert.Equal(4, exporter.MessageCounts["ORU^R01"]);
        Assert.Equal(2, exporter.MessageCounts["VXU^V04"]);
        var bytes = File.ReadAllBytes(dir.File("hl7/adt.hl7"));
        Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte order mark");
        Assert.DoesNotContain((byte)'\n', bytes);
        Assert.Equal((byte)'\r', bytes[^1]);
    }

    [Fact]
    public void Adt_messages_follow_the_encounters_and_the_death()
    {
        using var dir = new TempDirectory();
        var (_, adt, _, _) = Export(dir, Story());

        Assert.Equal(new[] { "ADT^A04^ADT_A01", "ADT^A04^ADT_A01", "ADT^A01^ADT_A01", "ADT^A03^ADT_A03", "ADT^A08^ADT_A01" },
            adt.Select(m => m.Type));
        Assert.Equal(new[] { "20190304101530+0000", "20190314101530+0000", "20190324101530+0000", "20190329101530+0000", "20190329101530+0000" },
            adt.Select(m => m.Field("MSH", 7)));
        Assert.Equal(new[] { "4-1", "4-2", "4-3", "4-4", "4-5" }, adt.Select(m => m.ControlId));
        Assert.All(adt, m => Assert.Equal(m.Field("MSH", 7), m.Field("EVN", 2)));
        Assert.All(adt, m => Assert.Equal("2.5.1", m.Field("MSH", 12)));
        Assert.Equal(new[] { "O", "E", "I", "I", "I" }, adt.Select(m => m.Field("PV1", 2)));

        // The emergency visit: its reason is also a condition recorded in it, so one DG1 with ICD-10-CM and SNOMED CT.
        var ed = adt[1];
        Assert.Equal("E", ed.Field("PV1", 4));
        Assert.Equal("I10^Essential (primary) hypertension^I10C^59621000^Essential hypertension (disorder)^SCT", ed.Field("DG1", 3));
        Assert.Equal("W", ed.Field("DG1", 6));
        Assert.Single(ed.All("DG1"));
        Assert.Equal("FA^Food allergy^HL70127", ed.Field("AL1", 2));
        Assert.Equal("91935009^Allergy to peanuts^SCT", ed.Field("AL1", 3));
        Assert.Equal("SV^Severe^HL70128", ed.Field("AL1", 4));
        Assert.Equal("Wheal~Anaphylaxis", ed.Field("AL1", 5));

        // Discharge: disposition expired, discharge time; PID death fields from the moment of death on.
        var discharge = adt[3];
        Assert.Equal("20", discharge.Field("PV1", 36));
        Assert.Equal("20190329101530+0000", discharge.Field("PV1", 45));
        Assert.Equal("Y", discharge.Field("PID", 30));
        Assert.Equal("20190329101530+0000", discharge.Field("PID", 29));
        Assert.Equal("N", adt[2].Field("PID", 30));
        Assert.Equal("", adt[2].Field("PID", 29));
        var death = adt[4];
        Assert.Equal("Y", death.Field("PID", 30));
        Assert.Equal("E11.9^Type 2 diabetes mellitus without complications^I10C", death.Field("DG1", 3));
        Assert.Equal("F", death.Field("DG1", 6));
    }

    [Theory]
    [InlineData(EncounterClass.Ambulatory, "O", "AMB", "ADT^A04^ADT_A01")]
    [InlineData(EncounterClass.Wellness, "O", "WELL", "ADT^A04^ADT_A01")]
    [InlineData(EncounterClass.Outpatient, "O", "OUTPT", "ADT^A04^ADT_A01")]
    [InlineData(EncounterClass.Emergency, "E", "ED", "ADT^A04^ADT_A01")]
    [InlineData(EncounterClass.Urgentcare, "O", "URGENT", "ADT^A04^ADT_A01")]
    [InlineData(EncounterClass.Inpatient, "I", "INPT", "ADT^A01^ADT_A01")]
    [InlineData(EncounterClass.Virtual, "O", "VIRTUAL", "ADT^A04^ADT_A01")]
    [InlineData(EncounterClass.Home, "O", "HOME", "ADT^A04^ADT_A01")]
    public void Pv1_follows_the_encounter_class(EncounterClass encounterClass, string patientClass, string pointOfCare, string type)
    {
        var b = new PatientBuilder(3);
        var r = b.Build();
        var id = b.NextId();
        r.Encounters.Add(new EncounterRecord(id, T, T.AddHours(1), Definition(encounterClass), Defs.Organization, Defs.Provider, null, 1m, null, "x"));
        var first = new Hl7Encoder().Encode(r)[0];
        var m = Hl7Text.Parse(first.Text);

        Assert.Equal(type, m.Type);
        Assert.Equal(patientClass, m.Field("PV1", 2));
        Assert.Equal($"{pointOfCare}^^^&0a000000-0000-4000-8000-000000000001&UUID", m.Field("PV1", 3));
        Assert.Equal($"{id:D}^^^SYNTHETIC^VN", m.Field("PV1", 19));
        Assert.Equal("0b000000-0000-4000-8000-000000000002^^^^^^^^SYNTHETIC^^^^PRN", m.Field("PV1", 7));
        Assert.Equal("20190304101530+0000", m.Field("PV1", 44));
    }

    [Fact]
    public void Oru_carries_every_observation_with_its_loinc_code_and_ucum_units()
    {
        using var dir = new TempDirectory();
        var patient = Story();
        var (_, _, oru, _) = Export(dir, patient);

        Assert.All(oru, m => Assert.Equal("ORU^R01^ORU_R01", m.Type));
        Assert.Equal(patient.Observations.Count, oru.Sum(m => m.All("OBX").Count()));
        var first = oru[0];
        Assert.Equal(new[] { "MSH", "PID", "PV1", "ORC", "OBR", "OBX", "OBX", "OBX", "OBX", "OBX", "OBX", "OBX", "OBX", "ORC", "OBR", "OBX", "ORC", "OBR", "OBX" },
            first.Ids);
        // The eight systolic readings: no panel of their own in Defs, so one vital signs order; then GFR and smoking alone.
        Assert.Equal("85353-1", Hl7Text.Component(first.Field("OBR", 4), 1));
        Assert.Equal("33914-3", Hl7Text.Component(first.Field("OBR", 4, 1), 1));
        var obx = first.All("OBX").ToList();
        Assert.Equal(new[] { "1", "2", "3", "4", "5", "6", "7", "8", "1", "1" }, obx.Select(s => Hl7Text.Field(s, 1)));
        Assert.Equal("NM", Hl7Text.Field(obx[0], 2));
        Assert.Equal("8480-6^Systolic Blood Pressure^LN", Hl7Text.Field(obx[0], 3));
        Assert.Equal("110", Hl7Text.Field(obx[0], 5));
        Assert.Equal("mm[Hg]^mm[Hg]^UCUM", Hl7Text.Field(obx[0], 6));
        Assert.Equal("F", Hl7Text.Field(obx[0], 11));
        Assert.Equal("20190304101530+0000", Hl7Text.Field(obx[0], 14));
        Assert.Equal("33914-3", Hl7Text.Component(Hl7Text.Field(obx[8], 3), 1));
        Assert.Equal("Glomerular filtration rate, \"MDRD\"\nper 1.73 m2", Hl7Text.Component(Hl7Text.Field(obx[8], 3), 2));
        Assert.Contains("\\X0A\\", Hl7Text.Field(obx[8], 3), StringComparison.Ordinal);
        Assert.Equal("mL/min/{1.73_m2}^mL/min/{1.73_m2}^UCUM", Hl7Text.Field(obx[8], 6));
        Assert.Equal(new[] { "ST", "72166-2^Tobacco smoking status^LN", "Never smoked tobacco (finding)", "" },
            new[] { Hl7Text.Field(obx[9], 2), Hl7Text.Field(obx[9], 3), Hl7Text.Field(obx[9], 5), Hl7Text.Field(obx[9], 6) });
        // Every OBX code is the observation's LOINC code.
        var codes = oru.SelectMany(m => m.All("OBX")).Select(s => Hl7Text.Component(Hl7Text.Field(s, 3), 1)).ToList();
        Assert.Equal(patient.Observations.Select(o => o.Definition.CodeOf(CodeSystems.Loinc)!.Value).Order(), codes.Order());
        Assert.All(oru.SelectMany(m => m.All("OBX")), s => Assert.Equal("LN", Hl7Text.Component(Hl7Text.Field(s, 3), 3)));
        // Order numbers: unique, placer P / filler F.
        var placers = oru.SelectMany(m => m.All("OBR")).Select(s => Hl7Text.Field(s, 2)).ToList();
        Assert.Equal(placers.Count, placers.Distinct().Count());
        Assert.Equal("P4-6-1", placers[0]);
        Assert.Equal("F4-6-1", first.Field("OBR", 3));
    }

    [Fact]
    public void Panels_group_their_observations_and_ranges_give_abnormal_flags()
    {
        var b = new PatientBuilder(9);
        var r = b.Build();
        var glucose = new ObservationDefinition("Glucose", new[] { new Code(CodeSystems.Loinc, "2345-7", "Glucose") })
            { Units = "mg/dL", Category = "laboratory", Panel = "Basic metabolic panel", ReferenceRange = "70-99" };
        var sodium = new ObservationDefinition("Sodium", new[] { new Code(CodeSystems.Loinc, "2951-2", "Sodium") })
            { Units = "mmol/L", Category = "laboratory", Panel = "Basic metabolic panel", ReferenceRange = "135-145" };
        var ldl = new ObservationDefinition("LDL", new[] { new Code(CodeSystems.Loinc, "18262-6", "LDL") })
            { Units = "mg/dL", Category = "laboratory", Panel = "Lipid panel", ReferenceRange = "<100" };
        var hdl = new ObservationDefinition("HDL", new[] { new Code(CodeSystems.Loinc, "2085-9", "HDL") })
            { Units = "mg/dL", Category = "laboratory", Panel = "lipid PANEL", ReferenceRange = ">40" };
        r.Observations.Add(new ObservationRecord(T, null, glucose, 120, null, "x"));
        r.Observations.Add(new ObservationRecord(T, null, ldl, 99.5, null, "x"));
        r.Observations.Add(new ObservationRecord(T, null, sodium, 130, null, "x"));
        r.Observations.Add(new ObservationRecord(T, null, hdl, 40, null, "x"));
        r.Observations.Add(new ObservationRecord(T.AddSeconds(0.5), null, glucose, 80, null, "x"));

        var messages = new Hl7Encoder().Encode(r).Where(m => m.Type == Hl7MessageType.OruR01).ToList();
        var m = Hl7Text.Parse(Assert.Single(messages).Text);

        Assert.Equal(new[] { "MSH", "PID", "ORC", "OBR", "OBX", "OBX", "OBX", "ORC", "OBR", "OBX", "OBX" }, m.Ids);
        Assert.Equal("51990-0^Basic metabolic panel - Blood^LN", m.Field("OBR", 4));
        Assert.Equal("57698-3^Lipid panel with direct LDL - Serum or Plasma^LN", m.Field("OBR", 4, 1));
        Assert.Equal(new[] { "H", "L", "N", "N", "L" }, new[] { 0, 1, 2, 3, 4 }.Select(i => m.Field("OBX", 8, i)));
        Assert.Equal(new[] { "70-99", "135-145", "70-99", "<100", ">40" }, new[] { 0, 1, 2, 3, 4 }.Select(i => m.Field("OBX", 7, i)));
    }

    [Fact]
    public void Vxu_carries_each_vaccine_as_rxa_with_its_cvx_code()
    {
        var b = new PatientBuilder(6);
        var r = b.Build();
        b.Encounter(out var e, T);
        var hepB = new ImmunizationDefinition("Hep B", new[] { new Code(CodeSystems.Cvx, "08", "Hep B, adolescent or pediatric") }) { DoseNumber = 2 };
        r.Immunizations.Add(new ImmunizationRecord(T, e, Defs.Flu, 1m, "x"));
        r.Immunizations.Add(new ImmunizationRecord(T, e, hepB, 1m, "x"));
        r.Immunizations.Add(new ImmunizationRecord(T.AddYears(1), null, Defs.Flu, 1m, "x"));

        var vxu = new Hl7Encoder().Encode(r).Where(m => m.Type == Hl7MessageType.VxuV04).Select(m => Hl7Text.Parse(m.Text)).ToList();

        Assert.Equal(2, vxu.Count);
        Assert.Equal(new[] { "MSH", "PID", "PV1", "ORC", "RXA", "ORC", "RXA", "OBX" }, vxu[0].Ids);
        Assert.Equal(new[] { "MSH", "PID", "ORC", "RXA" }, vxu[1].Ids);
        Assert.Equal("VXU^V04^VXU_V04", vxu[0].Type);
        Assert.Equal("140^Influenza, seasonal, injectable, preservative free^CVX", vxu[0].Field("RXA", 5));
        Assert.Equal("08^Hep B, adolescent or pediatric^CVX", vxu[0].Field("RXA", 5, 1));
        Assert.Equal(new[] { "0", "1", "20190304101530+0000", "20190304101530+0000", "999", "CP", "A" },
            new[] { 1, 2, 3, 4, 6, 20, 21 }.Select(f => vxu[0].Field("RXA", f)));
        Assert.Equal("30973-2^Dose number in series^LN", vxu[0].Field("OBX", 3));
        Assert.Equal("2", vxu[0].Field("OBX", 5));
        Assert.Equal("RE", vxu[0].Field("ORC", 1));
        Assert.Equal("F6-2-2", vxu[0].Field("ORC", 3, 1));
    }

    [Fact]
    public void Pid_carries_identifiers_names_and_coded_demographics()
    {
        var r = PatientBuilder.Full(5);
        r.Demographics.Phone = "(617) 555-0101 x12";
        r.Demographics.Language = "Spanish";
        r.Demographics.Passport = "X12345678X";
        var m = Hl7Text.Parse(new Hl7Encoder().Encode(r)[0].Text);

        Assert.Equal("MRN5^^^SYNTHETIC^MR~00000005-0000-4000-8000-000000000000^^^SYNTHETIC^PI~999-12-1005^^^SSA^SS"
            + "~S99912345^^^MA^DL~X12345678X^^^USA^PPN", m.Field("PID", 3));
        Assert.Equal("O'Brien, \"Jr\"^Anna5^Maria^^Ms.^^L~Järvinen^Anna5^Maria^^^^M", m.Field("PID", 5));
        Assert.Equal("19800517", m.Field("PID", 7));
        Assert.Equal("F", m.Field("PID", 8));
        Assert.Equal("2106-3^White^HL70005", m.Field("PID", 10));
        Assert.Equal("1 Main St^Apt 2^Jyväskylä^MA^02110^USA^H^^25025", m.Field("PID", 11));
        Assert.Equal("^PRN^PH^^^617^5550101^12", m.Field("PID", 13));
        Assert.Equal("spa^Spanish^HL70296", m.Field("PID", 15));
        Assert.Equal("M^Married^HL70002", m.Field("PID", 16));
        Assert.Equal("999-12-1005", m.Field("PID", 19));
        Assert.Equal("N^Not Hispanic or Latino^HL70189", m.Field("PID", 22));
        Assert.Equal("Boston, Massachusetts, US", m.Field("PID", 23));
    }

    [Theory]
    [InlineData("(617) 555-0101", "^PRN^PH^^^617^5550101")]
    [InlineData("617.555.0102 x123", "^PRN^PH^^^617^5550102^123")]
    [InlineData("+1-617-555-0103", "^PRN^PH^^^617^5550103")]
    [InlineData("617-555-0105 ext. 42", "^PRN^PH^^^617^5550105^42")]
    [InlineData("555-0104", "^PRN^PH^^^^^^^^^555-0104")]
    [InlineData("1-800-FLOWERS", "^PRN^PH^^^^^^^^^1-800-FLOWERS")]
    [InlineData("617-555-0106 x1234567", "^PRN^PH^^^^^^^^^617-555-0106 x1234567")]
    public void Phone_numbers_become_xtn(string phone, string expected)
    {
        var r = PatientBuilder.Minimal(1);
        r.Demographics.Phone = phone;
        Assert.Equal(expected, Hl7Text.Parse(new Hl7Encoder().Encode(r)[0].Text).Field("PID", 13));
    }

    [Fact]
    public void Patient_without_encounters_is_registered_at_birth_without_a_visit()
    {
        var m = Hl7Text.Parse(Assert.Single(new Hl7Encoder().Encode(PatientBuilder.Minimal(8))).Text);
        Assert.Equal("ADT^A04^ADT_A01", m.Type);
        Assert.Equal("19800517064500+0000", m.Field("MSH", 7));
        Assert.Equal("1|N", string.Join("|", m.Segment("PV1").Skip(1)));
        Assert.Equal("8-1", m.ControlId);
    }

    [Fact]
    public void Control_ids_are_unique_and_follow_patient_index_and_sequence()
    {
        using var dir = new TempDirectory();
        var patients = Hl7Population.Build(40);
        var (_, adt, oru, vxu) = Export(dir, patients);
        var all = adt.Concat(oru).Concat(vxu).ToList();

        Assert.Equal(all.Count, all.Select(m => m.ControlId).Distinct().Count());
        Assert.All(all, m => Assert.Matches(@"^\d+-\d+$", m.ControlId));
        foreach (var group in all.GroupBy(m => m.ControlId.Split('-')[0]))
        {
            var seq = group.Select(m => int.Parse(m.ControlId.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture)).Order();
            Assert.Equal(Enumerable.Range(1, group.Count()), seq);
        }
        // PID-3 MR matches the control id's patient index.
        Assert.All(all, m => Assert.Equal("MRN" + m.ControlId.Split('-')[0], Hl7Text.Component(m.Field("PID", 3), 1)));
    }

    [Fact]
    public void Output_is_deterministic_and_culture_independent()
    {
        using var a = new TempDirectory();
        using var c = new TempDirectory();
        Tests.Export.UnderCulture("", () => Tests.Export.Run(new Hl7Exporter(a.Path), Hl7Population.Build(30)));
        Tests.Export.UnderCulture("ar-SA", () => Tests.Export.Run(new Hl7Exporter(c.Path), Hl7Population.Build(30)));
        foreach (var f in new[] { "adt", "oru", "vxu" })
        {
            Assert.Equal(File.ReadAllBytes(a.File($"hl7/{f}.hl7")), File.ReadAllBytes(c.File($"hl7/{f}.hl7")));
        }
    }

    [Fact]
    public void A_reused_record_does_not_change_messages_already_written()
    {
        using var reused = new TempDirectory();
        using var fresh = new TempDirectory();
        var record = new PatientRecord();
        using (var exporter = new Hl7Exporter(reused.Path))
        {
            exporter.Write(PatientBuilder.Full(0, record));
            exporter.Write(PatientBuilder.Minimal(1, record));
            exporter.Complete();
        }
        Tests.Export.Run(new Hl7Exporter(fresh.Path), new[] { PatientBuilder.Full(0), PatientBuilder.Minimal(1) });
        Assert.Equal(File.ReadAllBytes(fresh.File("hl7/adt.hl7")), File.ReadAllBytes(reused.File("hl7/adt.hl7")));
    }

    [Fact]
    public void Mllp_frames_every_message()
    {
        using var plain = new TempDirectory();
        using var framed = new TempDirectory();
        var patients = Hl7Population.Build(10);
        var p = Tests.Export.Run(new Hl7Exporter(plain.Path, mllp: false), patients);
        var f = Tests.Export.Run(new Hl7Exporter(framed.Path, mllp: true), patients);
        Assert.True(f.Mllp);

        foreach (var name in new[] { "adt", "oru", "vxu" })
        {
            var bytes = File.ReadAllBytes(framed.File($"hl7/{name}.hl7"));
            var frames = new List<byte[]>();
            int i = 0;
            while (i < bytes.Length)
            {
                Assert.Equal(0x0B, bytes[i]);
                int end = Array.IndexOf(bytes, (byte)0x1C, i + 1);
                Assert.True(end > i);
                Assert.Equal(0x0D, bytes[end + 1]);
                frames.Add(bytes[(i + 1)..end]);
                i = end + 2;
            }
            Assert.Equal(f.RowCounts[name], frames.Count);
            Assert.Equal(File.ReadAllBytes(plain.File($"hl7/{name}.hl7")), frames.SelectMany(x => x).ToArray());
            Assert.All(frames, x => Assert.Equal((byte)'\r', x[^1]));
        }
    }

    [Fact]
    public void Write_after_complete_throws_and_complete_is_idempotent()
    {
        using var dir = new TempDirectory();
        using var exporter = new Hl7Exporter(dir.Path);
        exporter.Write(PatientBuilder.Minimal(0));
        exporter.Complete();
        exporter.Complete();
        Assert.Throws<InvalidOperationException>(() => exporter.Write(PatientBuilder.Minimal(1)));
        Assert.Equal(1, exporter.RowCounts["adt"]);
    }

    [Fact]
    public void Values_are_escaped_cut_to_their_length_and_never_break_a_segment()
    {
        var r = PatientBuilder.Minimal(2);
        r.Demographics.Last = "A|B^C~D\\E&F\rG\nH";
        r.Demographics.First = new string('x', 40);
        r.Demographics.Middle = new string('m', 29) + "😀"; // the surrogate pair would straddle the 30-character limit
        var text = new Hl7Encoder().Encode(r)[0].Text;
        var m = Hl7Text.Parse(text);

        Assert.Equal("A\\F\\B\\S\\C\\R\\D\\E\\E\\T\\F\\X0D\\G\\X0A\\H^" + new string('x', 30) + "^" + new string('m', 29) + "^^^^L", m.Field("PID", 5));
        Assert.Equal(new[] { "MSH", "EVN", "PID", "PV1" }, m.Ids);
        Assert.Equal("A|B^C~D\\E&F\rG\nH", Hl7Text.Component(m.Field("PID", 5), 1));
        Assert.Equal(Encoding.UTF8.GetByteCount(text), Encoding.UTF8.GetBytes(text).Length);
    }

    [Theory]
    [InlineData(120.5, "120.5")]
    [InlineData(0.30000000000000004, "0.3")]
    [InlineData(1234567.125, "1234567.125")]
    [InlineData(-0.25, "-0.25")]
    [InlineData(100.0, "100")]
    [InlineData(1.5e-7, "0.00000015")]
    [InlineData(-0.0, "0")]
    [InlineData(123456789012345678.0, "123456789012346000")]
    [InlineData(double.NaN, null)]
    [InlineData(double.PositiveInfinity, null)]
    [InlineData(1e30, null)]
    public void Numbers_are_nm_without_exponents(double value, string? expected) => Assert.Equal(expected, Hl7Format.Number(value));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("|^~\\&", "\\F\\\\S\\\\R\\\\E\\\\T\\")]
    [InlineData("\\F\\", "\\E\\F\\E\\")]
    [InlineData("tab\there", "tab\\X09\\here")]
    [InlineData("Jyväskylä 王", "Jyväskylä 王")]
    public void Escape_and_unescape_round_trip(string value, string escaped)
    {
        Assert.Equal(escaped, Hl7Escaping.Escape(value));
        Assert.Equal(value, Hl7Escaping.Unescape(escaped));
    }

    [Fact]
    public void Timestamps_come_from_the_records_not_the_clock()
    {
        Assert.Equal("20190304101530+0000", Hl7Format.Timestamp(T));
        Assert.Equal("20190304", Hl7Format.Date(T));
        var first = new Hl7Encoder().Encode(Story());
        var again = new Hl7Encoder().Encode(Story());
        Assert.Equal(first.Select(m => m.Text), again.Select(m => m.Text));
    }
}
