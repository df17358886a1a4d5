using System.CommandLine;
using SyntheticPatients.Cli.Generation;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Terminology;

namespace SyntheticPatients.Cli;

/// <summary>
/// <c>--terminology strict|compat</c> of <c>modules check</c> and <c>generate --modules-dir</c>: the command-line form of
/// the project's SyntheticPatientsTerminology setting (<see cref="TerminologyPolicy"/>); a module's own key wins.
/// </summary>
internal static class TerminologyOption
{
    public static Option<string?> Create() => new("--terminology")
    {
        Description = "strict (default): a code missing from the terminology catalogs (built-in plus the folder's data/terminology/) is an error; compat: it is a warning. A module's own 'terminology:' key wins. A malformed code or a bad check digit is an error either way.",
    };

    /// <summary>The setting, or an <see cref="InputException"/> naming the choices.</summary>
    public static TerminologyMode Parse(string? value)
    {
        if (value is null) return TerminologyMode.Default;
        if (TerminologyPolicy.TryParse(value, out var mode)) return mode;
        throw new InputException($"--terminology '{value}' is not strict or compat.");
    }
}
