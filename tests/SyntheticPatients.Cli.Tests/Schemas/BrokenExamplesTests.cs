using Xunit;
using SyntheticPatients.Language.Compilation;
using SyntheticPatients.Language.Diagnostics;

namespace SyntheticPatients.Cli.Tests.Schemas;

/// <summary>
/// Small modules with one mistake each: the compiler reports it (an error, or the unknown-field warning) and the schema
/// rejects it at the path of the mistake (what an editor underlines). The unbroken module passes both cleanly, so each
/// failure is the mistake's.
/// </summary>
public class BrokenExamplesTests
{
    private const string Valid = """
        name: schema_example
        states:
          start:
            type: start
            direct_transition: visit
          visit:
            type: encounter
            encounter_type: Office Visit
            encounter_class: ambulatory
            snomed: "185349003"
            transitions:
              - to: diagnosis
                condition: {type: age, operator: ">=", quantity: 40, unit: years}
              - to: end
          diagnosis:
            type: condition_onset
            conditions:
              - name: Essential hypertension
                icd10: I10
            direct_transition: end
          end:
            type: terminal
        """;

    [Fact]
    public void The_unbroken_example_passes_the_compiler_and_the_schema()
    {
        Assert.Empty(CompilerDiagnostics(Valid));
        Assert.Empty(SchemaValidator.ModuleErrors(Valid));
    }

    [Theory]
    [InlineData("unknown state type", "    type: encounter\n", "    type: encountr\n", "/states/visit/type")]
    [InlineData("unknown field on a state", "    encounter_type: Office Visit\n", "    encounter_type: Office Visit\n    duration_days: 3\n", "/states/visit/duration_days")]
    [InlineData("unknown condition type", "type: age,", "type: agee,", "/states/visit/transitions/0/condition/type")]
    [InlineData("unknown field on a condition", "unit: years}", "units: years}", "/states/visit/transitions/0/condition/units")]
    [InlineData("misspelled entry field", "        icd10: I10\n", "        icd_10: I10\n", "/states/diagnosis/conditions/0/icd_10")]
    [InlineData("wrong encounter_class", "encounter_class: ambulatory", "encounter_class: clinic", "/states/visit/encounter_class")]
    [InlineData("unknown field on an edge", "      - to: end\n", "      - to: end\n        weight: 1\n", "/states/visit/transitions/1/weight")]
    public void A_broken_example_fails_the_schema_at_the_mistake(string mistake, string original, string broken, string path)
    {
        Assert.Contains(original, Valid);
        var yaml = Valid.Replace(original, broken);
        Assert.True(CompilerDiagnostics(yaml).Count > 0, $"the compiler says nothing of the {mistake}");
        var errors = SchemaValidator.ModuleErrors(yaml);
        Assert.True(errors.Any(e => e.StartsWith(path + ":", StringComparison.Ordinal)),
            $"{mistake}: no schema error at {path}; errors:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public void A_scenario_with_an_unknown_key_fails_at_that_key()
    {
        var yaml = "name: example\nage_dist:\n  18-64: 1\nmodule:\n  - sample_hypertension\n";
        var errors = SchemaValidator.ScenarioErrors(yaml);
        Assert.Contains(errors, e => e.StartsWith("/module:", StringComparison.Ordinal));
        Assert.Empty(SchemaValidator.ScenarioErrors(yaml.Replace("module:", "modules:")));
    }

    private static List<DiagnosticInfo> CompilerDiagnostics(string yaml) =>
        ModuleFrontEnd.Compile(new[] { ("modules/schema_example.yaml", yaml) }).Diagnostics.Where(d => d.Level is DiagnosticLevel.Error or DiagnosticLevel.Warning).ToList();
}
