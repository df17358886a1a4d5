using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SyntheticPatients.Generators.Tests.Infrastructure;
using SyntheticPatients.Language.Compilation;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Text;
using Xunit;

namespace SyntheticPatients.Generators.Tests.Terminology;

/// <summary>
/// SPM0023 (code not in its terminology catalog), SPM0024 (display differs from the catalog) and the module-level
/// opt-out <c>terminology: lenient</c>, each located (file, line, column) through the real generator.
/// </summary>
public sealed class TerminologyDiagnosticTests
{
    internal const string Snomed = """
        code,display,semantic_tag
        195967001,Asthma,disorder
        38341003,"Hypertensive disorder, systemic arterial",disorder
        185345009,Encounter for symptom,procedure
        """;

    internal const string Icd10 = """
        code,display
        J45.909,"Unspecified asthma, uncomplicated"
        I10,Essential (primary) hypertension
        """;

    internal const string Loinc = """
        code,display,ucum_unit,class
        4548-4,Hemoglobin A1c/Hemoglobin.total in Blood,%,CHEM
        """;

    /// <summary>A module with one state under test, then an exit; <paramref name="state"/> is indented as a state body.</summary>
    internal static string Module(string state, string header = "") => $$"""
        name: demo
        {{header}}states:
          start:
            type: start
            transitions:
              - to: record
          record:
        {{state}}
            transitions:
              - to: end
        """;

    private static Diagnostic[] Run(string module, bool withRxNorm = false)
    {
        var files = new[]
        {
            ("modules/demo.yaml", module),
            ("data/terminology/snomed.csv", Snomed),
            ("data/terminology/icd10cm.csv", Icd10),
            ("data/terminology/loinc.csv", Loinc),
        }.ToList();
        if (withRxNorm) files.Add(("data/terminology/rxnorm.csv", "code,display,tty\n314076,lisinopril 10 MG Oral Tablet,SCD\n"));
        return GeneratorHarness.Diagnostics(files.ToArray()).ToArray();
    }

    /// <summary>1-based line and column of the first occurrence of <paramref name="marker"/> in <paramref name="text"/>.</summary>
    internal static (int Line, int Column) At(string text, string marker)
    {
        int index = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{marker}' not in the text");
        int line = 1 + text.Take(index).Count(c => c == '\n');
        int column = index - (text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1) + 1;
        return (line, column);
    }

    private static Diagnostic[] About(Diagnostic[] diagnostics, string code)
        => diagnostics.Where(d => d.GetMessage().Contains("'" + code + "'", StringComparison.Ordinal)).ToArray();

    private static Diagnostic Single(Diagnostic[] diagnostics, string id, string file, (int Line, int Column) at)
        => DiagnosticAssert.Single(diagnostics.ToImmutableArray(), id, file, at.Line, at.Column);

    [Fact]
    public void A_code_missing_from_its_catalog_is_SPM0023_at_the_code_with_the_row_to_add()
    {
        var module = Module("""
                type: condition_onset
                conditions:
                  - name: Pneumonia
                    snomed: "233604007"
            """);

        var diagnostics = Run(module);

        var diagnostic = Single(diagnostics, "SPM0023", "modules/demo.yaml", At(module, "\"233604007\""));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var message = diagnostic.GetMessage();
        Assert.Contains("SNOMED-CT code '233604007' is not in the terminology catalog data/terminology/snomed.csv", message);
        Assert.Contains("add the row `233604007,Pneumonia,<semantic tag>` to data/terminology/snomed.csv", message);
        Assert.Contains("columns code,display,semantic_tag", message);
        Assert.Single(diagnostics);
    }

    [Fact]
    public void A_display_that_differs_from_the_catalog_is_SPM0024_at_the_name()
    {
        var module = Module("""
                type: condition_onset
                conditions:
                  - name: Reactive airway disease
                    snomed: "195967001"
            """);

        var diagnostic = Single(Run(module), "SPM0024", "modules/demo.yaml", At(module, "Reactive airway disease"));

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        var message = diagnostic.GetMessage();
        Assert.Contains("'Reactive airway disease' is not the catalog display of SNOMED-CT 195967001 ('Asthma', data/terminology/snomed.csv line 2)", message);
        Assert.Contains("Write 'display: Asthma'", message);
    }

    [Fact]
    public void A_display_field_gives_the_catalog_display_while_the_name_stays()
    {
        var good = Module("""
                type: condition_onset
                conditions:
                  - name: Reactive airway disease
                    display: asthma
                    snomed: "195967001"
            """);
        Assert.Empty(Run(good));

        var wrong = Module("""
                type: condition_onset
                conditions:
                  - name: Asthma
                    display: Asthma attack
                    snomed: "195967001"
            """);
        Single(Run(wrong), "SPM0024", "modules/demo.yaml", At(wrong, "Asthma attack"));
    }

