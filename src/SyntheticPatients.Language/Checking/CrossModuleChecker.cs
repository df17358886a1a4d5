using System;
using System.Collections.Generic;
using System.Globalization;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Checking;

/// <summary>
/// Checks that need every module at once, and only their summaries: duplicate module names (SPM0018),
/// calls to modules that do not exist (SPM0014) and attributes that are read but that no module sets (SPM0013).
/// </summary>
public static class CrossModuleChecker
{
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
