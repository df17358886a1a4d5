using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Terminology;
using SyntheticPatients.Runtime.Modules.Interpretation;

namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>
/// The terminology catalogs of the repository (<c>data/terminology/*.csv</c>, embedded in this assembly), read with the
/// same reader the module compiler uses. The baseline catalogs' codes and displays are kept equal to them (a test checks
/// every one), and code that needs an official display looks it up here.
/// </summary>
public static class TerminologyCatalogs
{
    /// <summary>Prefix of the embedded resources: <c>SyntheticPatients.Terminology.snomed.csv</c>.</summary>
    public const string ResourcePrefix = BuiltInData.TerminologyPrefix;

    private static readonly Lazy<(TerminologyCatalog Catalog, IReadOnlyList<DiagnosticInfo> Diagnostics)> Loaded = new(LoadEmbedded);

    /// <summary>The catalogs (one per code system).</summary>
    public static TerminologyCatalog Catalog => Loaded.Value.Catalog;

    /// <summary>Rows that could not be read (SPM0025); empty for the shipped catalogs.</summary>
    public static IReadOnlyList<DiagnosticInfo> Diagnostics => Loaded.Value.Diagnostics;

    /// <summary>The row of a code (system in any spelling: "SNOMED-CT", "snomed", "LOINC"...), or null.</summary>
    public static TerminologyEntry? Find(string system, string code) => Catalog.For(system)?.Find(code);

    /// <summary>
    /// The catalog display of a code, or null when it is not catalogued. For SNOMED CT this is the fully specified name
    /// with its semantic tag ("Asthma (disorder)"), as the baseline records it; other systems give the display column.
    /// </summary>
    public static string? Display(string system, string code)
    {
        var catalog = Catalog.For(system);
        var entry = catalog?.Find(code);
        return entry is null ? null : catalog!.FullDisplay(entry);
    }

    /// <summary>Whether <paramref name="display"/> is the catalog display of the code (the module checker's rule: case and spacing ignored).</summary>
    public static bool HasDisplay(string system, string code, string display)
    {
        var catalog = Catalog.For(system);
        var entry = catalog?.Find(code);
        return entry is not null && catalog!.DisplayMatches(entry, display);
    }

    /// <summary>Reads catalogs from (path, text) pairs: the file name says the system (snomed.csv, loinc.csv...).</summary>
    public static (TerminologyCatalog Catalog, IReadOnlyList<DiagnosticInfo> Diagnostics) Load(IEnumerable<(string Path, string Text)> files)
    {
        var (catalog, diagnostics) = TerminologyCatalogBuilder.Build(files.Select(f => TerminologyFileReader.Read(f.Path, f.Text)));
        return (catalog, diagnostics.ToList());
    }

    private static (TerminologyCatalog, IReadOnlyList<DiagnosticInfo>) LoadEmbedded() => Load(BuiltInData.TerminologyFiles());
}
