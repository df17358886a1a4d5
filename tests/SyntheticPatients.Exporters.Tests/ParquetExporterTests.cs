using Parquet.Schema;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Tests;

public class ParquetExporterTests
{
    [Fact]
    public void Every_table_has_the_csv_columns_and_the_same_cells()
    {
        using var dir = new TempDirectory();
        var patients = Export.Sample();
        var parquet = Export.Run(new ParquetExporter(dir.Path), patients);
        var csv = Export.Run(new CsvExporter(dir.Path), patients);

        Assert.Equal(Tables.All.Select(t => $"parquet/{t.Name}.parquet"), parquet.Files);
        Assert.Equal(csv.RowCounts, parquet.RowCounts);
        foreach (var table in Tables.All)
        {
            var text = CsvTable.Read(dir.File($"csv/{table.Name}.csv"));
            var typed = ParquetTable.Read(dir.File($"parquet/{table.Name}.parquet"));
            Assert.Equal(text.Header, typed.Names);
            Assert.Equal(text.Rows.Count, typed.Rows.Count);
            Assert.Equal(parquet.RowCounts[table.Name], typed.Rows.Count);
            for (int r = 0; r < text.Rows.Count; r++)
            {
                for (int c = 0; c < table.Columns.Count; c++)
                {
                    var expected = text.Rows[r][c];
                    var actual = ValueFormat.Text(table.Columns[c].Type, typed.Rows[r][c]) ?? "";
                    Assert.True(expected == actual, $"{table.Name} row {r} {table.Columns[c].Name}: csv '{expected}', parquet '{actual}'");
                }
            }
        }
    }

    [Fact]
    public void Columns_are_typed_and_read_back_equal_to_the_records()
    {
        using var dir = new TempDirectory();
        var patient = PatientBuilder.Full(7);
        Export.Run(new ParquetExporter(dir.Path), new[] { patient });

        var patients = ParquetTable.Read(dir.File("parquet/patients.parquet"));
        var row = patients.Rows.Single();
        object? Cell(ParquetTable t, object?[] r, string name) => r[Array.IndexOf(t.Names, name)];
        Assert.Equal(patient.Demographics.Id.ToString(), Cell(patients, row, "Id"));
        Assert.Equal(new DateOnly(1980, 5, 17), Cell(patients, row, "BIRTHDATE"));
        Assert.Equal(new DateOnly(2019, 4, 3), Cell(patients, row, "DEATHDATE"));
        Assert.Equal("O'Brien, \"Jr\"", Cell(patients, row, "LAST"));
        Assert.Equal("1 Main St\r\nApt 2", Cell(patients, row, "ADDRESS"));
        Assert.Null(Cell(patients, row, "PASSPORT"));
        Assert.Equal(42.3601, Cell(patients, row, "LAT"));
        Assert.Equal(12345.68m, Cell(patients, row, "HEALTHCARE_EXPENSES"));
        Assert.Equal(55000, Cell(patients, row, "INCOME"));

        var encounters = ParquetTable.Read(dir.File("parquet/encounters.parquet"));
        var start = (DateTime)Cell(encounters, encounters.Rows[0], "START")!;
        Assert.Equal(new DateTime(2019, 3, 4, 10, 15, 30, DateTimeKind.Utc), start);
        Assert.Equal(DateTimeKind.Utc, start.Kind);
        Assert.Equal(761.00m, Cell(encounters, encounters.Rows[0], "TOTAL_CLAIM_COST"));
        Assert.Null(Cell(encounters, encounters.Rows[0], "PAYER_COVERAGE"));
        Assert.Null(Cell(encounters, encounters.Rows[1], "PAYER"));

        var family = ParquetTable.Read(dir.File("parquet/family_history.parquet"));
        Assert.Equal(new object?[] { 55, false }, family.Rows[0][^2..]);
        Assert.Equal(new object?[] { null, true }, family.Rows[1][^2..]);

        var observations = ParquetTable.Read(dir.File("parquet/observations.parquet"));
        Assert.Equal(new[] { "120.5", "1234567.125", "Never smoked tobacco (finding)", "0.30000000000000004" },
            observations.Rows.Select(r => (string?)Cell(observations, r, "VALUE")));

        var fields = ParquetExporter.Schema(Tables.Encounters).GetDataFields();
        Assert.All(fields, f => Assert.True(f.IsNullable));
        Assert.IsType<DateTimeDataField>(fields[1]);
        Assert.Equal(2, Assert.IsType<DecimalDataField>(fields[10]).Scale);
    }

