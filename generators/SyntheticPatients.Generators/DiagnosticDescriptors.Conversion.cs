using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SyntheticPatients.Language.Diagnostics;

namespace SyntheticPatients.Generators;

/// <summary>The conversion of located <see cref="DiagnosticInfo"/> values (the front-end's) into Roslyn diagnostics.</summary>
internal static partial class DiagnosticDescriptors
{
    public static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var arguments = new object[info.Arguments.Count];
        for (int i = 0; i < arguments.Length; i++) arguments[i] = info.Arguments[i];
        // A check may report an entry at another level than the catalog's (an error lowered to a warning for a module
        // that opted out, e.g. 'terminology: lenient'): the descriptor stays the entry's, the diagnostic gets the level.
        return Diagnostic.Create(Find(info), ToLocation(info), Severity(info.Level), additionalLocations: null, properties: null, arguments);
    }

    /// <summary>
    /// The static descriptor of the entry. An ID without one (a catalog entry added without its descriptor, which
    /// DiagnosticDescriptorTests rejects) still reports, from the catalog's text, rather than losing the diagnostic.
    /// </summary>
    private static DiagnosticDescriptor Find(DiagnosticInfo info)
        => ById.TryGetValue(info.Id, out var known)
            ? known
            : new DiagnosticDescriptor(info.Id, info.Descriptor.Title, info.Descriptor.MessageFormat, Category, Severity(info.Descriptor.Level), isEnabledByDefault: true, helpLinkUri: HelpLink);

    private static DiagnosticSeverity Severity(DiagnosticLevel level) => level switch
    {
        DiagnosticLevel.Error => DiagnosticSeverity.Error,
        DiagnosticLevel.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };

    /// <summary>YAML positions are 1-based; Roslyn's are 0-based. The build prints <c>file.yaml(line,col)</c>.</summary>
    public static Location ToLocation(DiagnosticInfo info)
    {
        var span = info.Span;
        var start = new LinePosition(System.Math.Max(0, span.Line - 1), System.Math.Max(0, span.Column - 1));
        var end = new LinePosition(System.Math.Max(0, span.EndLine - 1), System.Math.Max(0, span.EndColumn - 1));
        if (end < start) end = start;
        return Location.Create(info.FilePath, default, new LinePositionSpan(start, end));
    }
}
