using System;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Yaml;

/// <summary>A <see cref="YamlLimits"/> bound was hit: the read stops and reports it where it happened.</summary>
internal sealed class YamlLimitException : Exception
{
    public YamlLimitException(DiagnosticDescriptorInfo descriptor, SourceSpan span, params string[] arguments)
        : base(descriptor.Title)
    {
        Descriptor = descriptor;
        Span = span;
        Arguments = arguments;
    }

    public DiagnosticDescriptorInfo Descriptor { get; }

    public SourceSpan Span { get; }

    public string[] Arguments { get; }
}
