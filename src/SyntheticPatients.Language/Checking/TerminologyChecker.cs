using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Terminology;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Checking;

/// <summary>
/// Checks a module's codes against the terminology catalogs (<c>data/terminology/*.csv</c>):
/// <list type="bullet">
/// <item>SPM0023 (error under <c>strict</c>, a warning under <c>compat</c>: <see cref="TerminologyPolicy"/>): a code of a system that has a catalog
/// (SNOMED CT, ICD-10-CM, LOINC, RxNorm, CVX) is not in it. Reported at the code, with the row to add.</item>
/// <item>SPM0024 (warning): an entry's display (its <c>display:</c>, else its <c>name:</c>) is not the catalog display of
/// any of its catalogued codes. Reported at the display (or name) node.</item>
/// </list>
/// Only well-formed codes are looked up (malformed ones are SPM0015/SPM0020 already), local LOINC-style codes
/// (<c>EVE.ASTHMA</c>) are skipped, and so is every system without a catalog file.
/// </summary>
public static class TerminologyChecker
{
    /// <param name="projectMode">The project's (or command line's) setting; the module's own <c>terminology:</c> wins.</param>
    public static IEnumerable<DiagnosticInfo> Check(ModuleSpec spec, TerminologyCatalog catalog, TerminologyMode projectMode = TerminologyMode.Default)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (catalog.IsEmpty) return diagnostics;
        var mode = TerminologyPolicy.Effective(spec.TerminologyMode, projectMode);
        var context = new Context(spec, catalog, mode, diagnostics);
        foreach (var state in spec.States)
        {
            if (state.Encounter is not null)
            {
                // Each encounter code carries its own display.
                foreach (var code in state.Encounter.Codes) context.CheckGroup(new[] { code }, null);
            }
            foreach (var item in state.Items)
            {
                context.CheckGroup(item.Codes, item.Units);
                foreach (var activity in item.Activities) context.CheckGroup(activity.Codes, null);
            }
            if (state.Guard is not null) context.CheckConditionCodes(state.Guard);
            foreach (var transition in state.Transitions)
            {
                if (transition.Condition is not null) context.CheckConditionCodes(transition.Condition);
            }
        }
        return DiagnosticOrder.Sort(diagnostics);
    }

    /// <summary>Whether a code is looked up in its catalog: well formed, and not a local dotted code.</summary>
    public static bool IsCatalogued(string system, string code)
    {
        if (!CodeValidation.IsValid(system, code, out _)) return false;
        return !(system == CodeSystems.Loinc && code.IndexOf('.') >= 0);
    }

    /// <summary>The CSV row that would add a missing code: the code, the module's display (or a placeholder) and placeholders for the other columns.</summary>
    public static string SuggestedRow(string system, string code, string? display, string? units)
    {
        var row = new StringBuilder();
        row.Append(TerminologyText.CsvField(code)).Append(',');
        row.Append(string.IsNullOrWhiteSpace(display) ? "<display>" : TerminologyText.CsvField(TerminologyText.NormalizeSpace(display!)));
        var columns = TerminologyFiles.ColumnsOf(system);
        for (int i = 2; i < columns.Count; i++)
        {
            row.Append(',');
            if (columns[i] == "ucum_unit" && !string.IsNullOrWhiteSpace(units)) row.Append(TerminologyText.CsvField(units!.Trim()));
            else row.Append('<').Append(columns[i].Replace('_', ' ')).Append('>');
        }
        return row.ToString();
    }

    private sealed class Context
    {
        private readonly ModuleSpec _spec;
        private readonly TerminologyCatalog _catalog;
        private readonly TerminologyMode _mode;
        private readonly List<DiagnosticInfo> _diagnostics;

        public Context(ModuleSpec spec, TerminologyCatalog catalog, TerminologyMode mode, List<DiagnosticInfo> diagnostics)
        {
            _spec = spec;
            _catalog = catalog;
            _mode = mode;
            _diagnostics = diagnostics;
        }

        /// <summary>Codes of one entry (sharing one display): each must be catalogued; the display must be one of theirs.</summary>
        public void CheckGroup(IEnumerable<CodeSpec> codes, string? units)
        {
            var found = new List<(CodeSpec Code, TerminologySystemCatalog Catalog, TerminologyEntry Entry)>();
            CodeSpec? displayed = null;
            foreach (var code in codes)
            {
                var system = CodeValidation.NormalizeSystem(code.System);
                if (system is null) continue;
                var catalog = _catalog.For(system);
                if (catalog is null || !IsCatalogued(system, code.Code)) continue;
                var entry = catalog.Find(code.Code);
                if (entry is null)
                {
                    ReportMissing(system, catalog, code.Code, code.Span, code.Display, units);
                    continue;
                }
                found.Add((code, catalog, entry));
                if (displayed is null && !string.IsNullOrWhiteSpace(code.Display) && !code.DisplaySpan.IsNone) displayed = code;
            }
            if (displayed is null || found.Count == 0) return;
            foreach (var (_, catalog, entry) in found)
            {
                if (catalog.DisplayMatches(entry, displayed.Display!)) return;
            }

            var listing = new StringBuilder();
            for (int i = 0; i < found.Count; i++)
            {
                var (code, catalog, entry) = found[i];
                if (i > 0) listing.Append(i == found.Count - 1 ? " or " : ", ");
                listing.Append(catalog.System).Append(' ').Append(code.Code).Append(" ('").Append(entry.Display).Append("', ")
                    .Append(catalog.DisplayPath).Append(" line ").Append(entry.Line.ToString(CultureInfo.InvariantCulture)).Append(')');
            }
            var suggestion = "'display: " + found[0].Entry.Display + "'";
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.DisplayDiffersFromTerminology, _spec.FilePath, displayed.DisplaySpan,
                displayed.Display!, listing.ToString(), suggestion));
        }

        /// <summary>Observation conditions test a LOINC code: it must be catalogued too (there is no display to compare).</summary>
        public void CheckConditionCodes(ConditionSpec condition)
        {
            var catalog = _catalog.For(CodeSystems.Loinc);
            if (catalog is null) return;
            var pending = new Stack<ConditionSpec>();
            pending.Push(condition);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                foreach (var operand in current.Operands) pending.Push(operand);
                if (current.Kind != ConditionKind.Observation || string.IsNullOrEmpty(current.Name)) continue;
                var code = current.Name!;
                if (!IsCatalogued(CodeSystems.Loinc, code) || catalog.Find(code) is not null) continue;
                ReportMissing(CodeSystems.Loinc, catalog, code, current.NameSpan.IsNone ? current.Span : current.NameSpan, null, null);
            }
        }

        private void ReportMissing(string system, TerminologySystemCatalog catalog, string code, SourceSpan span, string? display, string? units)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticCatalog.CodeNotInTerminology, _spec.FilePath, span,
                system, code, catalog.DisplayPath, SuggestedRow(system, code, display, units), "columns " + string.Join(",", TerminologyFiles.ColumnsOf(system)) + "; " + TerminologyFiles.ConventionOf(system));
            if (_mode == TerminologyMode.Compat) diagnostic = diagnostic with { Level = DiagnosticLevel.Warning };
            _diagnostics.Add(diagnostic);
        }
    }
}
