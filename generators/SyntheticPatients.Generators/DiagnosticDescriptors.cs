using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SyntheticPatients.Language.Diagnostics;

namespace SyntheticPatients.Generators;

/// <summary>
/// Roslyn descriptors for the language's diagnostic catalog (the catalog itself is Roslyn-free and shared
/// with the runtime), and the conversion of located <see cref="DiagnosticInfo"/> values into Roslyn diagnostics.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "SyntheticPatients.Modules";

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = Build();

    private static Dictionary<string, DiagnosticDescriptor> Build()
    {
        var map = new Dictionary<string, DiagnosticDescriptor>();
        foreach (var info in DiagnosticCatalog.All)
        {
            map[info.Id] = Create(info, info.Level);
        }
        return map;
    }

    private static DiagnosticDescriptor Create(DiagnosticDescriptorInfo info, DiagnosticLevel level) => new(
        info.Id, info.Title, info.MessageFormat, Category,
        level switch { DiagnosticLevel.Error => DiagnosticSeverity.Error, DiagnosticLevel.Warning => DiagnosticSeverity.Warning, _ => DiagnosticSeverity.Info },
        isEnabledByDefault: true,
        helpLinkUri: "docs/module-language.md#diagnostics");

    public static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var descriptor = ById.TryGetValue(info.Id, out var known) && Severity(known) == info.Level
            ? known
            : Create(info.Descriptor, info.Level); // a check may lower an error to a warning (e.g. an opted-out module)
        var arguments = new object[info.Arguments.Count];
        for (int i = 0; i < arguments.Length; i++) arguments[i] = info.Arguments[i];
        return Diagnostic.Create(descriptor, ToLocation(info), arguments);
    }

    private static DiagnosticLevel Severity(DiagnosticDescriptor descriptor) => descriptor.DefaultSeverity switch
    {
        DiagnosticSeverity.Error => DiagnosticLevel.Error,
        DiagnosticSeverity.Warning => DiagnosticLevel.Warning,
        _ => DiagnosticLevel.Info,
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
