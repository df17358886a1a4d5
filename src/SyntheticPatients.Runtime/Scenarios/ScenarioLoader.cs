using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Parameters;
using SyntheticPatients.Language.Scenarios;
using SyntheticPatients.Runtime.Modules;

namespace SyntheticPatients.Runtime.Scenarios;

/// <summary>
/// Loads a scenario file at run time (<c>--scenario-file</c>) through the same front-end the source generator uses for
/// the built-in scenarios, so a file is accepted or rejected with the same located diagnostics
/// (<c>file.yaml(line,col): error SPM0007: ...</c>) and yields the same <see cref="ScenarioDefinition"/>.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>
    /// Reads and compiles <paramref name="path"/>. <paramref name="knownModules"/> are the module names a scenario may
    /// list (for the built-in library: the names in <c>ModuleRegistry.All</c>). I/O errors propagate as exceptions.
    /// </summary>
    public static ScenarioLoadResult LoadFile(string path, ParameterSet parameters, IEnumerable<string> knownModules)
        => Load(path, FolderWalker.ReadText(path), parameters, knownModules);

    /// <summary>Compiles scenario text; <paramref name="path"/> is used for diagnostics and <see cref="ScenarioDefinition.SourcePath"/>.</summary>
    public static ScenarioLoadResult Load(string path, string text, ParameterSet parameters, IEnumerable<string> knownModules)
    {
        var compilation = ScenarioFrontEnd.Compile(path, text, parameters, knownModules);
        var diagnostics = compilation.Diagnostics.ToArray();
        if (compilation.Spec is null || compilation.HasErrors) return new ScenarioLoadResult(null, diagnostics);
        return new ScenarioLoadResult(ToDefinition(compilation.Spec, path), diagnostics);
    }

    /// <summary>The run-time definition of a bound scenario (the generator emits the same values as C#).</summary>
    public static ScenarioDefinition ToDefinition(ScenarioSpec spec, string? sourcePath = null)
    {
        var terminology = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var focus in spec.Terminology) terminology[focus.System] = focus.Codes.ToArray();
        var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var parameter in spec.Parameters) parameters[parameter.Path] = parameter.Value;

        return new ScenarioDefinition
        {
            Name = spec.Name,
            Description = spec.Description,
            SourcePath = sourcePath ?? spec.FilePath,
            Sources = spec.Sources.ToArray(),
            Ages = spec.Ages.Bands.Select(b => new AgeBand(b.Min, b.Max, b.Weight)).ToArray(),
            Gender = Choice(spec.Gender),
            Race = Choice(spec.Race),
            Ethnicity = Choice(spec.Ethnicity),
            Smoking = Choice(spec.Smoking),
            Alcohol = Choice(spec.Alcohol),
            Education = Choice(spec.Education),
            Employment = Choice(spec.Employment),
            Housing = Choice(spec.Housing),
            Income = spec.Income.Bands.Select(b => new IncomeBand(b.Min, b.Max, b.Weight)).ToArray(),
            Insurance = Choice(spec.Insurance),
            Modules = spec.Modules.Select(m => m.Name).ToArray(),
            Parameters = parameters,
            TerminologyFocus = terminology,
        };
    }

    private static WeightedChoice Choice(LabelDistribution distribution)
        => new(distribution.Weights.Select(w => new KeyValuePair<string, double>(w.Label, w.Weight)).ToArray());
}

/// <summary>
/// A loaded scenario: the definition (null when the file has errors) and every diagnostic (warnings included),
/// in file order. <see cref="DiagnosticInfo.ToString"/> prints the MSBuild form <c>file.yaml(line,col): error ID: message</c>.
/// </summary>
public sealed record ScenarioLoadResult(ScenarioDefinition? Definition, IReadOnlyList<DiagnosticInfo> Diagnostics)
{
    public bool Succeeded => Definition is not null;

    public IEnumerable<DiagnosticInfo> Errors => Diagnostics.Where(d => d.Level == DiagnosticLevel.Error);
}
