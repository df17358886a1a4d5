using System;
using System.Collections.Generic;
using System.Text;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Terminology;

/// <summary>
/// One row of a terminology catalog: the code, its display, the system-specific columns after the display
/// (SNOMED CT: semantic_tag; LOINC: ucum_unit, class; RxNorm: tty) and the 1-based line of the row in its file.
/// </summary>
public sealed record TerminologyEntry(string Code, string Display, EquatableArray<string> Extra, int Line)
{
    /// <summary>The value of an extra column (the column after the display is index 0), or an empty string.</summary>
    public string ExtraAt(int index) => index < Extra.Count ? Extra[index] : string.Empty;
}

/// <summary>
/// The catalog of one code system (<c>data/terminology/snomed.csv</c>, ...): its rows sorted by code (ordinal),
/// value-equatable so a module is re-checked only when the catalog really changes.
/// </summary>
public sealed record TerminologySystemCatalog(string System, string FilePath, EquatableArray<TerminologyEntry> Entries)
{
    /// <summary>The row of <paramref name="code"/>, or null. Binary search: entries are sorted by code.</summary>
    public TerminologyEntry? Find(string code)
    {
        int lo = 0, hi = Entries.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            int cmp = string.CompareOrdinal(Entries[mid].Code, code);
            if (cmp == 0) return Entries[mid];
            if (cmp < 0) lo = mid + 1; else hi = mid - 1;
        }
        return null;
    }

    /// <summary>The file as authors see it: <c>data/terminology/snomed.csv</c>.</summary>
    public string DisplayPath => TerminologyFiles.DisplayPath(FilePath);

    /// <summary>
    /// Whether <paramref name="display"/> names this row's concept: equal to the catalog display ignoring case and
    /// runs of white space; for SNOMED CT the fully specified name with its semantic tag ("Asthma (disorder)") also matches.
    /// </summary>
    public bool DisplayMatches(TerminologyEntry entry, string display)
    {
        if (TerminologyText.SameDisplay(display, entry.Display)) return true;
        var tag = entry.ExtraAt(0);
        return System == CodeSystems.Snomed && tag.Length > 0 && TerminologyText.SameDisplay(display, entry.Display + " (" + tag + ")");
    }

    /// <summary>The display with its semantic tag for SNOMED CT (the fully specified name), else the display.</summary>
    public string FullDisplay(TerminologyEntry entry)
    {
        var tag = entry.ExtraAt(0);
        return System == CodeSystems.Snomed && tag.Length > 0 ? entry.Display + " (" + tag + ")" : entry.Display;
    }
}

/// <summary>
/// Every terminology catalog found (one per code system, sorted by system). Systems without a catalog file are
/// not checked; <see cref="Empty"/> checks nothing.
/// </summary>
public sealed record TerminologyCatalog(EquatableArray<TerminologySystemCatalog> Systems)
{
    public static readonly TerminologyCatalog Empty = new(EquatableArray<TerminologySystemCatalog>.Empty);

    /// <summary>The catalog of a system (any spelling <see cref="Checking.CodeValidation.NormalizeSystem"/> knows), or null.</summary>
    public TerminologySystemCatalog? For(string system)
    {
        var normalized = Checking.CodeValidation.NormalizeSystem(system) ?? system;
        foreach (var catalog in Systems)
        {
            if (catalog.System == normalized) return catalog;
        }
        return null;
    }

    public bool IsEmpty => Systems.IsEmpty;
}

/// <summary>The catalog files: which system each one holds, their columns, and how their rows are written.</summary>
public static class TerminologyFiles
{
    /// <summary>The folder the catalogs live in (any folder named <c>terminology</c>, normally <c>data/terminology/</c>).</summary>
    public const string Folder = "terminology";

