using System;
using System.Collections.Generic;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Parameters;

/// <summary>One resolved parameter leaf: <c>domain.path.to.leaf</c> and its number or text.</summary>
public sealed record ParameterEntry(string Path, double? Number, string? Text, string? SourceId);

/// <summary>
/// All parameters from every parameters file, keyed by dotted path (<c>asthma.atopy_prevalence</c>).
/// Sorted and value-equatable so a module's binding is re-run only when parameters really change.
/// </summary>
public sealed record ParameterSet(EquatableArray<ParameterEntry> Entries, EquatableArray<string> Domains)
{
    public static readonly ParameterSet Empty = new(EquatableArray<ParameterEntry>.Empty, EquatableArray<string>.Empty);

    public ParameterEntry? Find(string path)
    {
        // Binary search: entries are sorted ordinally by path.
        int lo = 0, hi = Entries.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            int cmp = string.CompareOrdinal(Entries[mid].Path, path);
            if (cmp == 0) return Entries[mid];
            if (cmp < 0) lo = mid + 1; else hi = mid - 1;
        }
        return null;
    }

    public bool HasDomain(string domain)
    {
        foreach (var d in Domains)
        {
            if (d == domain) return true;
        }
        return false;
    }

    /// <summary>The closest defined path, for "did you mean" hints.</summary>
    public string? Closest(string path)
    {
        var names = new List<string>();
        foreach (var entry in Entries) names.Add(entry.Path);
        return Spelling.Closest(path, names);
    }

    public static ParameterSet Create(IEnumerable<ParameterEntry> entries, IEnumerable<string> domains)
    {
        var list = new List<ParameterEntry>(entries);
        list.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var domainList = new List<string>(domains);
        domainList.Sort(StringComparer.Ordinal);
        return new ParameterSet(list.ToEquatableArray(), domainList.ToEquatableArray());
    }
}
