namespace SyntheticPatients.Runtime.Modules.Interpretation;

/// <summary>
/// The library's data files embedded in this assembly: terminology catalogs (<c>data/terminology/*.csv</c>) and
/// parameter files (<c>data/parameters/*.yaml</c>), as (path, text) pairs with their repository paths.
/// </summary>
public static class BuiltInData
{
    public const string TerminologyPrefix = "SyntheticPatients.Terminology.";
    public const string ParametersPrefix = "SyntheticPatients.Parameters.";

    public static IReadOnlyList<(string Path, string Text)> TerminologyFiles() => Read(TerminologyPrefix, "data/terminology/");

    public static IReadOnlyList<(string Path, string Text)> ParameterFiles() => Read(ParametersPrefix, "data/parameters/");

    private static List<(string Path, string Text)> Read(string prefix, string folder)
    {
        var assembly = typeof(BuiltInData).Assembly;
        var files = new List<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files.Add((folder + name.Substring(prefix.Length), reader.ReadToEnd()));
        }
        return files;
    }
}
