using SyntheticPatients.Cli.Generation;

namespace SyntheticPatients.Cli.Output;

/// <summary>Checks the <c>--output-dir</c> a user gave before anything is created, so a wrong path is a sentence, not a stack trace.</summary>
internal static class OutputPath
{
    /// <summary>The full path of the output folder; an <see cref="InputException"/> when it cannot be one.</summary>
    public static string Check(string given)
    {
        if (string.IsNullOrWhiteSpace(given))
        {
            throw new InputException("error: --output-dir is empty: give the folder to write into, e.g. -o out.");
        }
        string full;
        try
        {
            full = Path.GetFullPath(given);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InputException($"error: --output-dir '{given}' is not a usable path ({ex.Message}).");
        }
        // The folder itself, or any folder above it, being a file would fail deep inside Directory.CreateDirectory.
        for (var path = full; path is not null; path = Path.GetDirectoryName(path))
        {
            if (File.Exists(path))
            {
                var what = path == full ? "is a file" : $"is inside '{path}', which is a file";
                throw new InputException($"error: --output-dir '{given}' {what}, not a folder: choose another path.");
            }
        }
        return full;
    }
}
