using System;
using System.Collections.Generic;
using System.Linq;
using SyntheticPatients.Language.Diagnostics;

namespace SyntheticPatients.Language.Checking;

/// <summary>The one order checks report in: file path (ordinal), line, column, then ID; ties keep their order.</summary>
public static class DiagnosticOrder
{
    public static List<DiagnosticInfo> Sort(IEnumerable<DiagnosticInfo> diagnostics)
        => diagnostics
            .OrderBy(d => d.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line)
            .ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
}
