using System.Text;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Tests;

public class CsvExporterTests
{
    private const string Pid = "00000000-0000-4000-8000-000000000000";
    private const string E1 = "00000000-0000-4000-8000-000000000001";
    private const string E2 = "00000000-0000-4000-8000-000000000002";
    private const string Payer = "0c000000-0000-4000-8000-000000000003";

    public static TheoryData<string, string> SyntheaHeaders => new()
    {
        { "patients", "Id,BIRTHDATE,DEATHDATE,SSN,DRIVERS,PASSPORT,PREFIX,FIRST,MIDDLE,LAST,SUFFIX,MAIDEN,MARITAL,RACE,ETHNICITY,GENDER,BIRTHPLACE,ADDRESS,CITY,STATE,COUNTY,FIPS,ZIP,LAT,LON,HEALTHCARE_EXPENSES,HEALTHCARE_COVERAGE,INCOME" },
        { "encounters", "Id,START,STOP,PATIENT,ORGANIZATION,PROVIDER,PAYER,ENCOUNTERCLASS,CODE,DESCRIPTION,BASE_ENCOUNTER_COST,TOTAL_CLAIM_COST,PAYER_COVERAGE,REASONCODE,REASONDESCRIPTION" },
        { "conditions", "START,STOP,PATIENT,ENCOUNTER,SYSTEM,CODE,DESCRIPTION" },
        { "medications", "START,STOP,PATIENT,PAYER,ENCOUNTER,CODE,DESCRIPTION,BASE_COST,PAYER_COVERAGE,DISPENSES,TOTALCOST,REASONCODE,REASONDESCRIPTION" },
        { "observations", "DATE,PATIENT,ENCOUNTER,CATEGORY,CODE,DESCRIPTION,VALUE,UNITS,TYPE" },
        { "procedures", "START,STOP,PATIENT,ENCOUNTER,SYSTEM,CODE,DESCRIPTION,BASE_COST,REASONCODE,REASONDESCRIPTION" },
        { "immunizations", "DATE,PATIENT,ENCOUNTER,CODE,DESCRIPTION,BASE_COST" },
        { "allergies", "START,STOP,PATIENT,ENCOUNTER,CODE,SYSTEM,DESCRIPTION,TYPE,CATEGORY,REACTION1,DESCRIPTION1,SEVERITY1,REACTION2,DESCRIPTION2,SEVERITY2" },
        { "careplans", "Id,START,STOP,PATIENT,ENCOUNTER,CODE,DESCRIPTION,REASONCODE,REASONDESCRIPTION" },
        { "family_history", "Id,PATIENT,DATE,RELATION_CODE,RELATION,SYSTEM,CODE,DESCRIPTION,ONSET_AGE,DECEASED" },
        { "deaths", "PATIENT,DATE,AGE,ENCOUNTER,SYSTEM,CODE,DESCRIPTION,MANNER" },
        { "module_attributes", "PATIENT,MODULE,ATTRIBUTE,VALUE" },
    };

