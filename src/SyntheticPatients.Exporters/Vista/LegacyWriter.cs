using System.Globalization;
using System.Text;
using SyntheticPatients.Runtime;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Vista;

/// <summary>
/// <see cref="VistaMode.Legacy"/>: the seed's plain MUMPS listing <c>vista/vista_globals.mumps</c>, one
/// <c>S ^REF=value</c> command per line, of PATIENT, VISIT and PROBLEM with text values and <c>$H</c> dates. Unlike
/// the seed, IENs come from the patient index (<see cref="VistaIens"/>: no collisions, shard-safe), values are never truncated, SSN is piece 9, and every line is a
/// valid M command (strings quoted with quotes doubled, control characters as <c>$C(n)</c>).
/// </summary>
internal sealed class LegacyWriter : IVistaWriter
{
    public const string FileName = "vista_globals.mumps";

    private readonly StreamWriter _writer;
    private readonly StringBuilder _line = new(256);
    private readonly Pieces _p = new();
    private long _patients, _visits, _problems, _nodes;
    private long _lastPatient, _lastVisit, _lastProblem;
    private bool _closed;

    public LegacyWriter(OutputTarget target, string directory)
    {
        var stream = target.Create(directory + "/" + FileName, bufferSize: 0);
        _writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024) { NewLine = "\n" };
        _writer.Write(";; VistA MUMPS Global Export for Synthetic Patient Data\n");
        _writer.Write(";; Mode: legacy (PATIENT, VISIT and PROBLEM; text values; $H dates)\n");
        _writer.Write(";;\n");
    }

    public IReadOnlyList<string> Files { get; } = new[] { VistaExporter.SubDirectory + "/" + FileName };

    public IEnumerable<KeyValuePair<string, long>> Counts => new KeyValuePair<string, long>[]
    {
        new(VistaExporter.SubDirectory + "/DPT", _patients),
        new(VistaExporter.SubDirectory + "/AUPNVSIT", _visits),
        new(VistaExporter.SubDirectory + "/AUPNPROB", _problems),
    };

    public void Write(PatientRecord record)
    {
        var d = record.Demographics;
        _patients++;
        _lastPatient = VistaIens.Patient(record.Index);
        var pat = N(_lastPatient);
        long visit = 0, problem = 0;
        var name = FileManText.PatientName(d);
        var sex = d.Gender switch { Gender.Male => "M", Gender.Female => "F", _ => "" };
        Set("^DPT", _p.Start().Add(name).Add(sex).Add(N(FileManText.HorologDay(d.BirthDate))).Skip(2).Add(FileManText.Upper(d.Race)).Skip(2)
            .Add(FileManText.Ssn(d.Ssn)).ToString(), pat, "0");
        var street = string.Join(", ", d.Address.Split('\n', '\r').Select(FileManText.Free).Where(s => s.Length > 0));
        Set("^DPT", _p.Start().Add(street).Add(FileManText.Free(d.City)).Add(FileManText.Upper(d.State)).Add(FileManText.Free(d.Zip)).ToString(),
            pat, ".11");
        if (FileManText.Free(d.Phone) is { Length: > 0 } phone) Set("^DPT", phone, pat, ".13");
        if (record.Death is { } death) Set("^DPT", FileManText.Horolog(death.Date), pat, ".35");
        Set("^DPT", "", "B", FileManIndex.Key(name), pat);

        foreach (var e in record.Encounters)
        {
            Set("^AUPNVSIT", _p.Start().Add(pat).Add(FileManText.Horolog(e.Start)).Add(e.Definition.Class.ToString().ToUpperInvariant())
                .Add(FileManText.Free(e.Definition.Name)).ToString(), N(_lastVisit = VistaIens.PatientEntry(record.Index, ++visit)), "0");
            _visits++;
        }
        foreach (var c in record.Conditions)
        {
            var active = c.Stop is not { } stop || stop > record.End;
            Set("^AUPNPROB", _p.Start().Add(pat).Add(FileManText.Free(c.Definition.Name)).Add(active ? "A" : "I")
                .Add(N(FileManText.HorologDay(c.Start))).Add(FileManText.Free(c.Definition.CodeOf("ICD-10-CM")?.Value)).ToString(),
                N(_lastProblem = VistaIens.PatientEntry(record.Index, ++problem)), "0");
            _problems++;
        }
    }

    public void Complete()
    {
        if (_closed) return;
        Set("^DPT", Header("PATIENT", "2", _lastPatient, _patients), "0");
        Set("^AUPNVSIT", Header("VISIT", "9000010", _lastVisit, _visits), "0");
        Set("^AUPNPROB", Header("PROBLEM", "9000011", _lastProblem, _problems), "0");
        _writer.Write(string.Create(CultureInfo.InvariantCulture, $";; Total global nodes: {_nodes}\n"));
        Dispose();
    }

    public void Dispose()
    {
        if (_closed) return;
        _closed = true;
        _writer.Dispose();
    }

    private static string Header(string name, string number, long last, long count) =>
        string.Create(CultureInfo.InvariantCulture, $"{name}^{number}^{(last > 0 ? N(last) : "")}^{count}");

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes <c>S ^GLOBAL(subscripts)=value</c>: a canonical number unquoted, anything else a string literal.</summary>
    private void Set(string global, string value, params ReadOnlySpan<string> subscripts)
    {
        var sb = _line.Clear().Append("S ").Append(global).Append('(');
        for (int i = 0; i < subscripts.Length; i++)
        {
            if (i > 0) sb.Append(',');
            Zwr.AppendSubscript(sb, subscripts[i]);
        }
        sb.Append(")=");
        if (Zwr.IsCanonicalNumber(value)) sb.Append(value);
        else Zwr.AppendString(sb, value);
        sb.Append('\n');
        foreach (var chunk in sb.GetChunks()) _writer.Write(chunk.Span);
        _nodes++;
    }
}
