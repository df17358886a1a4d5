using System.Globalization;
using System.Text;

namespace SyntheticPatients.Exporters.Vista;

/// <summary>
/// One FileMan file written as a GT.M ZWR file: two label lines, then one <c>^ROOT(subscripts)="value"</c> line per
/// node, written as the records come; the file header node <c>^ROOT(0)="NAME^number^last IEN^count"</c> is the last
/// line, written by <see cref="Complete"/> once the counts are final (<c>mupip load</c> does not care about order).
/// </summary>
internal sealed class GlobalFile : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly StringBuilder _line = new(256);
    private readonly string _root;
    private bool _closed;

    /// <param name="directory">The vista/ directory.</param>
    /// <param name="stem">File name without ".zwr" (for example "DPT", "GMR-120.8").</param>
    /// <param name="root">The global root with the subscripts before the IEN: "^DPT", "^GMR(120.8".</param>
    /// <param name="name">The FileMan file name (header piece 1).</param>
    /// <param name="number">The FileMan file number (header piece 2).</param>
    public GlobalFile(OutputTarget target, string directory, string stem, string root, string name, string number)
    {
        Stem = stem;
        Name = name;
        Number = number;
        _root = root.Contains('(') ? root + "," : root + "(";
        var stream = target.Create(directory + "/" + stem + ".zwr", bufferSize: 0);
        _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024)
        {
            NewLine = "\n",
        };
        // GT.M's load reads line 1 as a free label and needs "ZWR" on line 2. (A label of fewer than ten characters can
        // make mupip load misread the first record or reject the header: keep it long.)
        _writer.Write(string.Create(CultureInfo.InvariantCulture, $"SyntheticPatients VistA export: {name} (FileMan file #{number}) {root}\n"));
        _writer.Write("ZWR\n");
    }

    public string Stem { get; }

    public string Name { get; }

    public string Number { get; }

    /// <summary>Entries (IENs) written.</summary>
    public long Count { get; private set; }

    /// <summary>The highest IEN written (0 when none).</summary>
    public long LastIen { get; private set; }

    /// <summary>Nodes written so far (the lines after the two labels), header included once completed.</summary>
    public long Nodes { get; private set; }

    private long _patientIndex = -1, _patientEntries;

    /// <summary>Starts numbering the entries of the patient of index <paramref name="patientIndex"/> (<see cref="VistaIens.PatientEntry"/>).</summary>
    public void StartPatient(long patientIndex)
    {
        _patientIndex = patientIndex;
        _patientEntries = 0;
    }

    /// <summary>The current patient's next entry: its IEN depends only on the patient index and the entry's rank.</summary>
    public long NewIen()
    {
        if (_patientIndex < 0) throw new InvalidOperationException("StartPatient first.");
        long ien = VistaIens.PatientEntry(_patientIndex, ++_patientEntries);
        Register(ien);
        return ien;
    }

    /// <summary>Records an entry whose IEN is fixed by its meaning (a patient's index, a state's FIPS code, a clinic stop code).</summary>
    public void Register(long ien)
    {
        Count++;
        LastIen = Math.Max(LastIen, ien);
    }

    /// <summary>Writes <c>^ROOT(subscripts...)="value"</c>.</summary>
    public void Set(string value, params ReadOnlySpan<string> subscripts)
    {
        Zwr.AppendString(Reference(subscripts), value);
        EndLine();
    }

    /// <summary>Writes <c>^ROOT(subscripts...)="pieces"</c> (without making a string of the pieces first).</summary>
    public void Set(Pieces value, params ReadOnlySpan<string> subscripts)
    {
        value.AppendLiteral(Reference(subscripts));
        EndLine();
    }

    private StringBuilder Reference(ReadOnlySpan<string> subscripts)
    {
        var sb = _line.Clear().Append(_root);
        for (int i = 0; i < subscripts.Length; i++)
        {
            if (i > 0) sb.Append(',');
            Zwr.AppendSubscript(sb, subscripts[i]);
        }
        return sb.Append(")=");
    }

    private void EndLine()
    {
        _line.Append('\n');
        foreach (var chunk in _line.GetChunks()) _writer.Write(chunk.Span);
        Nodes++;
    }

    /// <summary>A cross-reference node: <c>^ROOT(index,keys...,ien)=""</c>.</summary>
    public void Xref(string index, string key, string ien) => Set("", index, key, ien);

    /// <inheritdoc cref="Xref(string, string, string)"/>
    public void Xref(string index, string key1, string key2, string ien) => Set("", index, key1, key2, ien);

    /// <summary>Writes the header node and closes the file.</summary>
    public void Complete()
    {
        if (_closed) return;
        Set(string.Create(CultureInfo.InvariantCulture, $"{Name}^{Number}^{(LastIen > 0 ? LastIen.ToString(CultureInfo.InvariantCulture) : "")}^{Count}"),
            "0");
        Dispose();
    }

    public void Dispose()
    {
        if (_closed) return;
        _closed = true;
        _writer.Dispose();
    }
}

