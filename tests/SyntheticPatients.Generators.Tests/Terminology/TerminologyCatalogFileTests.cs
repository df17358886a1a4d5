using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SyntheticPatients.Generators.Tests.Infrastructure;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Terminology;
using Xunit;

namespace SyntheticPatients.Generators.Tests.Terminology;

/// <summary>Reading the catalog CSVs: every malformed row is SPM0025 at its file, line and column, and is left out.</summary>
public sealed class TerminologyCatalogFileTests
{
    private static ImmutableArray<Diagnostic> Catalog(string file, string text)
        => GeneratorHarness.Diagnostics(("data/terminology/" + file, text));

    private static Diagnostic Single(ImmutableArray<Diagnostic> diagnostics, string file, int line, int column)
        => DiagnosticAssert.Single(diagnostics, "SPM0025", "data/terminology/" + file, line, column);

    [Fact]
    public void A_well_formed_catalog_has_no_diagnostic_and_quoted_fields_keep_their_commas()
    {
        var text = "code,display,semantic_tag\r\n38341003,\"Hypertensive disorder, systemic arterial\",disorder\r\n\r\n3718001,\"Cow's milk\",substance\r\n102263004,Eggs (edible),substance\n";

        Assert.Empty(Catalog("snomed.csv", text));

        var file = TerminologyFileReader.Read("/r/data/terminology/snomed.csv", text);
        var (catalog, diagnostics) = TerminologyCatalogBuilder.Build(new[] { file });
        Assert.True(diagnostics.IsEmpty);
        var snomed = catalog.For("snomed")!;
        Assert.Equal(CodeSystems.Snomed, snomed.System);
        Assert.Equal(new[] { "102263004", "3718001", "38341003" }, snomed.Entries.Select(e => e.Code)); // sorted by code
        var hypertension = snomed.Find("38341003")!;
        Assert.Equal(("Hypertensive disorder, systemic arterial", "disorder", 2), (hypertension.Display, hypertension.ExtraAt(0), hypertension.Line));
        Assert.Equal("Hypertensive disorder, systemic arterial (disorder)", snomed.FullDisplay(hypertension));
        Assert.Null(snomed.Find("233604007"));
        Assert.Equal("data/terminology/snomed.csv", snomed.DisplayPath);
    }

    [Fact]
    public void A_display_with_an_unquoted_comma_is_reported_at_its_row()
    {
        var diagnostics = Catalog("snomed.csv", "code,display,semantic_tag\n195967001,Asthma,disorder\n38341003,Hypertensive disorder, systemic arterial,disorder\n");

        var message = Single(diagnostics, "snomed.csv", 3, 1).GetMessage();
        Assert.Contains("this row has 4 fields but the header has 3 (code,display,semantic_tag)", message);
        Assert.Contains("quote a display that contains a comma", message);
    }

    [Fact]
    public void A_quote_left_open_is_reported_at_the_quote()
    {
        var diagnostics = Catalog("icd10cm.csv", "code,display\nI10,\"Essential (primary) hypertension\nJ45.909,x\n");

        Assert.Contains("not closed on this line", Single(diagnostics, "icd10cm.csv", 2, 5).GetMessage());
    }

    [Fact]
    public void A_malformed_code_is_reported_at_the_code()
    {
        var diagnostics = Catalog("loinc.csv", "code,display,ucum_unit,class\n4548-4,Hemoglobin A1c/Hemoglobin.total in Blood,%,CHEM\n  4548-5,Hemoglobin A1c,%,CHEM\n");

        var message = Single(diagnostics, "loinc.csv", 3, 3).GetMessage();
        Assert.Contains("LOINC code '4548-5' is malformed", message);
        Assert.Contains("check digit", message);
    }

    [Fact]
    public void An_empty_display_and_an_empty_code_are_reported_at_their_fields()
    {
        Assert.Contains("display of CVX code '140' is empty", Single(Catalog("cvx.csv", "code,display\n140, \n"), "cvx.csv", 2, 5).GetMessage());
        Assert.Contains("the code is empty", Single(Catalog("cvx.csv", "code,display\n,Influenza\n"), "cvx.csv", 2, 1).GetMessage());
    }

    [Fact]
    public void A_code_listed_twice_is_reported_at_the_second_row()
    {
        var diagnostics = Catalog("rxnorm.csv", "code,display,tty\n314076,lisinopril 10 MG Oral Tablet,SCD\n197361,amlodipine 5 MG Oral Tablet,SCD\n314076,lisinopril 10 mg tablet,SCD\n");

        Assert.Contains("RxNorm code '314076' is already listed (line 2)", Single(diagnostics, "rxnorm.csv", 4, 1).GetMessage());
    }

    [Fact]
    public void A_wrong_header_and_an_unknown_catalog_file_are_reported()
    {
        var header = Single(Catalog("cvx.csv", "cvx,description\n140,\"Influenza, seasonal, injectable, preservative free\"\n"), "cvx.csv", 1, 1).GetMessage();
        Assert.Contains("must be 'code,display'", header);

        var unknown = Single(Catalog("ndc.csv", "code,display\n0002-1433-80,Trulicity\n"), "ndc.csv", 1, 1).GetMessage();
        Assert.Contains("snomed.csv, icd10cm.csv, loinc.csv, rxnorm.csv, cvx.csv", unknown);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_reported_where_it_starts()
    {
        var diagnostics = Catalog("cvx.csv", "code,display\n140,\"Influenza\" seasonal\n");

        Assert.Contains("text follows the closing quote", Single(diagnostics, "cvx.csv", 2, 17).GetMessage());
    }

    [Fact]
    public void Malformed_rows_are_left_out_and_the_rest_of_the_catalog_still_checks_modules()
    {
        var module = TerminologyDiagnosticTests.Module("""
                type: condition_onset
                conditions:
                  - name: Asthma
                    snomed: "195967001"
                  - name: Hypertension
                    snomed: "38341003"
            """);

        var diagnostics = GeneratorHarness.Diagnostics(
            ("modules/demo.yaml", module),
            ("data/terminology/snomed.csv", "code,display,semantic_tag\n195967001,Asthma,disorder\n38341003,Hypertensive disorder, systemic arterial,disorder\n"));

        Single(diagnostics, "snomed.csv", 3, 1);
        DiagnosticAssert.Single(diagnostics, "SPM0023", "modules/demo.yaml", TerminologyDiagnosticTests.At(module, "\"38341003\"").Line, TerminologyDiagnosticTests.At(module, "\"38341003\"").Column);
        Assert.Equal(2, diagnostics.Length);
    }
}
