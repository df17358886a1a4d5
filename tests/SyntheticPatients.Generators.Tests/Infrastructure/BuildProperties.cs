using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SyntheticPatients.Generators.Tests.Infrastructure;

/// <summary>Global analyzer config options, as MSBuild writes them from CompilerVisibleProperty items.</summary>
public sealed class BuildProperties(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptionsProvider
{
    private readonly Options _options = new(values);

    public override AnalyzerConfigOptions GlobalOptions => _options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, out string value)
        {
            var found = values.TryGetValue(key, out var text);
            value = text ?? string.Empty;
            return found;
        }
    }
}
