using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Hl7;

/// <summary>
/// Segment builders for HL7 v2.5.1. Field and component maximum lengths are those of the v2.5.1 segment and data type
/// tables; the writer cuts values to them.
/// </summary>
internal static class Hl7Segments
{
    /// <summary>MSH-3 sending application.</summary>
    public const string Application = "SyntheticPatients";

    /// <summary>MSH-4 sending facility, and the assigning authority of the generator's identifiers.</summary>
    public const string Authority = "SYNTHETIC";

    /// <summary>MSH-11: T (training), since every record is synthetic.</summary>
    public const string ProcessingId = "T";

    public const string Version = "2.5.1";

    /// <summary>MSH-18: the files are UTF-8.</summary>
    public const string CharacterSet = "UNICODE UTF-8";

    // Component lengths shared by many fields (v2.5.1 data type tables).
    private const int CeIdentifier = 20;
    private const int CeText = 199;
    private const int CeSystem = 20;
    private const int TsLength = 26;

    public static void Msh(Hl7SegmentWriter w, DateTime time, Hl7MessageType type, long patientIndex, int sequence)
    {
        w.Begin("MSH");
        w.Field(3, 227).Text(Application, 20);
        w.Field(4, 227).Text(Authority, 20);
        w.Field(7, TsLength).Timestamp(time);
        w.Field(9, 15).Text(type.Code, 3).Component(2).Text(type.Trigger, 3).Component(3).Text(type.Structure, 7);
        // No cut here: an over-long MSH-10 must fail the checks, not turn into a duplicate (20 characters hold any
        // patient index below 10^9 with up to 10^9 messages per patient).
        w.Field(10, int.MaxValue);
        ControlId(w, patientIndex, sequence);
        w.Field(11, 3).Text(ProcessingId, 1);
        w.Field(12, 60).Text(Version, 5);
        w.Field(17, 3).Text("USA", 3);
        w.Field(18, 16).Text(CharacterSet, 16);
        w.End();
    }

    /// <summary>MSH-10: <c>&lt;patient index&gt;-&lt;message sequence&gt;</c>, unique in a run.</summary>
    public static void ControlId(Hl7SegmentWriter w, long patientIndex, int sequence) =>
        w.Integer(patientIndex).Text("-").Integer(sequence);

    public static void Evn(Hl7SegmentWriter w, string trigger, DateTime time)
    {
        w.Begin("EVN");
        w.Field(1, 3).Text(trigger, 3);
        w.Field(2, TsLength).Timestamp(time);
        w.Field(6, TsLength).Timestamp(time);
        w.End();
    }