    private static readonly (string FileName, string System, string[] Columns, string Convention)[] Known =
    {
        ("snomed.csv", CodeSystems.Snomed, new[] { "code", "display", "semantic_tag" },
            "display is the fully specified name without its semantic tag, semantic_tag the tag without parentheses (disorder, finding, procedure...)"),
        ("icd10cm.csv", CodeSystems.Icd10Cm, new[] { "code", "display" },
            "display is the ICD-10-CM long description"),
        ("loinc.csv", CodeSystems.Loinc, new[] { "code", "display", "ucum_unit", "class" },
            "display is the LOINC long common name, ucum_unit the example UCUM unit (empty when unitless), class the LOINC class"),
        ("rxnorm.csv", CodeSystems.RxNorm, new[] { "code", "display", "tty" },
            "display is the RxNorm name of the concept (a clinical drug's SCD name), tty its term type (SCD, SBD, IN, MIN...)"),
        ("cvx.csv", CodeSystems.Cvx, new[] { "code", "display" },
            "display is the CVX short description"),
    };

    /// <summary>The systems that have catalogs, in a stable order.</summary>
    public static IEnumerable<string> Systems
    {
        get
        {
            foreach (var known in Known) yield return known.System;
        }
    }

    /// <summary>The file name of a system's catalog (<c>snomed.csv</c>), or null for a system without one.</summary>
    public static string? FileNameOf(string system)
    {
        foreach (var known in Known)
        {
            if (known.System == system) return known.FileName;
        }
        return null;
    }

    /// <summary>The system a catalog file holds, by file name (case-insensitive), or null.</summary>
    public static string? SystemOf(string path)
    {
        var normalized = path.Replace('\\', '/');
        var name = normalized.Substring(normalized.LastIndexOf('/') + 1);
        foreach (var known in Known)
        {
            if (string.Equals(known.FileName, name, StringComparison.OrdinalIgnoreCase)) return known.System;
        }
        return null;
    }

    /// <summary>The header a system's catalog must have.</summary>
    public static IReadOnlyList<string> ColumnsOf(string system)
    {
        foreach (var known in Known)
        {
            if (known.System == system) return known.Columns;
        }
        return new[] { "code", "display" };
    }

    /// <summary>What the display and the other columns hold, for messages.</summary>
    public static string ConventionOf(string system)
    {
        foreach (var known in Known)
        {
            if (known.System == system) return known.Convention;
        }
        return "display is the code's official display";
    }

    /// <summary>Every catalog file name, for messages: <c>snomed.csv, icd10cm.csv, ...</c>.</summary>
    public static string FileNames()
    {
        var names = new List<string>();
        foreach (var known in Known) names.Add(known.FileName);
        return string.Join(", ", names);
    }

    /// <summary>A catalog path as authors see it: from <c>data/terminology/</c> (or <c>terminology/</c>) on.</summary>
    public static string DisplayPath(string path)
    {
        var normalized = path.Replace('\\', '/');
        foreach (var folder in new[] { "data/terminology/", "terminology/" })
        {
            if (normalized.StartsWith(folder, StringComparison.Ordinal)) return normalized;
            int at = normalized.LastIndexOf("/" + folder, StringComparison.Ordinal);
            if (at >= 0) return normalized.Substring(at + 1);
        }
        return normalized.Substring(normalized.LastIndexOf('/') + 1);
    }
}

/// <summary>Text rules shared by the catalog reader and the checks.</summary>
public static class TerminologyText
{
    /// <summary>Trims and collapses every run of white space to one space.</summary>
    public static string NormalizeSpace(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>The display matching rule: equal after <see cref="NormalizeSpace"/>, ignoring case (invariant culture).</summary>
    public static bool SameDisplay(string a, string b)
        => string.Equals(NormalizeSpace(a), NormalizeSpace(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>A CSV field: quoted (with inner quotes doubled) when it holds a comma, a quote or leading/trailing space.</summary>
    public static string CsvField(string value)
    {
        bool quote = value.IndexOf(',') >= 0 || value.IndexOf('"') >= 0 || (value.Length > 0 && (value[0] == ' ' || value[value.Length - 1] == ' '));
        return quote ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
