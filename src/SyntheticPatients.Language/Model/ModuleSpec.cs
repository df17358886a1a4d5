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

/// <summary>What a module does to a baseline category of patient data: add to it or replace it.</summary>
public sealed record CategoryModeSpec(string Category, CategoryMode Mode, SourceSpan Span);

public enum CategoryMode : byte
{
    Augment,
    Replace,
}