    /// <summary>PID as of <paramref name="asOf"/>: the death fields are set from the moment of death on.</summary>
    public static void Pid(Hl7SegmentWriter w, PatientRecord patient, DateTime asOf)
    {
        var d = patient.Demographics;
        w.Begin("PID");
        w.Field(1, 4).Integer(1);

        // PID-3: medical record number, the patient's UUID (patients.Id in the CSV), SSN, driver's licence, passport.
        w.Field(3, 250);
        Identifier(w, d.Mrn, Authority, "MR");
        w.Repeat().Uuid(d.Id).Component(4).Text(Authority, 20).Component(5).Text("PI", 5);
        if (!string.IsNullOrEmpty(d.Ssn)) Identifier(w.Repeat(), d.Ssn, "SSA", "SS");
        if (!string.IsNullOrEmpty(d.Drivers)) Identifier(w.Repeat(), d.Drivers, Hl7Vocabulary.State(d.State), "DL");
        if (!string.IsNullOrEmpty(d.Passport)) Identifier(w.Repeat(), d.Passport, "USA", "PPN");

        // PID-5: legal name, then the maiden name.
        w.Field(5, 250)
            .Text(d.Last, 50).Component(2).Text(d.First, 30).Component(3).Text(d.Middle, 30)
            .Component(4).Text(d.Suffix, 20).Component(5).Text(d.Prefix, 20).Component(7).Text("L", 1);
        if (!string.IsNullOrEmpty(d.Maiden))
        {
            w.Repeat().Text(d.Maiden, 50).Component(2).Text(d.First, 30).Component(3).Text(d.Middle, 30).Component(7).Text("M", 1);
        }

        w.Field(7, TsLength).Date(d.BirthDate);
        w.Field(8, 1).Text(Hl7Vocabulary.Sex(d.Gender), 1);
        if (Hl7Vocabulary.Race(d.Race) is { } race) Coded(w.Field(10, 250), race);

        // PID-11: street (a second address line goes to "other designation"), city, state, ZIP, country, home, county FIPS.
        w.Field(11, 250);
        var (street, other) = SplitAddress(d.Address);
        w.Text(street, 120).Component(2).Text(other, 120).Component(3).Text(d.City, 50)
            .Component(4).Text(Hl7Vocabulary.State(d.State), 50).Component(5).Text(d.Zip, 12)
            .Component(6).Text("USA", 3).Component(7).Text("H", 3).Component(9).Text(d.Fips, 20);

        if (!string.IsNullOrWhiteSpace(d.Phone)) Phone(w.Field(13, 250), d.Phone);
        if (Hl7Vocabulary.Language(d.Language) is { } language) Coded(w.Field(15, 250), language);
        if (Hl7Vocabulary.Marital(d.Marital) is { } marital) Coded(w.Field(16, 250), marital);
        w.Field(19, 16).Text(d.Ssn, 16);
        if (Hl7Vocabulary.Ethnicity(d.Ethnicity) is { } ethnicity) Coded(w.Field(22, 250), ethnicity);
        w.Field(23, 250).Text(d.Birthplace, 250);
        if (patient.Death is { } death && asOf >= death.Date)
        {
            w.Field(29, TsLength).Timestamp(death.Date);
            w.Field(30, 1).Text("Y", 1);
        }
        else
        {
            w.Field(30, 1).Text("N", 1);
        }
        w.End();
    }

    /// <summary>
    /// PV1 of an encounter, or of no visit (class N) when <paramref name="encounter"/> is null. Discharge fields
    /// (PV1-36, PV1-45) only when <paramref name="discharge"/>.
    /// </summary>
    public static void Pv1(Hl7SegmentWriter w, EncounterRecord? encounter, bool discharge, DeathRecord? death)
    {
        w.Begin("PV1");
        w.Field(1, 4).Integer(1);
        if (encounter is null)
        {
            w.Field(2, 1).Text("N", 1);
            w.End();
            return;
        }
        var c = encounter.Definition.Class;
        w.Field(2, 1).Text(Hl7Vocabulary.PatientClass(c), 1);
        // PV1-3: point of care ^^^ facility (the organization's UUID) ^^^^^ location description.
        w.Field(3, 80).Text(Hl7Vocabulary.PointOfCare(c), 20)
            .Component(4).Sub(2).Uuid(encounter.OrganizationId).Sub(3).Text("UUID", 6)
            .Component(9).Text(encounter.Definition.Location, 199);
        w.Field(4, 2).Text(Hl7Vocabulary.AdmissionType(c), 2);
        Provider(w.Field(7, 250), encounter.ProviderId);
        w.Field(19, 250).Uuid(encounter.Id).Component(4).Text(Authority, 20).Component(5).Text("VN", 5);
        if (discharge)
        {
            bool expired = death is not null && (death.EncounterId == encounter.Id
                || (death.Date >= encounter.Start && death.Date <= encounter.Stop));
            w.Field(36, 3).Text(expired ? "20" : "01", 3);
        }
        w.Field(44, TsLength).Timestamp(encounter.Start);
        if (discharge) w.Field(45, TsLength).Timestamp(encounter.Stop);
        w.End();
    }

