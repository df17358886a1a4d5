using System.Globalization;

namespace SyntheticPatients.Cli;

/// <summary>
/// How merge joins one file that several shards wrote. Patient data never repeats across shards, so it is concatenated
/// in patient order; files that hold shared entries (FHIR organizations and practitioners in bulk NDJSON, VistA
/// dictionaries) keep each line's first copy, which is where the whole run wrote it; counts in headers are recomputed.
/// </summary>
internal static class FileMerges
{
    /// <summary>Patient rows or messages: the shards' bytes in order, each after its first <paramref name="headerLines"/> lines but the first shard's.</summary>
    public static void Concatenate(string target, IReadOnlyList<string> sources, int headerLines)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var output = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        for (int i = 0; i < sources.Count; i++) MergedText.AppendBytes(output, sources[i], i == 0 ? 0 : headerLines);
    }

    /// <summary>Lines of shared entries: each distinct line once, where it first appears in patient order. Returns the lines written.</summary>
    public static long Union(string target, IReadOnlyList<string> sources)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var output = MergedText.Create(target);
        foreach (var source in sources)
        {
            foreach (var line in MergedText.Body(source, 0, 0))
            {
                if (seen.Add(line)) output.WriteLine(line);
            }
        }
        return seen.Count;
    }

    /// <summary>
    /// A VistA ZWR file: the two labels once, the nodes, then the header node
    /// <c>^ROOT(0)="NAME^number^highest IEN^entries"</c> recomputed. Returns the entries. A dictionary entry several
    /// shards hold keeps the nodes of the first shard that has it: the whole run wrote it at that same first reference.
    /// (Only its first copy is the single run's: the text of an entry is taken from the first record pointing at it.)
    /// </summary>
    public static long Zwr(string target, IReadOnlyList<string> sources, bool dictionary)
    {
        bool wroteLabels = false;
        string? headerPrefix = null, name = null, number = null;
        long last = 0, entries = 0;
        var earlier = new HashSet<long>();
        using var output = MergedText.Create(target);
        foreach (var source in sources)
        {
            var current = new HashSet<long>();
            string prefix = "";
            void OnHead(IReadOnlyList<string> head)
            {
                if (head.Count > 0) prefix = ZwrHeader.NodePrefix(head[0]);
                if (wroteLabels) return;
                wroteLabels = true;
                foreach (var l in head) output.WriteLine(l);
            }
            void OnTail(IReadOnlyList<string> tail)
            {
                var header = tail.Count == 1 ? ZwrHeader.Parse(tail[0]) : throw new InvalidDataException($"{source}: no header node.");
                (headerPrefix, name, number) = (header.Prefix, header.Name, header.Number);
                last = Math.Max(last, header.Last);
                if (!dictionary) entries += header.Entries;
            }
            foreach (var line in MergedText.Body(source, 2, 1, OnHead, OnTail))
            {
                if (dictionary)
                {
                    long ien = ZwrHeader.EntryOf(line, prefix);
                    if (earlier.Contains(ien)) continue;
                    current.Add(ien);
                }
                output.WriteLine(line);
            }
            earlier.UnionWith(current);
        }
        if (headerPrefix is null) throw new InvalidDataException($"{target}: no shard had a header node.");
        if (dictionary) entries = earlier.Count;
        output.WriteLine(ZwrHeader.Format(headerPrefix, name!, number!, last, entries));
        return entries;
    }

    /// <summary>
    /// The legacy <c>vista_globals.mumps</c>: three comment lines once, the shards' nodes, then the three header nodes
    /// (PATIENT, VISIT, PROBLEM) with the highest IEN and the count recomputed, and the node total.
    /// </summary>
    public static IReadOnlyDictionary<string, long> Legacy(string target, IReadOnlyList<string> sources, IReadOnlyList<string> countKeys)
    {
        const int HeaderNodes = 3;
        var headers = new ZwrHeader[HeaderNodes];
        long nodes = 0;
        bool wroteHead = false;
        using var output = MergedText.Create(target);
        foreach (var source in sources)
        {
            void OnHead(IReadOnlyList<string> head)
            {
                if (wroteHead) return;
                wroteHead = true;
                foreach (var l in head) output.WriteLine(l);
            }
            void OnTail(IReadOnlyList<string> tail)
            {
                if (tail.Count != HeaderNodes + 1) throw new InvalidDataException($"{source}: no header nodes.");
                for (int i = 0; i < HeaderNodes; i++)
                {
                    var h = ZwrHeader.Parse(tail[i]["S ".Length..]);
                    headers[i] = headers[i] is null ? h : headers[i] with { Last = Math.Max(headers[i].Last, h.Last), Entries = headers[i].Entries + h.Entries };
                }
            }
            foreach (var line in MergedText.Body(source, 3, HeaderNodes + 1, OnHead, OnTail))
            {
                output.WriteLine(line);
                nodes++;
            }
        }
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int i = 0; i < HeaderNodes; i++)
        {
            var h = headers[i];
            output.WriteLine("S " + ZwrHeader.Format(h.Prefix, h.Name, h.Number, h.Last, h.Entries));
            counts[countKeys[i]] = h.Entries;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $";; Total global nodes: {nodes + HeaderNodes}"));
        return counts;
    }
}

/// <summary>A FileMan file header node, <c>^ROOT(0)="NAME^number^highest IEN^entries"</c>.</summary>
internal sealed record ZwrHeader(string Prefix, string Name, string Number, long Last, long Entries)
{
    public static ZwrHeader Parse(string line)
    {
        int equals = line.IndexOf(")=\"", StringComparison.Ordinal);
        if (equals < 0 || !line.EndsWith('"')) throw new InvalidDataException($"Not a header node: {line}");
        var pieces = line[(equals + 3)..^1].Split('^');
        long last = pieces[2].Length == 0 ? 0 : long.Parse(pieces[2], CultureInfo.InvariantCulture);
        return new ZwrHeader(line[..(equals + 2)], pieces[0], pieces[1], last, long.Parse(pieces[3], CultureInfo.InvariantCulture));
    }

    public static string Format(string prefix, string name, string number, long last, long entries) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}\"{name}^{number}^{(last > 0 ? last.ToString(CultureInfo.InvariantCulture) : "")}^{entries}\"");

    /// <summary>The node prefix of a file, from the root at the end of its first label line: "^ICPT(" or "^DIC(5,".</summary>
    public static string NodePrefix(string label)
    {
        var root = label[(label.LastIndexOf(' ') + 1)..];
        return root.Contains('(') ? root + "," : root + "(";
    }

    /// <summary>
    /// The IEN a dictionary node belongs to: the subscript after the root for its data nodes (<c>^ICPT(ien,0)</c>),
    /// the last one for its "B" index node (<c>^ICPT("B",key,ien)=""</c>).
    /// </summary>
    public static long EntryOf(string line, string prefix)
    {
        if (!line.StartsWith(prefix, StringComparison.Ordinal)) throw new InvalidDataException($"Not a node of {prefix}: {line}");
        int start = prefix.Length, end;
        if (line[start] == '"')
        {
            end = line.LastIndexOf(")=", StringComparison.Ordinal);
            start = line.LastIndexOf(',', end - 1) + 1;
        }
        else
        {
            end = line.IndexOfAny([',', ')'], start);
        }
        return long.Parse(line.AsSpan(start, end - start), CultureInfo.InvariantCulture);
    }
}