    [Theory]
    [InlineData("Asthma")]
    [InlineData("ASTHMA")]
    [InlineData("  Asthma ")]
    [InlineData("Asthma (disorder)")]
    [InlineData("Hypertensive   disorder,  systemic arterial")]
    public void The_display_match_ignores_case_and_spacing_and_accepts_the_SNOMED_fully_specified_name(string name)
    {
        var code = name.Contains("Hypertensive", StringComparison.Ordinal) ? "38341003" : "195967001";
        var module = Module($$"""
                type: condition_onset
                conditions:
                  - name: "{{name}}"
                    snomed: "{{code}}"
            """);

        Assert.Empty(Run(module));
    }

    [Fact]
    public void An_entry_with_several_codes_needs_the_display_of_one_of_them()
    {
        var module = Module("""
                type: condition_onset
                conditions:
                  - name: Essential (primary) hypertension
                    icd10: I10
                    snomed: "38341003"
            """);
        Assert.Empty(Run(module));

        var neither = module.Replace("Essential (primary) hypertension", "High blood pressure", StringComparison.Ordinal);
        var message = Single(Run(neither), "SPM0024", "modules/demo.yaml", At(neither, "High blood pressure")).GetMessage();
        Assert.Contains("ICD-10-CM I10 ('Essential (primary) hypertension', data/terminology/icd10cm.csv line 3)", message);
        Assert.Contains("SNOMED-CT 38341003 ('Hypertensive disorder, systemic arterial', data/terminology/snomed.csv line 3)", message);
    }