    /// <summary>PV2 with the admit reason and the encounter's type; nothing when there is neither.</summary>
    public static void Pv2(Hl7SegmentWriter w, EncounterRecord encounter)
    {
        var type = encounter.Definition.CodeOf(CodeSystems.Snomed) ?? encounter.Definition.PrimaryCode;
        if (encounter.Reason is null && type is null) return;
        w.Begin("PV2");
        if (encounter.Reason is { } reason) Coded(w.Field(3, 250), reason, reason.Display ?? "");
        w.Field(12, 50).Text(type?.Display ?? encounter.Definition.Name, 50);
        w.End();
    }

    public static void Al1(Hl7SegmentWriter w, int setId, AllergyRecord allergy)
    {
        w.Begin("AL1");
        w.Field(1, 4).Integer(setId);
        Coded(w.Field(2, 250), Hl7Vocabulary.AllergenType(allergy.Category));
        var code = allergy.Definition.CodeOf(CodeSystems.Snomed)
            ?? allergy.Definition.CodeOf(CodeSystems.RxNorm)
            ?? allergy.Definition.PrimaryCode;
        Coded(w.Field(3, 250), code, allergy.Definition.Name);
        var s1 = Hl7Vocabulary.Severity(allergy.Severity1);
        var s2 = Hl7Vocabulary.Severity(allergy.Severity2);
        var severity = Hl7Vocabulary.SeverityRank(s2) > Hl7Vocabulary.SeverityRank(s1) ? s2 : s1;
        if (severity is { } s) Coded(w.Field(4, 250), s);
        w.Field(5, 15);
        Reaction(w, allergy.Reaction1);
        Reaction(w.Repeat(), allergy.Reaction2);
        w.Field(6, 8).Date(allergy.Start);
        w.End();
    }

    /// <summary>DG1 with the diagnosis coded as ICD-10-CM (SNOMED CT as alternate) or SNOMED CT.</summary>
    public static void Dg1(Hl7SegmentWriter w, int setId, ClinicalDefinition? definition, Code? code, DateTime when, string type)
    {
        w.Begin("DG1");
        w.Field(1, 4).Integer(setId);
        w.Field(3, 250);
        var icd = definition?.CodeOf(CodeSystems.Icd10Cm);
        var snomed = definition?.CodeOf(CodeSystems.Snomed);
        if (definition is null)
        {
            Coded(w, code, code?.Display ?? "");
        }
        else if (icd is not null)
        {
            Coded(w, icd, definition.Name);
            if (snomed is not null) Alternate(w, snomed, definition.Name);
        }
        else
        {
            Coded(w, snomed ?? definition.PrimaryCode, definition.Name);
        }
        w.Field(5, TsLength).Timestamp(when);
        w.Field(6, 2).Text(type, 2);
        w.End();
    }

    /// <summary>ORC of a result or administration: RE (observations to follow), completed.</summary>
    public static void Orc(Hl7SegmentWriter w, Hl7OrderNumber order, DateTime time, Guid? provider)
    {
        w.Begin("ORC");
        w.Field(1, 2).Text("RE", 2);
        order.Write(w.Field(2, int.MaxValue), 'P'); // never cut (see Hl7OrderNumber)
        order.Write(w.Field(3, int.MaxValue), 'F');
        w.Field(5, 2).Text("CM", 2);
        w.Field(9, TsLength).Timestamp(time);
        if (provider is { } p) Provider(w.Field(12, 250), p);
        w.End();
    }

    public static void Obr(Hl7SegmentWriter w, int setId, Hl7OrderNumber order, in Hl7Coded service, DateTime time, Guid? provider)
    {
        w.Begin("OBR");
        w.Field(1, 4).Integer(setId);
        order.Write(w.Field(2, int.MaxValue), 'P');
        order.Write(w.Field(3, int.MaxValue), 'F');
        Coded(w.Field(4, 250), service);
        w.Field(7, TsLength).Timestamp(time);
        if (provider is { } p) Provider(w.Field(16, 250), p);
        w.Field(22, TsLength).Timestamp(time);
        w.Field(25, 1).Text("F", 1);
        w.End();
    }

