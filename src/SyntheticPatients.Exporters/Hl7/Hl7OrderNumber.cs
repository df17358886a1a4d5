namespace SyntheticPatients.Exporters.Hl7;

/// <summary>
/// Placer and filler order numbers (ORC-2/3, OBR-2/3): <c>P</c> or <c>F</c>, then
/// <c>&lt;patient index&gt;-&lt;message sequence&gt;-&lt;order in the message&gt;</c>, unique in a run. Never cut: the
/// fields' 22 characters hold any patient index below 10^9 with up to 10^5 messages per patient and 10^5 orders per
/// message; a longer number fails the checks instead of colliding with another.
/// </summary>
internal readonly record struct Hl7OrderNumber(long PatientIndex, int Sequence, int Order)
{
    public void Write(Hl7SegmentWriter w, char prefix)
    {
        Span<char> p = stackalloc char[1];
        p[0] = prefix;
        w.Text(p).Integer(PatientIndex).Text("-").Integer(Sequence).Text("-").Integer(Order);
    }
}
