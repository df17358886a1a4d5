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
    /// <c>terminology: lenient</c> at the top of a module: codes missing from the terminology catalogs (SPM0023) are
    /// warnings instead of errors. Default <see cref="TerminologyMode.Strict"/>.
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

/// <summary>How strictly a module's codes are checked against the terminology catalogs.</summary>
public enum TerminologyMode : byte
{
    Strict,
    Lenient,
}

/// <summary>What a module does to a baseline category of patient data: add to it or replace it.</summary>
public sealed record CategoryModeSpec(string Category, CategoryMode Mode, SourceSpan Span);

public enum CategoryMode : byte
{
    Augment,
    Replace,
}
