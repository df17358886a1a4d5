using System.Reflection;

namespace SyntheticPatients.Generators.Emit;

/// <summary>
/// The version generated files state (their header and <c>[GeneratedCode]</c>), read from the generator's own assembly
/// so it follows <c>&lt;Version&gt;</c> in Directory.Build.props instead of a constant to keep in step by hand.
/// </summary>
internal static class GeneratorAssemblyVersion
{
    public static string Value { get; } = Read(typeof(GeneratorAssemblyVersion).Assembly);

    /// <summary>
    /// The informational version without the "+commit" the SDK appends (generated files must not change with every
    /// commit); an assembly without one gives its assembly version as major.minor.patch.
    /// </summary>
    public static string Read(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (informational is { Length: > 0 })
        {
            int plus = informational.IndexOf('+');
            return plus >= 0 ? informational.Substring(0, plus) : informational;
        }
        var version = assembly.GetName().Version;
        return version is null ? "0.0.0" : version.Major + "." + version.Minor + "." + System.Math.Max(0, version.Build);
    }
}
