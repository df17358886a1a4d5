using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SyntheticPatients.Language.Checking;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Terminology;

/// <summary>
/// Reads one catalog file (<c>data/terminology/&lt;system&gt;.csv</c>): a header row naming the columns, then one
/// row per code. CSV as spreadsheets write it: fields separated by commas, a field that holds a comma or a quote is
/// quoted (<c>"Hypertensive disorder, systemic arterial"</c>, inner quotes doubled); one row per line; blank lines
/// are skipped. Every malformed row is reported (SPM0025) at its line and column and left out; the reader never throws.
/// </summary>
public static class TerminologyFileReader
{
    public static TerminologyFileSyntax Read(string path, string text)
    {
        var system = TerminologyFiles.SystemOf(path);
        var diagnostics = new List<DiagnosticInfo>();
        var entries = new List<TerminologyEntry>();
        if (system is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.MalformedTerminologyRow, path, new SourceSpan(1, 1, 1, 1),
                $"'{FileName(path)}' is not a terminology catalog this compiler knows; the catalogs are {TerminologyFiles.FileNames()}"));
            return new TerminologyFileSyntax(null, path, EquatableArray<TerminologyEntry>.Empty, diagnostics.ToEquatableArray());
        }

        var columns = TerminologyFiles.ColumnsOf(system);
        var expectedHeader = string.Join(",", columns);
        bool sawHeader = false;
        int lineNumber = 0;
        foreach (var rawLine in Lines(text))
        {
            lineNumber++;
            var line = lineNumber == 1 && rawLine.Length > 0 && rawLine[0] == '\uFEFF' ? rawLine.Substring(1) : rawLine;
            if (line.Trim().Length == 0) continue;
            if (!TrySplit(line, out var fields, out var error, out var errorColumn))
            {
                Report(diagnostics, path, lineNumber, errorColumn, line, error);
                if (!sawHeader) sawHeader = true;
                continue;
            }
            if (!sawHeader)
            {
                sawHeader = true;
                if (!SameHeader(fields, columns))
                {
                    Report(diagnostics, path, lineNumber, 1, line,
                        $"the first row of {FileName(path)} is the header and must be '{expectedHeader}', not '{Join(fields)}'");
                    // A header that is really a data row (the header was forgotten) is still read as a row.
                    if (fields.Count > 0 && CodeValidation.IsValid(system, fields[0].Text, out _)) ReadRow(system, columns, fields, path, lineNumber, line, entries, diagnostics);
                }
                continue;
            }
            ReadRow(system, columns, fields, path, lineNumber, line, entries, diagnostics);
        }
        if (!sawHeader)
        {
            Report(diagnostics, path, 1, 1, string.Empty, $"the file is empty; its first row must be the header '{expectedHeader}'");
        }
        return new TerminologyFileSyntax(system, path, entries.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static void ReadRow(string system, IReadOnlyList<string> columns, List<CsvField> fields, string path, int lineNumber, string line,
        List<TerminologyEntry> entries, List<DiagnosticInfo> diagnostics)
    {
        if (fields.Count != columns.Count)
        {
            var hint = fields.Count > columns.Count
                ? "; quote a display that contains a comma, as in 38341003,\"Hypertensive disorder, systemic arterial\",disorder"
                : "; leave a column empty with nothing between its commas rather than leaving it out";
            Report(diagnostics, path, lineNumber, 1, line,
                $"this row has {Invariant(fields.Count)} field{(fields.Count == 1 ? "" : "s")} but the header has {Invariant(columns.Count)} ({string.Join(",", columns)}){hint}");
            return;
        }
        var code = fields[0];
        var display = fields[1];
        if (code.Text.Length == 0)
        {
            Report(diagnostics, path, lineNumber, code.Column, line, "the code is empty");
            return;
        }
        if (!CodeValidation.IsValid(system, code.Text, out var reason))
        {
            Report(diagnostics, path, lineNumber, code.Column, line, $"{system} code '{code.Text}' is malformed: {reason}");
            return;
        }
        if (display.Text.Length == 0)
        {
            Report(diagnostics, path, lineNumber, display.Column, line, $"the display of {system} code '{code.Text}' is empty; {TerminologyFiles.ConventionOf(system)}");
            return;
        }
        var extra = new List<string>();
        for (int i = 2; i < fields.Count; i++) extra.Add(fields[i].Text);
        entries.Add(new TerminologyEntry(code.Text, TerminologyText.NormalizeSpace(display.Text), extra.ToEquatableArray(), lineNumber));
    }

    private static bool SameHeader(List<CsvField> fields, IReadOnlyList<string> columns)
    {
        if (fields.Count != columns.Count) return false;
        for (int i = 0; i < columns.Count; i++)
        {
            if (!string.Equals(fields[i].Text, columns[i], StringComparison.OrdinalIgnoreCase)) return false;
        }
        return true;
    }

    /// <summary>
    /// Splits one CSV line into fields (unquoted fields are trimmed). Returns false, with the 1-based column of the
    /// problem, for a quote that is not closed on the line or text after a closing quote.
    /// </summary>
    internal static bool TrySplit(string line, out List<CsvField> fields, out string error, out int errorColumn)
    {
        fields = new List<CsvField>();
        error = string.Empty;
        errorColumn = 1;
        int i = 0;
        while (true)
        {
            // Skip spaces before a field (so ' "quoted"' is still a quoted field).
            int start = i;
            while (i < line.Length && (line[i] == ' ' || line[i] == '\t')) i++;
            if (i < line.Length && line[i] == '"')
            {
                int open = i;
                var value = new StringBuilder();
                i++;
                bool closed = false;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            value.Append('"');
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        break;
                    }
                    value.Append(line[i]);
                    i++;
                }
                if (!closed)
                {
                    error = "a quoted field is not closed on this line (a row must fit on one line; write a quote inside a quoted field as \"\")";
                    errorColumn = open + 1;
                    return false;
                }
                while (i < line.Length && (line[i] == ' ' || line[i] == '\t')) i++;
                if (i < line.Length && line[i] != ',')
                {
                    error = "text follows the closing quote of a field; put a comma after the closing quote, or double a quote inside the field (\"\")";
                    errorColumn = i + 1;
                    return false;
                }
                fields.Add(new CsvField(value.ToString(), open + 1));
            }
            else
            {
                int comma = line.IndexOf(',', i);
                int end = comma < 0 ? line.Length : comma;
                var text = line.Substring(i, end - i).Trim();
                if (text.IndexOf('"') >= 0)
                {
                    error = "a quote inside an unquoted field; quote the whole field and double the inner quote (\"a \"\"b\"\" c\")";
                    errorColumn = i + text.IndexOf('"') + 1;
                    return false;
                }
                fields.Add(new CsvField(text, text.Length == 0 ? start + 1 : i + 1));
                i = end;
            }
            if (i >= line.Length) return true;
            i++; // the comma
        }
    }

    private static IEnumerable<string> Lines(string text)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                int end = i > start && text[i - 1] == '\r' ? i - 1 : i;
                yield return text.Substring(start, end - start);
                start = i + 1;
            }
        }
        if (start < text.Length) yield return text.Substring(start).TrimEnd('\r');
    }

    private static void Report(List<DiagnosticInfo> diagnostics, string path, int line, int column, string text, string reason)
    {
        int endColumn = Math.Max(column, text.Length + 1);
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.MalformedTerminologyRow, path, new SourceSpan(line, column, line, endColumn), reason));
    }

    private static string Join(List<CsvField> fields)
    {
        var texts = new List<string>();
        foreach (var field in fields) texts.Add(field.Text);
        return string.Join(",", texts);
    }

    private static string FileName(string path)
    {
        var normalized = path.Replace('\\', '/');
        return normalized.Substring(normalized.LastIndexOf('/') + 1);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A field of a CSV row and the 1-based column it starts at.</summary>
internal readonly record struct CsvField(string Text, int Column);

/// <summary>One catalog file as read: its system (null for a file that is no known catalog), rows in file order, diagnostics.</summary>
public sealed record TerminologyFileSyntax(string? System, string FilePath, EquatableArray<TerminologyEntry> Entries, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Builds the <see cref="TerminologyCatalog"/> from every catalog file read.</summary>
public static class TerminologyCatalogBuilder
{
    /// <summary>
    /// Merges the files of each system (sorted by path, normally one), reports a code listed twice (SPM0025, at the
    /// second row, naming the first) and sorts each system's rows by code.
    /// </summary>
    public static (TerminologyCatalog Catalog, EquatableArray<DiagnosticInfo> Diagnostics) Build(IEnumerable<TerminologyFileSyntax> files)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var bySystem = new SortedDictionary<string, List<TerminologyFileSyntax>>(StringComparer.Ordinal);
        var all = new List<TerminologyFileSyntax>(files);
        all.Sort((a, b) => string.CompareOrdinal(a.FilePath, b.FilePath));
        foreach (var file in all)
        {
            diagnostics.AddRange(file.Diagnostics);
            if (file.System is null) continue;
            if (!bySystem.TryGetValue(file.System, out var list)) bySystem.Add(file.System, list = new List<TerminologyFileSyntax>());
            list.Add(file);
        }

        var systems = new List<TerminologySystemCatalog>();
        foreach (var pair in bySystem)
        {
            var first = new Dictionary<string, (TerminologyEntry Entry, string Path)>(StringComparer.Ordinal);
            var entries = new List<TerminologyEntry>();
            foreach (var file in pair.Value)
            {
                foreach (var entry in file.Entries)
                {
                    if (first.TryGetValue(entry.Code, out var earlier))
                    {
                        var where = earlier.Path == file.FilePath ? "line " + earlier.Entry.Line.ToString(CultureInfo.InvariantCulture) : TerminologyFiles.DisplayPath(earlier.Path) + " line " + earlier.Entry.Line.ToString(CultureInfo.InvariantCulture);
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.MalformedTerminologyRow, file.FilePath, new SourceSpan(entry.Line, 1, entry.Line, 1 + entry.Code.Length),
                            $"{pair.Key} code '{entry.Code}' is already listed ({where}); keep one row per code"));
                        continue;
                    }
                    first.Add(entry.Code, (entry, file.FilePath));
                    entries.Add(entry);
                }
            }
            entries.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
            systems.Add(new TerminologySystemCatalog(pair.Key, pair.Value[0].FilePath, entries.ToEquatableArray()));
        }
        return (new TerminologyCatalog(systems.ToEquatableArray()), diagnostics.ToEquatableArray());
    }
}
