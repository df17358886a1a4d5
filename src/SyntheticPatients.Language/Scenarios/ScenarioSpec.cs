using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Scenarios;

/// <summary>
/// A scenario after binding: the population to generate (demographic and social distributions), the modules it
/// runs, parameter overrides and the codes it focuses on. Value-equatable, so the generator re-emits the scenario
/// registry only when a scenario really changes. Every distribution is complete: one the file leaves out holds the
/// documented US default (<see cref="ScenarioVocabulary"/>) and is marked <c>IsDefault</c>.
/// </summary>
public sealed record ScenarioSpec(
    string Name,
    string FilePath,
    SourceSpan NameSpan,
    string Description,
    EquatableArray<string> Sources,
    BandDistribution Ages,
    LabelDistribution Gender,
    LabelDistribution Race,
    LabelDistribution Ethnicity,
    LabelDistribution Smoking,
    LabelDistribution Alcohol,
    LabelDistribution Education,
    LabelDistribution Employment,
    LabelDistribution Housing,
    BandDistribution Income,
    LabelDistribution Insurance,
    EquatableArray<ModuleReference> Modules,
    EquatableArray<ParameterOverride> Parameters,
    EquatableArray<TerminologyFocus> Terminology);

/// <summary>One label of a categorical distribution and its weight (a share: the weights of a distribution sum to 1).</summary>
public sealed record LabelWeight(string Label, double Weight);

/// <summary>A categorical distribution over canonical labels, in the order written (or the default's order).</summary>
public sealed record LabelDistribution(string Key, EquatableArray<LabelWeight> Weights, bool IsDefault)
{
    /// <summary>The weight of a label, 0 when the distribution does not list it.</summary>
    public double WeightOf(string label)
    {
        foreach (var weight in Weights)
        {
            if (weight.Label == label) return weight.Weight;
        }
        return 0;
    }
}

/// <summary>A band of whole numbers, inclusive at both ends (age 0-17 in years, income 0-25000 in USD a year), and its weight.</summary>
public sealed record BandWeight(int Min, int Max, double Weight);

/// <summary>A distribution over bands (ages or incomes), in the order written (or the default's order).</summary>
public sealed record BandDistribution(string Key, EquatableArray<BandWeight> Bands, bool IsDefault);

/// <summary>A module named in <c>modules:</c>, with where it is written (for SPM0014 when no module has that name).</summary>
public sealed record ModuleReference(string Name, SourceSpan Span);

/// <summary>A parameter override from <c>parameters:</c>: the dotted path of a parameter and the number it takes.</summary>
public sealed record ParameterOverride(string Path, double Value, SourceSpan Span);

/// <summary>The codes a scenario focuses on in one code system (canonical system name, e.g. ICD-10-CM).</summary>
public sealed record TerminologyFocus(string System, EquatableArray<string> Codes);

/// <summary>The outcome of binding one scenario file: the model (null when unusable) and its diagnostics.</summary>
public sealed record ScenarioBindResult(ScenarioSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>A compiled scenario: its model (null when it could not be built) and every diagnostic found.</summary>
public sealed record ScenarioCompilation(ScenarioSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool HasErrors => DiagnosticInfo.AnyError(Diagnostics);
}