    [Theory]
    [MemberData(nameof(SyntheaHeaders))]
    public void Header_is_exact(string table, string header)
    {
        using var dir = new TempDirectory();
        Export.Run(new CsvExporter(dir.Path), Export.Sample());

        var path = dir.File($"csv/{table}.csv");
        var bytes = File.ReadAllBytes(path);
        Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte order mark");
        Assert.StartsWith(header + "\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(header.Split(','), CsvTable.Read(path).Header);
        Assert.Equal(header.Split(','), Tables.Find(table)!.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Writes_every_table_in_csv_subdirectory_and_lists_the_files()
    {
        using var dir = new TempDirectory();
        var exporter = Export.Run(new CsvExporter(dir.Path), Export.Sample());

        Assert.Equal(Tables.All.Select(t => $"csv/{t.Name}.csv"), exporter.Files);
        Assert.Equal(
            exporter.Files.Order(StringComparer.Ordinal),
            Directory.GetFiles(dir.File("csv")).Select(f => "csv/" + Path.GetFileName(f)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Row_counts_match_the_records_and_the_files()
    {
        using var dir = new TempDirectory();
        var patients = Export.Sample();
        var exporter = Export.Run(new CsvExporter(dir.Path), patients);

        var expected = new Dictionary<string, long>
        {
            ["patients"] = patients.Length,
            ["encounters"] = patients.Sum(p => p.Encounters.Count),
            ["conditions"] = patients.Sum(p => p.Conditions.Count),
            ["medications"] = patients.Sum(p => p.Medications.Count),
            ["observations"] = patients.Sum(p => p.Observations.Count),
            ["procedures"] = patients.Sum(p => p.Procedures.Count),
            ["immunizations"] = patients.Sum(p => p.Immunizations.Count),
            ["allergies"] = patients.Sum(p => p.Allergies.Count),
            ["careplans"] = patients.Sum(p => p.CarePlans.Count),
            ["family_history"] = patients.Sum(p => p.FamilyHistory.Count),
            ["deaths"] = patients.Count(p => p.Death is not null),
            ["module_attributes"] = patients.Sum(p => p.ModuleAttributes.Count),
        };
        Assert.Equal(Tables.All.Select(t => t.Name), exporter.RowCounts.Keys);
        foreach (var (table, rows) in expected)
        {
            Assert.True(rows > 0, table);
            Assert.Equal(rows, exporter.RowCounts[table]);
            Assert.Equal(rows, CsvTable.Read(dir.File($"csv/{table}.csv")).Rows.Count);
        }
    }

    [Fact]
    public void Empty_run_writes_headers_only()
    {
        using var dir = new TempDirectory();
        var exporter = Export.Run(new CsvExporter(dir.Path), Array.Empty<PatientRecord>());

        foreach (var table in Tables.All)
        {
            var text = File.ReadAllText(dir.File($"csv/{table.Name}.csv"));
            Assert.Equal(string.Join(",", table.Columns.Select(c => c.Name)) + "\r\n", text);
            Assert.Equal(0, exporter.RowCounts[table.Name]);
        }
    }

    [Fact]
    public void Patients_row_follows_synthea_semantics()
    {
        using var dir = new TempDirectory();
        Export.Run(new CsvExporter(dir.Path), Export.Sample());
        var patients = CsvTable.Read(dir.File("csv/patients.csv"));

        var row = patients.Row(0);
        Assert.Equal(Pid, row["Id"]);
        Assert.Equal("1980-05-17", row["BIRTHDATE"]);
        Assert.Equal("2019-04-03", row["DEATHDATE"]);
        Assert.Equal("999-12-1000", row["SSN"]);
        Assert.Equal("S99912345", row["DRIVERS"]);
        Assert.Equal("", row["PASSPORT"]);
        Assert.Equal("Ms.", row["PREFIX"]);
        Assert.Equal("O'Brien, \"Jr\"", row["LAST"]);
        Assert.Equal("Järvinen", row["MAIDEN"]);
        Assert.Equal("F", row["GENDER"]);
        Assert.Equal("1 Main St\r\nApt 2", row["ADDRESS"]);
        Assert.Equal("Jyväskylä", row["CITY"]);
        Assert.Equal("02110", row["ZIP"]);
        Assert.Equal("42.3601", row["LAT"]);
        Assert.Equal("-71.0589", row["LON"]);
        Assert.Equal("12345.68", row["HEALTHCARE_EXPENSES"]);
        Assert.Equal("987.50", row["HEALTHCARE_COVERAGE"]);
        Assert.Equal("55000", row["INCOME"]);

        var alive = patients.Row(1);
        Assert.Equal("", alive["DEATHDATE"]);
        Assert.Equal("M", alive["GENDER"]);
        Assert.Equal("", alive["MARITAL"]);
    }

    [Fact]
    public void Clinical_rows_follow_synthea_semantics()
    {
        using var dir = new TempDirectory();
        Export.Run(new CsvExporter(dir.Path), Export.Sample());
        CsvTable T(string name) => CsvTable.Read(dir.File($"csv/{name}.csv"));

        Assert.Equal(
            new[] { E1, "2019-03-04T10:15:30Z", "2019-03-04T10:45:30Z", Pid, "0a000000-0000-4000-8000-000000000001",
                "0b000000-0000-4000-8000-000000000002", Payer, "wellness", "410620009", "Well child visit (procedure)",
                "125.00", "761.00", "", "59621000", "Essential hypertension (disorder)" },
            T("encounters").Rows[0]);
        Assert.Equal(
            new[] { E2, "2019-04-03T10:15:30Z", "2019-04-03T10:45:30Z", Pid, "0a000000-0000-4000-8000-000000000001",
                "0b000000-0000-4000-8000-000000000002", "", "emergency", "50849002", "Emergency room admission, \"ambulance\"",
                "85.55", "85.55", "", "", "" },
            T("encounters").Rows[1]);

        var conditions = T("conditions");
        // SNOMED-CT wins over the ICD-10-CM code listed first; ICD-10-CM when it is the only code.
        Assert.Equal(new[] { "2019-03-04", "", Pid, E1, "SNOMED-CT", "59621000", "Essential hypertension (disorder)" }, conditions.Rows[0]);
        Assert.Equal(new[] { "2017-03-04", "2018-03-04", Pid, "", "ICD-10-CM", "E11.9", "Type 2 diabetes mellitus without complications" },
            conditions.Rows[1]);

        Assert.Equal(
            new[] { "2019-03-04T10:15:30Z", "", Pid, Payer, E1, "314076", "lisinopril 10 MG Oral Tablet", "12.34", "", "12", "148.08",
                "59621000", "Essential hypertension (disorder)" },
            T("medications").Rows[0]);

        var observations = T("observations");
        Assert.Equal(new[] { "2019-03-04T10:15:30Z", Pid, E1, "vital-signs", "8480-6", "Systolic Blood Pressure", "120.5", "mm[Hg]", "numeric" },
            observations.Rows[0]);
        Assert.Equal("Glomerular filtration rate, \"MDRD\"\nper 1.73 m2", observations.Cell(1, "DESCRIPTION"));
        Assert.Equal("1234567.125", observations.Cell(1, "VALUE"));
        Assert.Equal(new[] { "2019-03-04T10:15:30Z", Pid, E1, "social-history", "72166-2", "Tobacco smoking status",
            "Never smoked tobacco (finding)", "", "text" }, observations.Rows[2]);
        Assert.Equal("0.30000000000000004", observations.Cell(3, "VALUE"));
        Assert.Equal("", observations.Cell(3, "ENCOUNTER"));

        Assert.Equal(
            new[] { "2019-03-04T10:15:30Z", "2019-03-04T10:35:30Z", Pid, E1, "SNOMED-CT", "29303009", "Electrocardiographic procedure",
                "500.00", "59621000", "Essential hypertension (disorder)" },
            T("procedures").Rows[0]);
        Assert.Equal(
            new[] { "2019-03-04T10:15:30Z", Pid, E1, "140", "Influenza, seasonal, injectable, preservative free", "136.00" },
            T("immunizations").Rows[0]);
        Assert.Equal(
            new[] { "2009-03-04", "", Pid, "", "91935009", "SNOMED-CT", "Allergy to peanuts", "allergy", "food", "247472004",
                "Wheal (finding)", "MILD", "39579001", "Anaphylaxis", "SEVERE" },
            T("allergies").Rows[0]);
        Assert.Equal(
            new[] { "00000000-0000-4000-8000-000000000003", "2019-03-04", "", Pid, E1, "443402002",
                "Lifestyle education regarding hypertension (procedure)", "59621000", "Essential hypertension (disorder)" },
            T("careplans").Rows[0]);

        var family = T("family_history");
        Assert.Equal(new[] { "00000000-0000-4000-8000-000000000004", Pid, "2019-03-04", "MTH", "mother", "SNOMED-CT", "59621000",
            "Essential hypertension (disorder)", "55", "false" }, family.Rows[0]);
        Assert.Equal(new[] { "00000000-0000-4000-8000-000000000005", Pid, "2019-03-04", "FTH", "father", "ICD-10-CM", "E11.9",
            "Type 2 diabetes mellitus without complications", "", "true" }, family.Rows[1]);

        Assert.Equal(new[] { Pid, "2019-04-03T12:15:30Z", "38", E2, "ICD-10-CM", "E11.9", "Type 2 diabetes mellitus without complications",
            "natural" }, T("deaths").Rows[0]);
        Assert.Equal(new[] { Pid, "sample_hypertension", "hypertension_severity", "moderate, \"stage 2\"" }, T("module_attributes").Rows[0]);
    }

    [Fact]
    public void Quotes_only_fields_that_need_it_per_rfc4180()
    {
        using var dir = new TempDirectory();
        Export.Run(new CsvExporter(dir.Path), new[] { PatientBuilder.Full(0) });

        var patients = File.ReadAllText(dir.File("csv/patients.csv"));
        Assert.Contains(",\"O'Brien, \"\"Jr\"\"\",", patients, StringComparison.Ordinal);
        Assert.Contains(",\"1 Main St\r\nApt 2\",Jyväskylä,", patients, StringComparison.Ordinal);
        Assert.Contains(",Ms.,Anna0,Maria,", patients, StringComparison.Ordinal);

        var observations = File.ReadAllText(dir.File("csv/observations.csv"));
        Assert.Contains(",\"Glomerular filtration rate, \"\"MDRD\"\"\nper 1.73 m2\",1234567.125,", observations, StringComparison.Ordinal);

        var immunizations = File.ReadAllLines(dir.File("csv/immunizations.csv"));
        Assert.Equal($"2019-03-04T10:15:30Z,{Pid},{E1},140,\"Influenza, seasonal, injectable, preservative free\",136.00", immunizations[1]);
    }

    [Theory]
    [InlineData("fi-FI")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void Output_is_identical_under_any_culture(string culture)
    {
        using var invariant = new TempDirectory();
        using var local = new TempDirectory();
        Export.UnderCulture("", () => Export.Run(new CsvExporter(invariant.Path), Export.Sample()));
        Export.UnderCulture(culture, () =>
        {
            // The culture really would change formatting: a decimal comma or other digits, '.' as time separator...
            Assert.NotEqual("120.5", 120.5.ToString());
            Export.Run(new CsvExporter(local.Path), Export.Sample());
        });

        foreach (var table in Tables.All)
        {
            Assert.Equal(File.ReadAllBytes(invariant.File($"csv/{table.Name}.csv")), File.ReadAllBytes(local.File($"csv/{table.Name}.csv")));
        }
        var observations = CsvTable.Read(local.File("csv/observations.csv"));
        Assert.Equal("120.5", observations.Cell(0, "VALUE"));
        Assert.Equal("2019-03-04T10:15:30Z", observations.Cell(0, "DATE"));
        Assert.Equal("12345.68", CsvTable.Read(local.File("csv/patients.csv")).Cell(0, "HEALTHCARE_EXPENSES"));
    }

    [Fact]
    public void A_reused_record_does_not_change_rows_already_written()
    {
        using var dir = new TempDirectory();
        var record = new PatientRecord();
        using (var exporter = new CsvExporter(dir.Path))
        {
            exporter.Write(PatientBuilder.Full(0, record));
            exporter.Write(PatientBuilder.Minimal(1, record));
            exporter.Write(PatientBuilder.Full(2, record));
            exporter.Complete();
        }
        using var fresh = new TempDirectory();
        Export.Run(new CsvExporter(fresh.Path), Export.Sample());
        foreach (var table in Tables.All)
        {
            Assert.Equal(File.ReadAllBytes(fresh.File($"csv/{table.Name}.csv")), File.ReadAllBytes(dir.File($"csv/{table.Name}.csv")));
        }
    }

    [Fact]
    public void Write_after_complete_throws_and_complete_is_idempotent()
    {
        using var dir = new TempDirectory();
        using var exporter = new CsvExporter(dir.Path);
        exporter.Write(PatientBuilder.Minimal(0));
        exporter.Complete();
        exporter.Complete();
        Assert.Throws<InvalidOperationException>(() => exporter.Write(PatientBuilder.Minimal(1)));
        Assert.Equal(1, exporter.RowCounts["patients"]);
    }

    [Fact]
    public void Files_stay_open_while_writing_and_are_readable_by_others()
    {
        using var dir = new TempDirectory();
        using var exporter = new CsvExporter(dir.Path);
        exporter.Write(PatientBuilder.Full(0));
        // Opened with FileShare.Read: a progress monitor can look at them mid-run.
        using (var s = new FileStream(dir.File("csv/patients.csv"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            Assert.True(s.CanRead);
        }
        exporter.Complete();
        Assert.Single(CsvTable.Read(dir.File("csv/patients.csv")).Rows);
    }
}
