using System.Text;

namespace SyntheticPatients.Cli;

/// <summary>Reading and writing the text files merge joins (UTF-8 without BOM, LF line ends, as the exporters write them).</summary>
internal static class MergedText
{
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static StreamWriter Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new StreamWriter(path, append: false, Utf8, bufferSize: 1 << 16) { NewLine = "\n" };
    }

    /// <summary>
    /// The lines of a file split in three: the first <paramref name="head"/>, the body (streamed), and the last
    /// <paramref name="tail"/> (held back, handed to <paramref name="onTail"/> once the body is read).
    /// </summary>
    public static IEnumerable<string> Body(string path, int head, int tail, Action<IReadOnlyList<string>>? onHead = null, Action<IReadOnlyList<string>>? onTail = null)
    {
        using var reader = new StreamReader(path, Utf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        var first = new List<string>(head);
        var held = new Queue<string>(tail + 1);
        string? line;
        while (first.Count < head && (line = reader.ReadLine()) is not null) first.Add(line);
        onHead?.Invoke(first);
        while ((line = reader.ReadLine()) is not null)
        {
            held.Enqueue(line);
            if (held.Count > tail) yield return held.Dequeue();
        }
        onTail?.Invoke(held.ToArray());
    }

    /// <summary>Copies <paramref name="source"/> from the byte after its first <paramref name="skipLines"/> LFs.</summary>
    public static void AppendBytes(Stream target, string source, int skipLines)
    {
        using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        for (int skipped = 0; skipped < skipLines;)
        {
            int b = input.ReadByte();
            if (b < 0) return;
            if (b == '\n') skipped++;
        }
        input.CopyTo(target);
    }
}
