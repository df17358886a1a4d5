namespace SyntheticPatients.Exporters.Hl7;

/// <summary>A message type as MSH-9 carries it: message code, trigger event and message structure.</summary>
public sealed class Hl7MessageType
{
    private Hl7MessageType(string code, string trigger, string structure, Hl7Feed feed)
    {
        Code = code;
        Trigger = trigger;
        Structure = structure;
        Feed = feed;
        Name = code + "^" + trigger;
    }

    /// <summary>ADT^A01 admit (an inpatient encounter starts).</summary>
    public static readonly Hl7MessageType AdtA01 = new("ADT", "A01", "ADT_A01", Hl7Feed.Adt);

    /// <summary>ADT^A03 discharge (an inpatient encounter ends).</summary>
    public static readonly Hl7MessageType AdtA03 = new("ADT", "A03", "ADT_A03", Hl7Feed.Adt);

    /// <summary>ADT^A04 registration (any other encounter starts; a patient without encounters is registered at birth).</summary>
    public static readonly Hl7MessageType AdtA04 = new("ADT", "A04", "ADT_A01", Hl7Feed.Adt);

    /// <summary>ADT^A08 patient information update (the patient died).</summary>
    public static readonly Hl7MessageType AdtA08 = new("ADT", "A08", "ADT_A01", Hl7Feed.Adt);

    /// <summary>ORU^R01 unsolicited observation results.</summary>
    public static readonly Hl7MessageType OruR01 = new("ORU", "R01", "ORU_R01", Hl7Feed.Oru);

    /// <summary>VXU^V04 unsolicited vaccination record update.</summary>
    public static readonly Hl7MessageType VxuV04 = new("VXU", "V04", "VXU_V04", Hl7Feed.Vxu);

    /// <summary>Every type the encoder writes, in this order.</summary>
    public static IReadOnlyList<Hl7MessageType> All { get; } = new[] { AdtA01, AdtA03, AdtA04, AdtA08, OruR01, VxuV04 };

    /// <summary>MSH-9.1, e.g. ADT.</summary>
    public string Code { get; }

    /// <summary>MSH-9.2, e.g. A04.</summary>
    public string Trigger { get; }

    /// <summary>MSH-9.3, e.g. ADT_A01 (A04 and A08 share A01's structure).</summary>
    public string Structure { get; }

    /// <summary>The file the messages go to.</summary>
    public Hl7Feed Feed { get; }

    /// <summary>Code^Trigger, e.g. ADT^A04.</summary>
    public string Name { get; }

    public override string ToString() => Name + "^" + Structure;
}

/// <summary>The three message files: ADT, ORU and VXU.</summary>
public enum Hl7Feed
{
    /// <summary><c>hl7/adt.hl7</c>: ADT^A01, A03, A04, A08.</summary>
    Adt,

    /// <summary><c>hl7/oru.hl7</c>: ORU^R01.</summary>
    Oru,

    /// <summary><c>hl7/vxu.hl7</c>: VXU^V04.</summary>
    Vxu,
}
