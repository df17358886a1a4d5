using SyntheticPatients.Language.Yaml;

namespace SyntheticPatients.Runtime.Modules;

/// <summary>
/// Lists and reads the files of a module folder for `modules check` and `generate --modules-dir` with bounded work
/// whatever is on disk. Symbolic links to folders are followed once: a link to a folder already walked (a link loop,
/// or a second way to the same folder, whose modules would all be duplicates) is an <see cref="IOException"/> naming
/// the link, never a hang; skipped folders (bin/, obj/, ...) are not entered at all. Files are read up to
/// <see cref="YamlLimits.MaxFileLength"/> characters plus one, so a huge (or endless: a link to /dev/zero) file costs
/// no more than that and the YAML reader reports it (SPM0026).
/// </summary>
public static class FolderWalker
{
    /// <summary>Deeper than this is reported as a loop: a backstop for link targets the walk cannot see through.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// The files under <paramref name="root"/> whose name matches <paramref name="pattern"/>, in ordinal order;
    /// folders for which <paramref name="skipFolder"/> (given the folder's name) is true are not entered.
    /// </summary>
    public static IReadOnlyList<string> Files(string root, string pattern, bool recursive, Func<string, bool> skipFolder)
    {
        var files = new List<string>();
        if (!Directory.Exists(root)) return files;
        var walked = new Dictionary<string, string>(StringComparer.Ordinal); // real folder -> the path it was walked as
        var pending = new Stack<(string Path, string Real, int Depth)>();
        var rootReal = RealPath(root);
        walked.Add(rootReal, root);
        pending.Push((root, rootReal, 0));
        while (pending.Count > 0)
        {
            var (folder, real, depth) = pending.Pop();
            files.AddRange(Directory.EnumerateFiles(folder, pattern, SearchOption.TopDirectoryOnly));
            if (!recursive) continue;
            foreach (var sub in Directory.EnumerateDirectories(folder))
            {
                var name = Path.GetFileName(sub);
                if (skipFolder(name)) continue;
                var subReal = Resolve(real, name);
                if (walked.TryGetValue(subReal, out var first))
                {
                    throw new IOException($"{sub}: symbolic link to {subReal}, a folder already read as {first} (a link loop, or a second link to the same folder). Remove the link or point it elsewhere.");
                }
                if (depth + 1 > MaxDepth)
                {
                    throw new IOException($"{sub}: folders nested more than {MaxDepth} deep under {root} (a symbolic link loop?). Remove the link or move the modules up.");
                }
                walked.Add(subReal, sub);
                pending.Push((sub, subReal, depth + 1));
            }
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>The file's text, cut after <see cref="YamlLimits.MaxFileLength"/> + 1 characters (see the class summary).</summary>
    public static string ReadText(string path)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[YamlLimits.MaxFileLength + 1];
        int length = 0;
        int read;
        while (length < buffer.Length && (read = reader.Read(buffer, length, buffer.Length - length)) > 0) length += read;
        return new string(buffer, 0, length);
    }

    /// <summary>A terminology CSV: it has no size diagnostic, so one over the limit is an error rather than read cut short.</summary>
    public static string ReadTable(string path)
    {
        var text = ReadText(path);
        if (text.Length > YamlLimits.MaxFileLength)
        {
            throw new IOException($"{path}: more than {YamlLimits.MaxFileLength:N0} characters, the limit for an input file. Split it into several files.");
        }
        return text;
    }

    /// <summary>The real path of a folder: every symbolic link among its components replaced by its target.</summary>
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var real = Path.GetPathRoot(full)!;
        foreach (var name in full.Substring(real.Length).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            real = Resolve(real, name);
        }
        return real;
    }

    /// <summary>
    /// The real path of <paramref name="name"/> in the real folder <paramref name="parent"/>: a link's target is taken
    /// relative to the real parent (so '..' in it means what the OS means), following chains of links up to 40 hops.
    /// </summary>
    private static string Resolve(string parent, string name)
    {
        var path = Path.Combine(parent, name);
        for (int hops = 0; hops < 40; hops++)
        {
            var target = new DirectoryInfo(path).LinkTarget;
            if (target is null) return path;
            path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, target));
        }
        throw new IOException($"{Path.Combine(parent, name)}: too many levels of symbolic links. Remove the link loop.");
    }
}
