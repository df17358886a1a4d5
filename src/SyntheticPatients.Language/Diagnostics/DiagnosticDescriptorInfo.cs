namespace SyntheticPatients.Language.Diagnostics;

public enum DiagnosticLevel
{
    Error,
    Warning,
    Info,
}

/// <summary>One entry of the diagnostic catalog: Roslyn-free so the runtime module checker can report the same IDs.</summary>
public sealed record DiagnosticDescriptorInfo(string Id, string Title, string MessageFormat, DiagnosticLevel Level);
