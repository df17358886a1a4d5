using SyntheticPatients.Language.Checking;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Terminology;
using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using Xunit;

namespace SyntheticPatients.Runtime.Tests.Lifecycle;

/// <summary>
/// The baseline generators and the modules share one terminology: every code of the baseline catalogs
/// (Lifecycle/Catalogs/*.cs) is in data/terminology/*.csv with the same display (the module checker's rule:
/// case and spacing ignored; SNOMED CT displays are fully specified names with their semantic tag).
/// </summary>
public sealed class TerminologyCatalogTests
{
    [Fact]
    public void The_embedded_catalogs_load_without_a_malformed_row()
    {
        Assert.True(TerminologyCatalogs.Diagnostics.Count == 0, string.Join(Environment.NewLine, TerminologyCatalogs.Diagnostics));
        foreach (var system in TerminologyFiles.Systems)
        {
            Assert.True(TerminologyCatalogs.Catalog.For(system) is { Entries.Count: > 0 }, $"no catalog for {system}");
        }
        Assert.Equal("Asthma (disorder)", TerminologyCatalogs.Display("SNOMED-CT", "195967001"));
        Assert.Equal("Unspecified asthma, uncomplicated", TerminologyCatalogs.Display("icd10", "J45.909"));
        Assert.Equal("mm[Hg]", TerminologyCatalogs.Find("LOINC", "8480-6")!.ExtraAt(0));
        Assert.Equal("SCD", TerminologyCatalogs.Find("RxNorm", "314076")!.ExtraAt(0));
        Assert.Null(TerminologyCatalogs.Find("CVX", "124")); // a number the CDC never assigned (999, "unknown", is a CDC code)
    }

    [Fact]
    public void Every_baseline_code_is_in_the_catalogs_with_the_same_display()
    {
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var differing = new SortedSet<string>(StringComparer.Ordinal);
        int checkedCodes = 0;
        foreach (var (where, code) in BaselineCatalogCodes.All())
        {
            var system = CodeValidation.NormalizeSystem(code.System)!;
            var catalog = TerminologyCatalogs.Catalog.For(system);
            if (catalog is null) continue;
            checkedCodes++;
            var entry = catalog.Find(code.Value);
            if (entry is null)
            {
                missing.Add($"{catalog.DisplayPath}: {TerminologyChecker.SuggestedRow(system, code.Value, code.Display, null)}   ({where})");
            }
            else if (!catalog.DisplayMatches(entry, code.Display ?? string.Empty))
            {
                differing.Add($"{system} {code.Value}: baseline '{code.Display}', {catalog.DisplayPath} line {entry.Line} '{catalog.FullDisplay(entry)}' ({where})");
            }
        }
        Assert.True(checkedCodes > 250, $"only {checkedCodes} codes");
        Assert.True(missing.Count == 0, "Add these rows:" + Environment.NewLine + string.Join(Environment.NewLine, missing));
        Assert.True(differing.Count == 0, "Make these displays agree:" + Environment.NewLine + string.Join(Environment.NewLine, differing));
    }

    [Fact]
    public void Baseline_SNOMED_displays_are_fully_specified_names_and_the_other_systems_use_the_catalog_display_exactly()
    {
        foreach (var (where, code) in BaselineCatalogCodes.All())
        {
            var display = TerminologyCatalogs.Display(code.System, code.Value);
            if (display is null) continue;
            Assert.True(display == code.Display, $"{where}: {code.System} {code.Value} is '{code.Display}' but the catalog says '{display}'");
        }
    }

    [Fact]
    public void Catalogs_load_from_files_with_the_compiler_reader()
    {
        var (catalog, diagnostics) = TerminologyCatalogs.Load(new[]
        {
            ("data/terminology/cvx.csv", "code,display\n140,\"Influenza, seasonal, injectable, preservative free\"\n"),
            ("data/terminology/snomed.csv", "code,display,semantic_tag\nnot-a-code,Asthma,disorder\n"),
        });

        Assert.Equal("Influenza, seasonal, injectable, preservative free", catalog.For(CodeSystems.Cvx)!.Find("140")!.Display);
        Assert.Equal("SPM0025", Assert.Single(diagnostics).Id);
    }
}