    /// <summary>
    /// OBX of an observation: NM with UCUM units, reference range and abnormal flag; ST for a text result; no value
    /// (status X) for a number NM cannot hold.
    /// </summary>
    public static void Obx(Hl7SegmentWriter w, int setId, ObservationRecord observation)
    {
        var definition = observation.Definition;
        var code = definition.CodeOf(CodeSystems.Loinc) ?? definition.PrimaryCode;
        bool text = observation.ValueText is not null;
        bool numeric = !text && Hl7Format.TryFormatNumber(observation.Value, stackalloc char[48], out _);

        w.Begin("OBX");
        w.Field(1, 4).Integer(setId);
        w.Field(2, 2).Text(text ? "ST" : numeric ? "NM" : null, 2);
        Coded(w.Field(3, 250), code, definition.Name);
        w.Field(5, 99999);
        if (text) w.Text(observation.ValueText);
        else if (numeric) w.Number(observation.Value);
        if (numeric && !string.IsNullOrEmpty(definition.Units))
        {
            w.Field(6, 250).Text(definition.Units, CeIdentifier).Component(2).Text(definition.Units, CeText)
                .Component(3).Text("UCUM", CeSystem);
        }
        if (!string.IsNullOrEmpty(definition.ReferenceRange))
        {
            w.Field(7, 60).Text(definition.ReferenceRange, 60);
            if (numeric && Hl7ReferenceRange.Flag(definition.ReferenceRange, observation.Value) is { } flag) w.Field(8, 5).Text(flag, 5);
        }
        w.Field(11, 1).Text(text || numeric ? "F" : "X", 1);
        w.Field(14, TsLength).Timestamp(observation.Date);
        w.End();
    }

    /// <summary>OBX of an immunization's dose number in its series (LOINC 30973-2).</summary>
    public static void DoseObx(Hl7SegmentWriter w, int setId, int dose, DateTime time)
    {
        w.Begin("OBX");
        w.Field(1, 4).Integer(setId);
        w.Field(2, 2).Text("NM", 2);
        Coded(w.Field(3, 250), Hl7Vocabulary.DoseNumber);
        w.Field(5, 99999).Integer(dose);
        w.Field(11, 1).Text("F", 1);
        w.Field(14, TsLength).Timestamp(time);
        w.End();
    }

    /// <summary>RXA of an administered vaccine (CVX), amount unknown (999), completed, action A (add).</summary>
    public static void Rxa(Hl7SegmentWriter w, ImmunizationRecord immunization, Guid? provider)
    {
        var definition = immunization.Definition;
        var code = definition.CodeOf(CodeSystems.Cvx) ?? definition.PrimaryCode;
        w.Begin("RXA");
        w.Field(1, 4).Integer(0);
        w.Field(2, 4).Integer(1);
        w.Field(3, TsLength).Timestamp(immunization.Date);
        w.Field(4, TsLength).Timestamp(immunization.Date);
        Coded(w.Field(5, 250), code, definition.Name);
        w.Field(6, 20).Integer(999);
        if (provider is { } p) Provider(w.Field(10, 250), p);
        w.Field(20, 2).Text("CP", 2);
        w.Field(21, 2).Text("A", 2);
        w.End();
    }

    /// <summary>CE components 1-3 at the current position.</summary>
    public static void Coded(Hl7SegmentWriter w, in Hl7Coded value) =>
        w.Text(value.Identifier, CeIdentifier).Component(2).Text(value.Text, CeText).Component(3).Text(value.System, CeSystem);

    /// <summary>CE components 1-3 of a record's code (its display, else <paramref name="fallbackText"/>); text only without a code.</summary>
    public static void Coded(Hl7SegmentWriter w, Code? code, string fallbackText)
    {
        if (code is null)
        {
            w.Component(2).Text(fallbackText, CeText);
            return;
        }
        w.Text(code.Value, CeIdentifier).Component(2).Text(string.IsNullOrEmpty(code.Display) ? fallbackText : code.Display, CeText)
            .Component(3).Text(Hl7Vocabulary.CodingSystem(code.System), CeSystem);
    }

