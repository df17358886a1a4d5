using System.Linq;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Diagnostics;

/// <summary>
/// A located diagnostic as plain data (no Roslyn Location/Diagnostic objects: those would break
/// incremental caching). The generator turns it into a Roslyn diagnostic; the runtime prints it.
/// </summary>
public sealed record DiagnosticInfo(string Id, DiagnosticLevel Level, string FilePath, SourceSpan Span, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptorInfo descriptor, string filePath, SourceSpan span, params string[] arguments)
        => new(descriptor.Id, descriptor.Level, filePath, span, new EquatableArray<string>(arguments));

    public DiagnosticDescriptorInfo Descriptor => DiagnosticCatalog.Find(Id)!;

    public string Message => string.Format(System.Globalization.CultureInfo.InvariantCulture, Descriptor.MessageFormat, Arguments.Cast<object>().ToArray());

    /// <summary>Whether any of <paramref name="diagnostics"/> is an error (what stops a file from being compiled or run).</summary>
    public static bool AnyError(System.Collections.Generic.IEnumerable<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Level == DiagnosticLevel.Error) return true;
        }
        return false;
    }

    /// <summary>MSBuild-style rendering: <c>file.yaml(line,col): error SPM0001: message</c>.</summary>
    public override string ToString()
        => $"{FilePath}({Span.Line},{Span.Column}): {(Level == DiagnosticLevel.Error ? "error" : Level == DiagnosticLevel.Warning ? "warning" : "info")} {Id}: {Message}";
}