    [Fact]
    public void Terminology_lenient_turns_a_missing_code_into_a_warning()
    {
        var module = Module("""
                type: condition_onset
                conditions:
                  - name: Pneumonia
                    snomed: "233604007"
            """, header: "terminology: lenient\n");

        var diagnostic = Single(Run(module), "SPM0023", "modules/demo.yaml", At(module, "\"233604007\""));

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void Terminology_lenient_keeps_a_display_difference_a_warning_and_strict_is_the_default()
    {
        var lenient = Module("""
                type: condition_onset
                conditions:
                  - name: Wheezy
                    snomed: "195967001"
            """, header: "terminology: lenient\n");
        Assert.Equal(DiagnosticSeverity.Warning, Single(Run(lenient), "SPM0024", "modules/demo.yaml", At(lenient, "Wheezy")).Severity);

        var strict = Module("""
                type: condition_onset
                conditions:
                  - name: Pneumonia
                    snomed: "233604007"
            """, header: "terminology: strict\n");
        Assert.Equal(DiagnosticSeverity.Error, Single(Run(strict), "SPM0023", "modules/demo.yaml", At(strict, "\"233604007\"")).Severity);
    }

    [Fact]
    public void An_unknown_terminology_mode_is_SPM0017()
    {
        var module = Module("""
                type: condition_onset
                conditions:
                  - name: Asthma
                    snomed: "195967001"
            """, header: "terminology: relaxed\n");

        var message = Single(Run(module), "SPM0017", "modules/demo.yaml", At(module, "relaxed")).GetMessage();
        Assert.Contains("'strict'", message);
        Assert.Contains("'lenient'", message);
    }

    [Fact]
    public void Systems_without_a_catalog_local_codes_and_malformed_codes_are_not_looked_up()
    {
        var module = Module("""
                type: medication_start
                medications:
                  - name: metformin 500 MG Oral Tablet
                    rxnorm: "861007"
            """);
        Assert.Empty(Run(module)); // no rxnorm.csv in this run

        var local = Module("""
                type: observation
                observations:
                  - name: Asthma event
                    loinc: EVE.ASTHMA
                    value: 1
            """);
        Assert.Empty(Run(local));

        var malformed = Module("""
                type: observation
                observations:
                  - name: Hemoglobin A1c
                    loinc: 4548-5
                    value: 7
            """);
        var diagnostics = Run(malformed);
        Assert.Contains(diagnostics, d => d.Id == "SPM0020");
        Assert.DoesNotContain(diagnostics, d => d.Id == "SPM0023");
    }

    [Fact]
    public void A_medication_is_checked_when_rxnorm_has_a_catalog()
    {
        var module = Module("""
                type: medication_start
                medications:
                  - name: lisinopril 20 MG Oral Tablet
                    rxnorm: "314077"
            """);

        var message = Single(Run(module, withRxNorm: true), "SPM0023", "modules/demo.yaml", At(module, "\"314077\"")).GetMessage();

        Assert.Contains("add the row `314077,lisinopril 20 MG Oral Tablet,<tty>` to data/terminology/rxnorm.csv", message);
    }

    [Fact]
    public void Encounter_codes_are_checked_each_with_its_own_display()
    {
        var module = Module("""
                type: encounter
                encounter_type: Sick visit
                codes:
                  - system: SNOMED-CT
                    code: "185345009"
                    display: Encounter for sickness
                  - system: SNOMED-CT
                    code: "185347001"
                    display: Encounter for problem
            """);

        var diagnostics = Run(module);

        Single(diagnostics, "SPM0024", "modules/demo.yaml", At(module, "Encounter for sickness"));
        var missing = Single(diagnostics, "SPM0023", "modules/demo.yaml", At(module, "\"185347001\""));
        Assert.Contains("`185347001,Encounter for problem,<semantic tag>`", missing.GetMessage());
    }

    [Fact]
    public void An_observation_condition_tests_a_catalogued_loinc_code_and_the_row_carries_the_units()
    {
        var module = Module("""
                type: observation
                observations:
                  - name: Glucose [Mass/volume] in Serum or Plasma
                    loinc: 2345-7
                    units: mg/dL
                    value: 100
            """).Replace("""
                  - to: end
            """, """
                  - to: end
                    condition:
                      type: observation
                      code: 2160-0
                      operator: ">="
                      value: 1.5
            """, StringComparison.Ordinal);

        var diagnostics = Run(module);

        Assert.Equal(2, diagnostics.Length);
        var row = Single(About(diagnostics, "2345-7"), "SPM0023", "modules/demo.yaml", At(module, "2345-7")).GetMessage();
        Assert.Contains("`2345-7,Glucose [Mass/volume] in Serum or Plasma,mg/dL,<class>`", row);
        var condition = Single(About(diagnostics, "2160-0"), "SPM0023", "modules/demo.yaml", At(module, "2160-0"));
        Assert.Contains("`2160-0,<display>,<ucum unit>,<class>`", condition.GetMessage());
    }

    [Fact]
    public void Care_plan_start_and_activity_codes_are_checked()
    {
        var module = Module("""
                type: care_plan_start
                care_plan_name: Asthma plan
                snomed: "699728000"
                activities:
                  - name: Inhaled steroid therapy
                    snomed: "708409001"
                assign_to_attribute: plan
            """);

        var diagnostics = Run(module);

        Single(About(diagnostics, "699728000"), "SPM0023", "modules/demo.yaml", At(module, "\"699728000\""));
        Single(About(diagnostics, "708409001"), "SPM0023", "modules/demo.yaml", At(module, "\"708409001\""));
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("`699728000,Asthma plan,<semantic tag>`", StringComparison.Ordinal));
    }

    [Fact]
    public void The_front_end_reports_what_the_generator_reports()
    {
        var module = Module("""
                type: condition_onset
                conditions:
                  - name: Wheezy
                    snomed: "195967001"
                  - name: Pneumonia
                    snomed: "233604007"
            """);

        var result = ModuleFrontEnd.Compile(new[]
        {
            ("/project/modules/demo.yaml", module),
            ("/project/data/terminology/snomed.csv", Snomed),
        });

        Assert.Collection(result.Diagnostics.OrderBy(d => d.Span.Line),
            d => Assert.Equal(("SPM0024", At(module, "Wheezy").Line), (d.Id, d.Span.Line)),
            d => Assert.Equal(("SPM0023", DiagnosticLevel.Error, At(module, "\"233604007\"")), (d.Id, d.Level, (d.Span.Line, d.Span.Column))));
    }

    [Fact]
    public void Only_csv_files_directly_under_a_terminology_folder_are_catalogs()
    {
        Assert.Equal(YamlFileKind.Terminology, FileKinds.Classify("/repo/data/terminology/snomed.csv"));
        Assert.Equal(YamlFileKind.Terminology, FileKinds.Classify(@"C:\repo\data\terminology\LOINC.CSV"));
        Assert.Equal(YamlFileKind.Other, FileKinds.Classify("/repo/data/parameters/snomed.csv"));
        Assert.Equal(YamlFileKind.Other, FileKinds.Classify("/repo/data/terminology/old/snomed.csv"));
        Assert.Equal(YamlFileKind.Module, FileKinds.Classify("/repo/modules/asthma.yaml"));
    }
}
