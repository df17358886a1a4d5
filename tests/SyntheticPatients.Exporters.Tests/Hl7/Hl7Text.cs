using SyntheticPatients.Exporters.Hl7;

namespace SyntheticPatients.Exporters.Tests.Hl7;

/// <summary>
/// Minimal positional reading of the encoder's output for assertions on content (which code went where). Conformance
/// is checked by the independent node checker, not by this.
/// </summary>
public sealed class Hl7Text
{
    private Hl7Text(string text)
    {
        Text = text;
        Segments = text.Split('\r', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('|')).ToArray();
    }

    public string Text { get; }

    public string[][] Segments { get; }

    public static Hl7Text Parse(string message) => new(message);

    /// <summary>The messages of an unframed file: each starts with MSH.</summary>
    public static List<Hl7Text> ReadFile(string path)
    {
        var text = File.ReadAllText(path);
        var messages = new List<Hl7Text>();
        int start = 0;
        while (start < text.Length)
        {
            int next = text.IndexOf("\rMSH|", start, StringComparison.Ordinal);
            int end = next < 0 ? text.Length : next + 1;
            messages.Add(new Hl7Text(text[start..end]));
            start = end;
        }
        return messages;
    }

    public IEnumerable<string> Ids => Segments.Select(s => s[0]);

    public string[] Segment(string id, int occurrence = 0) => Segments.Where(s => s[0] == id).ElementAt(occurrence);

    public IEnumerable<string[]> All(string id) => Segments.Where(s => s[0] == id);

    /// <summary>Field <paramref name="n"/> of a segment, raw (MSH-1 is the separator).</summary>
    public static string Field(string[] segment, int n)
    {
        if (segment[0] == "MSH") return n == 1 ? "|" : n - 1 < segment.Length ? segment[n - 1] : "";
        return n < segment.Length ? segment[n] : "";
    }

    public string Field(string id, int n, int occurrence = 0) => Field(Segment(id, occurrence), n);

    /// <summary>Component <paramref name="c"/> of the first repetition of a raw field, unescaped.</summary>
    public static string Component(string field, int c, int repetition = 0)
    {
        var reps = field.Split('~');
        if (repetition >= reps.Length) return "";
        var comps = reps[repetition].Split('^');
        return c <= comps.Length ? Hl7Escaping.Unescape(comps[c - 1]) : "";
    }

    public string Type => Field("MSH", 9);

    public string ControlId => Field("MSH", 10);
}
