namespace SyntheticPatients.Runtime.Definitions;

/// <summary>
/// What a state records, as written in the module: name and codes plus per-kind details in subclasses.
/// Generated modules allocate each definition once (static readonly), and every event points at it,
/// so recording an event copies no strings.
/// </summary>
public abstract class ClinicalDefinition
{
    private readonly Code[] _codes;

    protected ClinicalDefinition(string name, Code[]? codes)
    {
        Name = name;
        _codes = codes ?? Array.Empty<Code>();
    }

    public string Name { get; }

    /// <summary>Every code given (e.g. ICD-10-CM and SNOMED-CT for one condition), in file order.</summary>
    public IReadOnlyList<Code> Codes => _codes;

    /// <summary>The first code, or null when the entry has none.</summary>
    public Code? PrimaryCode => _codes.Length > 0 ? _codes[0] : null;

    /// <summary>The first code of the given system, or null.</summary>
    public Code? CodeOf(string system)
    {
        var codes = _codes;
        for (int i = 0; i < codes.Length; i++)
        {
            if (string.Equals(codes[i].System, system, StringComparison.Ordinal)) return codes[i];
        }
        return null;
    }

    /// <summary>Whether <paramref name="codeOrName"/> is one of the codes (any system) or the name. Ordinal, allocation-free.</summary>
    public bool Matches(string codeOrName)
    {
        var codes = _codes;
        for (int i = 0; i < codes.Length; i++)
        {
            if (string.Equals(codes[i].Value, codeOrName, StringComparison.Ordinal)) return true;
        }
        return string.Equals(Name, codeOrName, StringComparison.Ordinal);
    }

    public override string ToString() => PrimaryCode is { } code ? $"{Name} ({code})" : Name;
}
