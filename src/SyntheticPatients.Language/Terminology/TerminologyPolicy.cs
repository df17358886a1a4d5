using System.Collections.Generic;
using SyntheticPatients.Language.Diagnostics;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Terminology;

/// <summary>
/// The one terminology switch (docs/terminology.md): <c>strict</c> (a code missing from the catalogs is an error) or
/// <c>compat</c> (it is a warning). Set for a project by the MSBuild property <see cref="MsBuildProperty"/>, for a
/// run-time folder by <c>--terminology</c>, and for one module by its top-level <c>terminology:</c> key, which wins.
/// A malformed code or a bad check digit is an error whatever the setting.
/// </summary>
public static class TerminologyPolicy
{
    /// <summary>The MSBuild property a project sets (<c>&lt;SyntheticPatientsTerminology&gt;compat&lt;/...&gt;</c>).</summary>
    public const string MsBuildProperty = "SyntheticPatientsTerminology";

    /// <summary>
    /// The setting when nothing chooses one. Strict: the library's modules are all catalogued, so a missing code is
    /// a typo or a code nobody checked; modules brought from elsewhere opt into compat.
    /// </summary>
    public const TerminologyMode ProjectDefault = TerminologyMode.Strict;

    /// <summary>What a value may be, for messages.</summary>
    public const string Choices = "Use 'strict' (a code missing from the terminology catalogs is an error) or 'compat' (it is a warning; 'lenient' is the old name of compat). Without a choice the project's setting applies (strict unless the project sets SyntheticPatientsTerminology or the command line --terminology).";

    /// <summary>The words a setting may use (<c>lenient</c> is compat's former name), for the reader and the JSON Schema.</summary>
    public static readonly IReadOnlyDictionary<string, TerminologyMode> Names = new Dictionary<string, TerminologyMode>
    {
        ["strict"] = TerminologyMode.Strict,
        ["compat"] = TerminologyMode.Compat,
        ["lenient"] = TerminologyMode.Compat,
    };

    /// <summary>Reads one of <see cref="Names"/>, ignoring case and surrounding space.</summary>
    public static bool TryParse(string? text, out TerminologyMode mode)
    {
        if (Names.TryGetValue((text ?? string.Empty).Trim().ToLowerInvariant(), out mode)) return true;
        mode = TerminologyMode.Default;
        return false;
    }

    /// <summary>The mode that applies to a module: its own choice, else the project's, else <see cref="ProjectDefault"/>.</summary>
    public static TerminologyMode Effective(TerminologyMode module, TerminologyMode project)
        => module != TerminologyMode.Default ? module : project != TerminologyMode.Default ? project : ProjectDefault;

    /// <summary>
    /// The project's setting from the MSBuild property's value: empty is <see cref="TerminologyMode.Default"/>; a value
    /// that is neither strict nor compat is SPM0040 (reported at <paramref name="origin"/>) and strict applies.
    /// </summary>
    public static (TerminologyMode Mode, EquatableArray<DiagnosticInfo> Diagnostics) FromSetting(string? value, string origin)
    {
        if (value is null || value.Trim().Length == 0) return (TerminologyMode.Default, EquatableArray<DiagnosticInfo>.Empty);
        if (TryParse(value, out var mode)) return (mode, EquatableArray<DiagnosticInfo>.Empty);
        var diagnostic = DiagnosticInfo.Create(DiagnosticCatalog.InvalidTerminologySetting, origin, new SourceSpan(1, 1, 1, 1), value.Trim(), origin);
        return (TerminologyMode.Strict, new[] { diagnostic }.ToEquatableArray());
    }
}
