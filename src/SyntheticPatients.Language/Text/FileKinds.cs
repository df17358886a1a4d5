using System;

namespace SyntheticPatients.Language.Text;

public enum YamlFileKind
{
    Other,
    Module,
    Scenario,
    Parameters,

    /// <summary>A terminology catalog: <c>data/terminology/&lt;system&gt;.csv</c> (not YAML).</summary>
    Terminology,
}

/// <summary>
/// Classifies a file by the folder it lives in: YAML under modules/, scenarios/ or parameters/, and CSV terminology
/// catalogs directly under terminology/ (data/terminology/snomed.csv).
/// </summary>
public static class FileKinds
{
    public static YamlFileKind Classify(string path)
    {
        var normalized = path.Replace('\\', '/');
        if (normalized.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            // data/terminology/snomed.csv: the innermost folder is terminology/.
            var parts = normalized.Split('/');
            return parts.Length >= 2 && parts[parts.Length - 2] == "terminology" ? YamlFileKind.Terminology : YamlFileKind.Other;
        }
        if (!normalized.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !normalized.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return YamlFileKind.Other;
        }
        // The innermost known folder wins, so modules/parameters/x.yaml is a parameters file.
        var segments = normalized.Split('/');
        for (int i = segments.Length - 2; i >= 0; i--)
        {
            switch (segments[i])
            {
                case "parameters": return YamlFileKind.Parameters;
                case "scenarios": return YamlFileKind.Scenario;
                case "modules": return YamlFileKind.Module;
            }
        }
        return YamlFileKind.Other;
    }

    /// <summary>File name without folder or extension.</summary>
    public static string Stem(string path)
    {
        var normalized = path.Replace('\\', '/');
        var name = normalized.Substring(normalized.LastIndexOf('/') + 1);
        int dot = name.LastIndexOf('.');
        return dot > 0 ? name.Substring(0, dot) : name;
    }

    /// <summary>A path shown to authors: from the modules/ or scenarios/ folder on when present.</summary>
    public static string Display(string path)
    {
        var normalized = path.Replace('\\', '/');
        foreach (var folder in new[] { "modules/", "scenarios/", "parameters/" })
        {
            int at = normalized.LastIndexOf("/" + folder, StringComparison.Ordinal);
            if (at >= 0) return normalized.Substring(at + 1);
            if (normalized.StartsWith(folder, StringComparison.Ordinal)) return normalized;
        }
        return normalized.Substring(normalized.LastIndexOf('/') + 1);
    }
}
