using SyntheticPatients.Runtime.Definitions;

namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>Whether two definitions name the same concept: they share a code (same system and value).</summary>
public static class ConditionMatch
{
    public static bool SameConcept(ClinicalDefinition a, ClinicalDefinition b)
    {
        if (ReferenceEquals(a, b)) return true;
        foreach (var x in a.Codes)
        {
            foreach (var y in b.Codes)
            {
                if (string.Equals(x.Value, y.Value, StringComparison.Ordinal) && SameSystem(x.System, y.System)) return true;
            }
        }
        return false;
    }

    /// <summary>Whether <paramref name="code"/> is one of the definition's codes (system-insensitive spelling).</summary>
    public static bool HasCode(ClinicalDefinition definition, Code code)
    {
        foreach (var own in definition.Codes)
        {
            if (string.Equals(own.Value, code.Value, StringComparison.Ordinal) && SameSystem(own.System, code.System)) return true;
        }
        return false;
    }

    private static bool SameSystem(string a, string b)
        => string.Equals(a, b, StringComparison.OrdinalIgnoreCase)
           || string.Equals(Language.Checking.CodeValidation.NormalizeSystem(a), Language.Checking.CodeValidation.NormalizeSystem(b), StringComparison.Ordinal);
}