/// <summary>A dictionary (pointed-to) file: entries deduplicated by a key, IENs from the key (<see cref="VistaIens.Dictionary"/>), a "B" index on .01.</summary>
internal sealed class DictionaryFile
{
    private readonly Dictionary<string, string> _iens = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string> _keys = new();

    public DictionaryFile(GlobalFile file) => File = file;

    public GlobalFile File { get; }

    private readonly Dictionary<object, string> _bySource = new(ReferenceEqualityComparer.Instance);

    public bool TryGet(string key, out string ien) => _iens.TryGetValue(key, out ien!);

    /// <summary>
    /// The entry of a shared definition object (a generated module's static definition, a catalog's code) found
    /// before: skips building the key again for every record that points at it.
    /// </summary>
    public bool TryGetCached(object source, out string ien) => _bySource.TryGetValue(source, out ien!);

    /// <summary>Remembers <paramref name="source"/>'s entry (up to a bound, should definitions ever be made per record).</summary>
    public string Cache(object source, string ien)
    {
        if (_bySource.Count < MaxCached) _bySource[source] = ien;
        return ien;
    }

    private const int MaxCached = 100_000;

    /// <summary>Adds an entry with the IEN of its key: its zero node and <c>^ROOT("B",$E(.01,1,30),ien)</c>.</summary>
    public string Add(string key, string zeroNode, string name)
    {
        long ien = VistaIens.Dictionary(key);
        if (_keys.TryGetValue(ien, out var other))
        {
            throw new InvalidOperationException($"VistA {File.Name}: '{key}' and '{other}' fall on the same IEN {ien} (docs/scale-out.md, \"VistA IENs\").");
        }
        _keys.Add(ien, key);
        File.Register(ien);
        return AddAt(ien, key, zeroNode, name);
    }

    /// <summary>Adds an entry whose IEN is fixed by its meaning.</summary>
    public string AddFixed(long ien, string key, string zeroNode, string name)
    {
        File.Register(ien);
        return AddAt(ien, key, zeroNode, name);
    }

    private string AddAt(long ien, string key, string zeroNode, string name)
    {
        var text = ien.ToString(CultureInfo.InvariantCulture);
        File.Set(zeroNode, text, "0");
        var index = FileManIndex.Key(name);
        if (index.Length > 0) File.Xref("B", index, text);
        _iens.Add(key, text);
        return text;
    }
}

internal static class FileManIndex
{
    /// <summary>FileMan regular indexes keep the first 30 characters of a free-text value.</summary>
    public const int KeyLength = 30;

    public static string Key(string value) => value.Length > KeyLength ? value[..KeyLength] : value;
}

/// <summary>Builds a '^'-delimited FileMan node value; trailing empty pieces are dropped.</summary>
internal sealed class Pieces
{
    private readonly StringBuilder _sb = new(128);
    private int _committed;

    public Pieces Start()
    {
        _sb.Clear();
        _committed = 0;
        return this;
    }

    /// <summary>Adds the next piece (the value should be FileMan text: no '^', see <see cref="FileManText.Free"/>).</summary>
    public Pieces Add(string? value)
    {
        if (_committed > 0) _sb.Append('^');
        _committed++;
        _sb.Append(value);
        return this;
    }

    public Pieces Add(long value)
    {
        Add((string?)null);
        _sb.Append(value);
        return this;
    }

    /// <summary>Adds <paramref name="count"/> empty pieces.</summary>
    public Pieces Skip(int count)
    {
        for (int i = 0; i < count; i++) Add((string?)null);
        return this;
    }

    public override string ToString()
    {
        TrimTrailingEmptyPieces();
        return _sb.ToString();
    }

    /// <summary>Appends the value as a ZWR string literal to <paramref name="target"/>.</summary>
    public void AppendLiteral(StringBuilder target)
    {
        TrimTrailingEmptyPieces();
        ReadOnlyMemory<char> single = default;
        int chunks = 0;
        foreach (var chunk in _sb.GetChunks())
        {
            single = chunk;
            if (++chunks > 1) break;
        }
        if (chunks <= 1) Zwr.AppendString(target, single.Span);
        else Zwr.AppendString(target, _sb.ToString());
    }

    private void TrimTrailingEmptyPieces()
    {
        int end = _sb.Length;
        while (end > 0 && _sb[end - 1] == '^') end--;
        _sb.Length = end;
    }
}
