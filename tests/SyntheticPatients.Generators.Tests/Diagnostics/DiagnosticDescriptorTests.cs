using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using SyntheticPatients.Generators.Tests.Infrastructure;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Text;
using Xunit;

namespace SyntheticPatients.Generators.Tests.Diagnostics;

/// <summary>
/// The generator's static Roslyn descriptors and the language's catalog are two lists of the same diagnostics: each
/// catalog entry has exactly one descriptor with its ID, title, message and default severity, each descriptor has
/// its entry, and the analyzer release files list every ID with its category and severity.
/// </summary>
public sealed class DiagnosticDescriptorTests
{
    /// <summary>The <c>static readonly DiagnosticDescriptor</c> fields, by reflection: a descriptor left out of <c>All</c> still counts.</summary>
    private static readonly IReadOnlyList<DiagnosticDescriptor> StaticDescriptors = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor) && f.IsInitOnly)
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToList();

    public static TheoryData<string> CatalogIds()
    {
        var data = new TheoryData<string>();
        foreach (var entry in DiagnosticCatalog.All) data.Add(entry.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void Every_catalog_entry_has_exactly_one_static_descriptor_with_its_text_and_severity(string id)
    {
        var entry = DiagnosticCatalog.All.Single(e => e.Id == id);

        var descriptor = Assert.Single(StaticDescriptors, d => d.Id == id);
        Assert.Equal(entry.Title, descriptor.Title.ToString());
        Assert.Equal(entry.MessageFormat, descriptor.MessageFormat.ToString());
        Assert.Equal(Severity(entry.Level), descriptor.DefaultSeverity);
        Assert.True(descriptor.IsEnabledByDefault);
    }

    [Fact]
    public void Every_static_descriptor_is_a_catalog_entry_and_is_listed_once()
    {
        Assert.NotEmpty(StaticDescriptors);
        var catalogIds = DiagnosticCatalog.All.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(StaticDescriptors, d => Assert.Contains(d.Id, catalogIds));
        // All (which ToDiagnostic looks IDs up in) holds each field once, in catalog order.
        Assert.Equal(DiagnosticCatalog.All.Select(e => e.Id), DiagnosticDescriptors.All.Select(d => d.Id));
        Assert.Equal(StaticDescriptors.Count, DiagnosticDescriptors.All.Distinct().Count());
    }

    [Fact]
    public void The_analyzer_release_files_list_every_descriptor_with_its_category_and_severity()
    {
        var listed = ReleaseRows("AnalyzerReleases.Shipped.md").Concat(ReleaseRows("AnalyzerReleases.Unshipped.md")).ToList();

        var expected = StaticDescriptors.Select(d => $"{d.Id} | {d.Category} | {d.DefaultSeverity}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, listed.Select(r => $"{r[0]} | {r[1]} | {r[2]}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_check_that_lowers_an_error_reports_a_warning_under_the_entry_descriptor()
    {
        // As the terminology check reports SPM0023 (an error in the catalog) for a 'terminology: lenient' module.
        var info = DiagnosticInfo.Create(DiagnosticCatalog.CodeNotInTerminology, "/project/modules/demo.yaml", new SourceSpan(3, 5, 3, 12),
            "SNOMED-CT", "123", "data/terminology/snomed.csv", "row", "reason") with { Level = DiagnosticLevel.Warning };

        var diagnostic = DiagnosticDescriptors.ToDiagnostic(info);

        Assert.Same(DiagnosticDescriptors.CodeNotInTerminology, diagnostic.Descriptor);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Descriptor.DefaultSeverity);
    }

    private static DiagnosticSeverity Severity(DiagnosticLevel level) => level switch
    {
        DiagnosticLevel.Error => DiagnosticSeverity.Error,
        DiagnosticLevel.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };

    /// <summary>The table rows of a release file (<c>Rule ID | Category | Severity | Notes</c>), header and separator left out.</summary>
    private static IEnumerable<string[]> ReleaseRows(string file)
        => File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "generators", "SyntheticPatients.Generators", file))
            .Where(line => line.Contains('|') && !line.StartsWith("Rule ID", StringComparison.Ordinal) && !line.StartsWith("---", StringComparison.Ordinal))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray());
}
