using System.Globalization;
using System.Text;

namespace SyntheticPatients.Exporters.Tests.Vista;

/// <summary>A ZWR file read back by a small independent parser: node reference (as written) to decoded value.</summary>
internal sealed class ZwrFile
{
    private ZwrFile(string[] labels, List<KeyValuePair<string, string>> nodes)
    {
        Labels = labels;
        Nodes = nodes;
        Values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in nodes)
        {
            Assert.True(Values.TryAdd(key, value), $"node {key} written twice");
        }
    }

    public string[] Labels { get; }

    /// <summary>Nodes in file order.</summary>
    public List<KeyValuePair<string, string>> Nodes { get; }

    public Dictionary<string, string> Values { get; }

    public string this[string reference] => Values.TryGetValue(reference, out var v) ? v : throw new KeyNotFoundException(reference);

    public static ZwrFile Read(string path)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        var nodes = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(2))
        {
            int eq = EqualsOutsideQuotes(line);
            Assert.True(eq > 0, $"no '=' in {line}");
            nodes.Add(new(line[..eq], Decode(line[(eq + 1)..])));
        }
        return new ZwrFile(lines.Take(2).ToArray(), nodes);
    }

    private static int EqualsOutsideQuotes(string line)
    {
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '"') quoted = !quoted;
            else if (line[i] == '=' && !quoted) return i;
        }
        return -1;
    }

    /// <summary>Decodes <c>"a""b"_$C(13,10)_"c"</c>.</summary>
    public static string Decode(string literal)
    {
        var sb = new StringBuilder();
        int i = 0;
        while (i < literal.Length)
        {
            if (literal[i] == '"')
            {
                i++;
                while (true)
                {
                    Assert.True(i < literal.Length, $"unterminated string in {literal}");
                    if (literal[i] == '"')
                    {
                        if (i + 1 < literal.Length && literal[i + 1] == '"')
                        {
                            sb.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    sb.Append(literal[i++]);
                }
            }
            else if (literal.AsSpan(i).StartsWith("$C("))
            {
                int close = literal.IndexOf(')', i);
                foreach (var code in literal[(i + 3)..close].Split(','))
                {
                    sb.Append((char)int.Parse(code, CultureInfo.InvariantCulture));
                }
                i = close + 1;
            }
            else Assert.Fail($"unexpected '{literal[i]}' at {i} in {literal}");
            if (i < literal.Length)
            {
                Assert.Equal('_', literal[i]);
                i++;
            }
        }
        return sb.ToString();
    }
}
