using System;
using System.Collections.Generic;
using System.Globalization;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Checking;

/// <summary>
/// Checks that need every module at once, and only their summaries: duplicate module names (SPM0018),
/// calls to modules that do not exist (SPM0014), submodule call cycles (SPM0021) and attributes that are read but that no module sets (SPM0013).
/// </summary>
public static class CrossModuleChecker
{
    /// <summary>The module names that more than one module declares (each reported as SPM0018), sorted.</summary>
    public static EquatableArray<string> DuplicateNames(IReadOnlyList<ModuleSummary> modules)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var module in modules)
        {
            if (!seen.Add(module.Name)) duplicates.Add(module.Name);
        }
        return duplicates.ToEquatableArray();
    }

    /// <summary>Diagnostics across <paramref name="modules"/>, ordered by file path, line, column, then ID.</summary>
    public static IEnumerable<DiagnosticInfo> Check(IReadOnlyList<ModuleSummary> modules)
    {
        // Visit modules in a fixed order, so "the second module" of a duplicate pair does not depend on input order.
        var ordered = new List<ModuleSummary>(modules);
        ordered.Sort(CompareModules);

        var diagnostics = new List<DiagnosticInfo>();
        var firstByName = new Dictionary<string, ModuleSummary>(StringComparer.Ordinal);
        var attributesSet = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in ordered)
        {
            if (firstByName.TryGetValue(module.Name, out var first))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.DuplicateModule, module.FilePath, module.NameSpan,
                    module.Name, Describe(first)));
            }
            else
            {
                firstByName.Add(module.Name, module);
            }
            foreach (var attribute in module.AttributesSet) attributesSet.Add(attribute);
        }

        foreach (var module in ordered)
        {
            foreach (var call in module.SubmoduleCalls)
            {
                if (!firstByName.ContainsKey(call.Name))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.UnknownSubmodule, module.FilePath, call.Span,
                        call.Name, Spelling.Hint(call.Name, firstByName.Keys)));
                }
                else if (PathBack(call.Name, module.Name, firstByName) is { } path)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.SubmoduleCycle, module.FilePath, call.Span,
                        module.Name, module.Name + " -> " + string.Join(" -> ", path)));
                }
            }
            foreach (var read in module.AttributesRead)
            {
                if (!attributesSet.Contains(read.Name))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.AttributeNeverSet, module.FilePath, read.Span, read.Name));
                }
            }
        }
        return DiagnosticOrder.Sort(diagnostics);
    }

    /// <summary>The chain of calls from <paramref name="from"/> back to <paramref name="target"/>, or null (breadth-first, so the shortest).</summary>
    private static List<string>? PathBack(string from, string target, Dictionary<string, ModuleSummary> modules)
    {
        var previous = new Dictionary<string, string?>(StringComparer.Ordinal) { [from] = null };
        var queue = new Queue<string>();
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (current == target)
            {
                var path = new List<string>();
                for (string? step = current; step is not null; step = previous[step]) path.Insert(0, step);
                return path;
            }
            if (!modules.TryGetValue(current, out var summary)) continue;
            foreach (var call in summary.SubmoduleCalls)
            {
                if (previous.ContainsKey(call.Name)) continue;
                previous[call.Name] = current;
                queue.Enqueue(call.Name);
            }
        }
        return null;
    }

    private static int CompareModules(ModuleSummary a, ModuleSummary b)
    {
        int byPath = string.CompareOrdinal(a.FilePath, b.FilePath);
        if (byPath != 0) return byPath;
        int byLine = a.NameSpan.Line.CompareTo(b.NameSpan.Line);
        if (byLine != 0) return byLine;
        int byColumn = a.NameSpan.Column.CompareTo(b.NameSpan.Column);
        return byColumn != 0 ? byColumn : string.CompareOrdinal(a.Name, b.Name);
    }

    private static string Describe(ModuleSummary module)
        => $"{FileKinds.Display(module.FilePath)} (line {module.NameSpan.Line.ToString(CultureInfo.InvariantCulture)})";
}
