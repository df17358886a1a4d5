using SyntheticPatients.Language.Checking;
using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using Xunit;

namespace SyntheticPatients.Runtime.Tests.Lifecycle;

public sealed class CatalogCodeTests
{
    /// <summary>Every code of every baseline catalog, with where it comes from.</summary>
    private static IEnumerable<(string Where, Code Code)> AllCodes()
    {
        IEnumerable<(string, Code)> Of(string where, ClinicalDefinition definition) => definition.Codes.Select(c => (where + " " + definition.Name, c));

        foreach (var spec in ChronicConditionCatalog.All) foreach (var x in Of("chronic", spec.Definition)) yield return x;
        foreach (var spec in AcuteConditionCatalog.All) foreach (var x in Of("acute", spec.Definition)) yield return x;
        foreach (var cause in DeathCauseCatalog.AllDefinitions()) foreach (var x in Of("death cause", cause)) yield return x;
        foreach (var encounter in EncounterCatalog.All) foreach (var x in Of("encounter", encounter)) yield return x;
        foreach (var medication in MedicationCatalog.AllMedications()) foreach (var x in Of("medication", medication)) yield return x;
        foreach (var procedure in ProcedureCatalog.All) foreach (var x in Of("procedure", procedure.Definition)) yield return x;
        foreach (var observation in ObservationCatalog.All) foreach (var x in Of("observation", observation)) yield return x;
        foreach (var allergen in AllergyCatalog.All) foreach (var x in Of("allergen", allergen.Definition)) yield return x;
        foreach (var reaction in AllergyCatalog.Reactions()) yield return ("reaction", reaction);
        foreach (var vaccine in ImmunizationCatalog.All()) foreach (var x in Of("vaccine", vaccine.Definition)) yield return x;
        foreach (var plan in CarePlanCatalog.All)
        {
            foreach (var x in Of("care plan", plan.Plan)) yield return x;
            foreach (var activity in plan.Plan.Activities) foreach (var code in activity.Codes) yield return ("care plan activity " + activity.Name, code);
        }
        foreach (var fh in FamilyHistoryCatalog.All) foreach (var x in Of("family history", fh.Condition)) yield return x;
    }

    [Fact]
    public void Every_catalog_code_passes_code_validation()
    {
        var failures = new List<string>();
        int count = 0;
        foreach (var (where, code) in AllCodes())
        {
            count++;
            if (!CodeValidation.IsValid(code.System, code.Value, out var reason)) failures.Add($"{where}: {code.System} {code.Value}: {reason}");
            if (string.IsNullOrWhiteSpace(code.Display)) failures.Add($"{where}: {code.System} {code.Value} has no display");
            if (CodeValidation.NormalizeSystem(code.System) is null) failures.Add($"{where}: unknown system {code.System}");
        }
        Assert.True(count > 250, $"only {count} codes");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Catalogs_have_the_expected_sizes_and_conditions_have_snomed_and_icd10()
    {
        Assert.InRange(ChronicConditionCatalog.All.Count, 28, 40);
        foreach (var spec in ChronicConditionCatalog.All.Select(s => s.Definition).Concat(AcuteConditionCatalog.All.Select(a => a.Definition)))
        {
            Assert.NotNull(spec.CodeOf("SNOMED-CT"));
            Assert.NotNull(spec.CodeOf("ICD-10-CM"));
        }
        Assert.Equal("38341003", ConditionCodes.Hypertension.PrimaryCode!.Value);
        Assert.Equal("I10", ConditionCodes.Hypertension.CodeOf("ICD-10-CM")!.Value);
        Assert.Equal("E11.9", ConditionCodes.Diabetes2.CodeOf("ICD-10-CM")!.Value);
        Assert.All(ObservationCatalog.All, o => Assert.False(string.IsNullOrEmpty(o.Units)));
        Assert.All(ObservationCatalog.All, o => Assert.Contains(o.Category, new[] { "vital-signs", "laboratory", "social-history", "survey" }));
        Assert.Equal(ChronicConditionCatalog.All.Count, ChronicConditionCatalog.All.Select(s => s.Key).Distinct().Count());
    }
}
