using System.Text;

namespace SyntheticPatients.Exporters.Hl7;

/// <summary>
/// Writes HL7 v2 segments into a <see cref="StringBuilder"/>, position by position (field, repetition, component,
/// sub-component), with the delimiters written lazily: only when a value follows them. Empty values therefore leave no
/// trailing <c>|</c>, <c>^</c>, <c>~</c> or <c>&amp;</c>, and a caller sets only the positions it has data for.
/// </summary>
/// <remarks>
/// Lengths: <see cref="Field(int, int)"/> takes the field's maximum length (per repetition, as the HL7 tables give it),
/// and every value its component's maximum; a value is cut to whichever is tighter, counting unescaped characters and
/// the delimiters inside the repetition. Positions only move forward.
/// </remarks>
internal sealed class Hl7SegmentWriter
{
    private readonly StringBuilder _sb;

    // Position written so far.
    private int _field;
    private int _rep;
    private int _comp;
    private int _sub;
    private bool _repHasData;

    // Position the next value goes to.
    private int _tField;
    private int _tRep;
    private int _tComp;
    private int _tSub;

    // Length of the current repetition (unescaped characters and delimiters) and the field's maximum.
    private int _length;
    private int _fieldMax;

    public Hl7SegmentWriter(StringBuilder sb) => _sb = sb;

    public StringBuilder Builder => _sb;

    /// <summary>Starts a segment. MSH gets its field separator (MSH-1) and encoding characters (MSH-2) here.</summary>
    public Hl7SegmentWriter Begin(string segmentId)
    {
        _sb.Append(segmentId);
        _field = _tField = 0;
        _rep = _tRep = 0;
        _comp = _tComp = 1;
        _sub = _tSub = 1;
        _repHasData = false;
        _length = 0;
        _fieldMax = int.MaxValue;
        if (segmentId == "MSH")
        {
            _sb.Append('|').Append(Hl7Escaping.EncodingCharacters);
            _field = _tField = 2;
        }
        return this;
    }

    /// <summary>Ends the segment with the segment terminator (CR).</summary>
    public void End() => _sb.Append('\r');

    /// <summary>Moves to field <paramref name="position"/> (1-based), whose repetitions hold at most <paramref name="maxLength"/> characters.</summary>
    public Hl7SegmentWriter Field(int position, int maxLength)
    {
        if (position <= _tField) throw new InvalidOperationException($"Field {position} after field {_tField}.");
        _tField = position;
        _tRep = 0;
        _tComp = 1;
        _tSub = 1;
        _fieldMax = maxLength;
        _length = 0;
        return this;
    }

    /// <summary>Starts the next repetition of the current field, unless the current one is still empty.</summary>
    public Hl7SegmentWriter Repeat()
    {
        if (_field == _tField && _rep == _tRep && _repHasData) _tRep++;
        _tComp = 1;
        _tSub = 1;
        return this;
    }

    /// <summary>Moves to component <paramref name="position"/> (1-based) of the current repetition.</summary>
    public Hl7SegmentWriter Component(int position)
    {
        if (position < _tComp) throw new InvalidOperationException($"Component {position} after component {_tComp}.");
        _tComp = position;
        _tSub = 1;
        return this;
    }

    /// <summary>Moves to sub-component <paramref name="position"/> (1-based) of the current component.</summary>
    public Hl7SegmentWriter Sub(int position)
    {
        if (position < _tSub) throw new InvalidOperationException($"Sub-component {position} after {_tSub}.");
        _tSub = position;
        return this;
    }

    /// <summary>Writes text at the current position, escaped, cut to <paramref name="maxLength"/> and to the field's room.</summary>
    public Hl7SegmentWriter Text(string? value, int maxLength = int.MaxValue) => Text(value.AsSpan(), maxLength);

    /// <inheritdoc cref="Text(string?, int)"/>
    public Hl7SegmentWriter Text(ReadOnlySpan<char> value, int maxLength = int.MaxValue)
    {
        if (value.IsEmpty) return this;
        int room = Prepare();
        if (room <= 0) return this;
        int taken = Hl7Escaping.Append(_sb, value, Math.Min(room, maxLength));
        _length += taken;
        _repHasData |= taken > 0;
        return this;
    }

    /// <summary>Writes a TS value to the second (<see cref="Hl7Format.TimestampFormat"/>).</summary>
    public Hl7SegmentWriter Timestamp(DateTime value)
    {
        Span<char> buffer = stackalloc char[32];
        Hl7Format.TryFormatTimestamp(value, buffer, out int n);
        return Raw(buffer[..n]);
    }

    /// <summary>Writes a DT value (or a TS to the day).</summary>
    public Hl7SegmentWriter Date(DateTime value)
    {
        Span<char> buffer = stackalloc char[16];
        Hl7Format.TryFormatDate(value, buffer, out int n);
        return Raw(buffer[..n]);
    }

    /// <summary>Writes an NM value; returns false (writing nothing) when the number has no NM form.</summary>
    public bool Number(double value)
    {
        Span<char> buffer = stackalloc char[48];
        if (!Hl7Format.TryFormatNumber(value, buffer, out int n)) return false;
        Raw(buffer[..n]);
        return true;
    }

    /// <summary>Writes a whole number (NM, SI).</summary>
    public Hl7SegmentWriter Integer(long value)
    {
        Span<char> buffer = stackalloc char[24];
        value.TryFormat(buffer, out int n, default, System.Globalization.CultureInfo.InvariantCulture);
        return Raw(buffer[..n]);
    }

    /// <summary>Writes a UUID as 36 lower-case characters with dashes (the CSV and FHIR form), whole or not at all.</summary>
    public Hl7SegmentWriter Uuid(Guid value)
    {
        Span<char> buffer = stackalloc char[36];
        value.TryFormat(buffer, out int n, "D");
        return Raw(buffer[..n]);
    }

    /// <summary>Writes characters that need no escaping (formatted numbers and dates), whole or not at all.</summary>
    private Hl7SegmentWriter Raw(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) return this;
        int room = Prepare();
        if (room < value.Length) return this;
        _sb.Append(value);
        _length += value.Length;
        _repHasData = true;
        return this;
    }

    /// <summary>
    /// Writes the delimiters that lead from the written position to the target one, if at least one character still fits
    /// in the field after them; returns the room left for the value (0 or less: nothing was written).
    /// </summary>
    private int Prepare()
    {
        bool newField = _tField > _field;
        bool newRep = newField || _tRep > _rep;
        int reps = newField ? _tRep : _tRep - _rep;
        int comps = newRep ? _tComp - 1 : _tComp - _comp;
        bool newComp = newRep || _tComp > _comp;
        int subs = newComp ? _tSub - 1 : _tSub - _sub;
        int length = newRep ? 0 : _length;
        int room = _fieldMax - length - comps - subs;
        if (room <= 0) return room;

        if (newField)
        {
            _sb.Append('|', _tField - _field);
            _field = _tField;
            _rep = 0;
            _repHasData = false;
        }
        if (reps > 0)
        {
            _sb.Append('~', reps);
            _repHasData = false;
        }
        if (comps > 0) _sb.Append('^', comps);
        if (subs > 0) _sb.Append('&', subs);
        _rep = _tRep;
        _comp = _tComp;
        _sub = _tSub;
        _length = length + comps + subs;
        return room;
    }
}
