using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Model;

/// <summary>A module after binding: the value-equatable model the emitter and the interpreter consume.</summary>
public sealed record ModuleSpec(
    string Name,
    string FilePath,
    SourceSpan NameSpan,
    string Description,
    string? Version,
    EquatableArray<CategoryModeSpec> Categories,
    EquatableArray<string> Sources,
    EquatableArray<StateSpec> States)
{
    /// <summary>
    /// <c>terminology: strict|compat</c> at the top of a module: whether a code missing from the terminology catalogs
    /// (SPM0023) is an error or a warning. Absent: <see cref="TerminologyMode.Default"/>, the project's setting
    /// (<see cref="Terminology.TerminologyPolicy"/>).
    /// </summary>
    public TerminologyMode TerminologyMode { get; init; }

    /// <summary>Index of a state by name, or -1. Linear: modules have tens of states and this runs at build time.</summary>
    public int IndexOf(string stateName)
    {
        for (int i = 0; i < States.Count; i++)
        {
            if (States[i].Name == stateName) return i;
        }
        return -1;
    }
}

/// <summary>
/// How a code missing from the terminology catalogs is reported (docs/terminology.md). A malformed code or a bad
/// check digit is an error under every mode.
/// </summary>
public enum TerminologyMode : byte
{
    /// <summary>No choice made here: the module follows the project's (or the command line's) setting.</summary>
    Default,

    /// <summary>A code missing from the catalogs is an error (SPM0023).</summary>
    Strict,

    /// <summary>A code missing from the catalogs is a warning (SPM0023): for modules brought from elsewhere.</summary>
    Compat,
}

/// <summary>What a module does to a baseline category of patient data: add to it or replace it.</summary>
public sealed record CategoryModeSpec(string Category, CategoryMode Mode, SourceSpan Span);

public enum CategoryMode : byte
{
    Augment,
    Replace,
}