    [Fact]
    public void Row_groups_bound_the_buffered_rows()
    {
        using var dir = new TempDirectory();
        var patients = Enumerable.Range(0, 5).Select(i => PatientBuilder.Full(i)).ToArray();
        var exporter = Export.Run(new ParquetExporter(dir.Path, maxRowsPerRowGroup: 2), patients);

        // A row group is written as soon as a table holds at least 2 rows after a patient.
        Assert.Equal(new long[] { 2, 2, 1 }, ParquetTable.Read(dir.File("parquet/patients.parquet")).RowGroupSizes);
        Assert.Equal(new long[] { 4, 4, 4, 4, 4 }, ParquetTable.Read(dir.File("parquet/observations.parquet")).RowGroupSizes);
        Assert.Equal(20, exporter.RowCounts["observations"]);
        Assert.Equal(
            patients.Select(p => p.Demographics.Id.ToString()),
            ParquetTable.Read(dir.File("parquet/patients.parquet")).Rows.Select(r => (string?)r[0]));
    }

    [Fact]
    public void A_reused_record_does_not_change_buffered_rows()
    {
        using var dir = new TempDirectory();
        var record = new PatientRecord();
        using (var exporter = new ParquetExporter(dir.Path))
        {
            exporter.Write(PatientBuilder.Full(0, record));
            exporter.Write(PatientBuilder.Minimal(1, record));
            exporter.Write(PatientBuilder.Full(2, record));
            exporter.Complete();
        }
        var patients = ParquetTable.Read(dir.File("parquet/patients.parquet"));
        Assert.Equal(3, patients.Rows.Count);
        Assert.Equal(new[] { "Anna0", "Anna1", "Anna2" }, patients.Rows.Select(r => (string?)r[Array.IndexOf(patients.Names, "FIRST")]));
        Assert.Equal(8, ParquetTable.Read(dir.File("parquet/observations.parquet")).Rows.Count);
    }

    [Fact]
    public void Empty_run_writes_readable_files_without_rows()
    {
        using var dir = new TempDirectory();
        Export.Run(new ParquetExporter(dir.Path), Array.Empty<PatientRecord>());
        foreach (var table in Tables.All)
        {
            var read = ParquetTable.Read(dir.File($"parquet/{table.Name}.parquet"));
            Assert.Equal(table.Columns.Select(c => c.Name), read.Names);
            Assert.Empty(read.Rows);
        }
    }

    [Fact]
    public void Same_records_give_the_same_bytes()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        Export.Run(new ParquetExporter(a.Path), Export.Sample());
        Export.UnderCulture("fi-FI", () => Export.Run(new ParquetExporter(b.Path), Export.Sample()));
        foreach (var table in Tables.All)
        {
            Assert.Equal(File.ReadAllBytes(a.File($"parquet/{table.Name}.parquet")), File.ReadAllBytes(b.File($"parquet/{table.Name}.parquet")));
        }
    }

    [Fact]
    public void Composite_writes_both_formats()
    {
        using var dir = new TempDirectory();
        var exporter = Export.Run(new CompositeExporter(new CsvExporter(dir.Path), new ParquetExporter(dir.Path)), Export.Sample());
        Assert.Equal(Tables.All.Count * 2, exporter.Files.Count);
        Assert.All(exporter.Files, f => Assert.True(File.Exists(dir.File(f)), f));
        Assert.Equal(3, exporter.RowCounts["patients"]);
    }
}

public class ParquetSchemaTests
{
    [Fact]
    public async Task Logical_types_are_stored_in_the_files()
    {
        using var dir = new TempDirectory();
        Export.Run(new ParquetExporter(dir.Path), new[] { PatientBuilder.Full(0) });

        var patients = await Parquet.ParquetReader.ReadSchemaAsync(dir.File("parquet/patients.parquet"));
        var encounters = await Parquet.ParquetReader.ReadSchemaAsync(dir.File("parquet/encounters.parquet"));
        var birth = Assert.IsType<DateTimeDataField>(patients.FindDataField("BIRTHDATE"));
        Assert.Equal(DateTimeFormat.Date, birth.DateTimeFormat);
        var start = Assert.IsType<DateTimeDataField>(encounters.FindDataField("START"));
        Assert.Equal(DateTimeFormat.Timestamp, start.DateTimeFormat);
        Assert.True(start.IsAdjustedToUTC);
        Assert.Equal(DateTimeTimeUnit.Millis, start.Unit);
        var cost = Assert.IsType<DecimalDataField>(encounters.FindDataField("BASE_ENCOUNTER_COST"));
        Assert.Equal((18, 2), (cost.Precision, cost.Scale));
        Assert.Equal(typeof(double), Nullable.GetUnderlyingType(patients.FindDataField("LAT").ClrType) ?? patients.FindDataField("LAT").ClrType);
        Assert.Equal(typeof(int), Nullable.GetUnderlyingType(patients.FindDataField("INCOME").ClrType) ?? patients.FindDataField("INCOME").ClrType);
    }
}