    /// <summary>CE components 4-6 (alternate identifier, text, coding system).</summary>
    private static void Alternate(Hl7SegmentWriter w, Code code, string fallbackText) =>
        w.Component(4).Text(code.Value, CeIdentifier).Component(5).Text(string.IsNullOrEmpty(code.Display) ? fallbackText : code.Display, CeText)
            .Component(6).Text(Hl7Vocabulary.CodingSystem(code.System), CeSystem);

    private static void Identifier(Hl7SegmentWriter w, string value, string authority, string type) =>
        w.Text(value, 15).Component(4).Text(authority, 20).Component(5).Text(type, 5);

    /// <summary>XCN of a provider known by its UUID only (CSV encounters.PROVIDER).</summary>
    private static void Provider(Hl7SegmentWriter w, Guid provider)
    {
        if (provider == Guid.Empty) return;
        w.Uuid(provider).Component(9).Text(Authority, 20).Component(13).Text("PRN", 5);
    }

    /// <summary>AL1-5 reaction: the display without its SNOMED CT semantic tag, cut to the field's 15 characters.</summary>
    private static void Reaction(Hl7SegmentWriter w, Code? reaction)
    {
        if (reaction is null) return;
        var text = (reaction.Display ?? reaction.Value).AsSpan().Trim();
        int tag = text.LastIndexOf(" (");
        if (tag > 0 && text[^1] == ')') text = text[..tag];
        w.Text(text.TrimEnd(), 15);
    }

    /// <summary>The first line of an address, and the other lines joined with ", ".</summary>
    internal static (string Street, string? Other) SplitAddress(string address)
    {
        if (address.IndexOfAny(LineBreaks) < 0) return (address, null);
        var lines = address.Split(LineBreaks, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length switch
        {
            0 => ("", null),
            1 => (lines[0], null),
            _ => (lines[0], string.Join(", ", lines, 1, lines.Length - 1)),
        };
    }

    private static readonly char[] LineBreaks = { '\r', '\n' };

    /// <summary>
    /// XTN of a home phone: a US number as area code, local number and extension (components 6-8); anything else
    /// as the unformatted number (component 12).
    /// </summary>
    internal static void Phone(Hl7SegmentWriter w, string phone)
    {
        w.Component(2).Text("PRN", 3).Component(3).Text("PH", 8);
        var s = phone.AsSpan();
        int x = s.IndexOfAny('x', 'X');
        var main = x >= 0 ? s[..x].TrimEnd() : s;
        if (x >= 0 && main.EndsWith("e", StringComparison.OrdinalIgnoreCase)) main = main[..^1]; // the e of "ext"
        var extension = x >= 0 ? s[(x + 1)..] : default;
        Span<char> digits = stackalloc char[32];
        Span<char> extDigits = stackalloc char[32];
        int n = Digits(main, digits);
        int e = Digits(extension, extDigits);
        bool ok = n is 10 or 11 && (n == 10 || digits[0] == '1') && e <= 5 && (x < 0 || e > 0) && OnlyPhoneCharacters(main);
        if (ok)
        {
            var number = digits[(n - 10)..n];
            w.Component(6).Text(number[..3], 4).Component(7).Text(number[3..], 9);
            if (e > 0) w.Component(8).Text(extDigits[..e], 5);
        }
        else
        {
            w.Component(12).Text(phone, 199);
        }
    }

    private static int Digits(ReadOnlySpan<char> s, Span<char> into)
    {
        int n = 0;
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c)) continue;
            if (n == into.Length) return int.MaxValue;
            into[n++] = c;
        }
        return n;
    }

    private static bool OnlyPhoneCharacters(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!(char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '+')) return false;
        }
        return true;
    }
}
