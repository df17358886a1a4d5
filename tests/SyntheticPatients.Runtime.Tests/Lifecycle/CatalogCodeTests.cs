using SyntheticPatients.Language.Checking;
using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using Xunit;

namespace SyntheticPatients.Runtime.Tests.Lifecycle;

public sealed class CatalogCodeTests
{
    [Fact]
    public void Every_catalog_code_passes_code_validation()
    {
        var failures = new List<string>();
        int count = 0;
        foreach (var (where, code) in BaselineCatalogCodes.All())
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
