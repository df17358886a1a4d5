using System.Globalization;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime;
using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Vista;

/// <summary>
/// <see cref="VistaMode.FileManInternal"/>: one ZWR file per FileMan file, FileMan internal values, IENs from the patient
/// index or the entry's meaning (<see cref="VistaIens"/>: a shard's output is the same bytes as in the whole run). See docs/outputs.md, "VistA globals".
/// </summary>
internal sealed class FileManWriter : IVistaWriter
{
    /// <summary>Width of the lines of word-processing text (TIU notes).</summary>
    public const int TextWidth = 80;

    private static readonly Code UnspecifiedIllness = new(CodeSystems.Icd10Cm, "R69", "Illness, unspecified");

    private readonly GlobalFile[] _files;
    private readonly Pieces _p = new();

    /// <summary>For dictionary entries, which are added while <see cref="_p"/> builds a node that points at them.</summary>
    private readonly Pieces _dp = new();
    private readonly Dictionary<Guid, (string Ien, DateTime Start)> _visits = new();

    // Patient data files.
    private readonly GlobalFile _patient, _visit, _problem, _medication, _lab, _measurement, _cpt, _immunization,
        _healthFactor, _allergy, _document, _familyHistory;

    /// <summary>
    /// The dictionary files: the same entry may be in several shards' files, so a merge keeps its first copy
    /// (<see cref="VistaExporter.IsDictionaryFile"/>).
    /// </summary>
    internal static readonly HashSet<string> DictionaryStems = new(StringComparer.Ordinal)
    {
        "DIC-5", "DIC-10", "DIC-40.7", "AUTTLOC", "ICD9", "AUTNPOV", "PSDRUG", "LAB-60", "AUTTMSR", "ICPT", "AUTTIMM",
        "AUTTHF", "GMR-120.82", "TIU-8925.1", "AUTTRLSH",
    };

    /// <summary>The data files whose entries are numbered per patient (<see cref="VistaIens.PatientEntry"/>).</summary>
    private readonly GlobalFile[] _patientFiles;

    // Dictionaries (pointed-to files).
    private readonly DictionaryFile _state, _race, _stop, _location, _icd, _narrative, _drug, _labTest, _measurementType,
        _cptCode, _vaccine, _healthFactorType, _allergen, _title, _relationship;

    public FileManWriter(OutputTarget target, string directory)
    {
        var files = new List<GlobalFile>();
        try
        {
            GlobalFile F(string stem, string root, string name, string number)
            {
                var f = new GlobalFile(target, directory, stem, root, name, number);
                files.Add(f);
                return f;
            }

            DictionaryFile D(string stem, string root, string name, string number) =>
                DictionaryStems.Contains(stem) ? new(F(stem, root, name, number)) : throw new InvalidOperationException($"{stem} is missing from DictionaryStems.");

            _patient = F("DPT", "^DPT", "PATIENT", "2");
            _visit = F("AUPNVSIT", "^AUPNVSIT", "VISIT", "9000010");
            _problem = F("AUPNPROB", "^AUPNPROB", "PROBLEM", "9000011");
            _medication = F("AUPNVMED", "^AUPNVMED", "V MEDICATION", "9000010.14");
            _lab = F("AUPNVLAB", "^AUPNVLAB", "V LAB", "9000010.09");
            _measurement = F("AUPNVMSR", "^AUPNVMSR", "V MEASUREMENT", "9000010.01");
            _cpt = F("AUPNVCPT", "^AUPNVCPT", "V CPT", "9000010.18");
            _immunization = F("AUPNVIMM", "^AUPNVIMM", "V IMMUNIZATION", "9000010.11");
            _healthFactor = F("AUPNVHF", "^AUPNVHF", "V HEALTH FACTORS", "9000010.23");
            _allergy = F("GMR-120.8", "^GMR(120.8", "PATIENT ALLERGIES", "120.8");
            _document = F("TIU-8925", "^TIU(8925", "TIU DOCUMENT", "8925");
            _familyHistory = F("AUPNFH", "^AUPNFH", "FAMILY HISTORY", "9000034");

            _state = D("DIC-5", "^DIC(5", "STATE", "5");
            _race = D("DIC-10", "^DIC(10", "RACE", "10");
            _stop = D("DIC-40.7", "^DIC(40.7", "CLINIC STOP", "40.7");
            _location = D("AUTTLOC", "^AUTTLOC", "LOCATION", "9999999.06");
            _icd = D("ICD9", "^ICD9", "ICD DIAGNOSIS", "80");
            _narrative = D("AUTNPOV", "^AUTNPOV", "PROVIDER NARRATIVE", "9999999.27");
            _drug = D("PSDRUG", "^PSDRUG", "DRUG", "50");
            _labTest = D("LAB-60", "^LAB(60", "LABORATORY TEST", "60");
            _measurementType = D("AUTTMSR", "^AUTTMSR", "MEASUREMENT TYPE", "9999999.07");
            _cptCode = D("ICPT", "^ICPT", "CPT", "81");
            _vaccine = D("AUTTIMM", "^AUTTIMM", "IMMUNIZATION", "9999999.14");
            _healthFactorType = D("AUTTHF", "^AUTTHF", "HEALTH FACTORS", "9999999.64");
            _allergen = D("GMR-120.82", "^GMR(120.82", "GMR ALLERGIES", "120.82");
            _title = D("TIU-8925.1", "^TIU(8925.1", "TIU DOCUMENT DEFINITION", "8925.1");
            _relationship = D("AUTTRLSH", "^AUTTRLSH", "RELATIONSHIP", "9999999.36");
        }
        catch
        {
            foreach (var f in files) f.Dispose();
            throw;
        }
        _files = files.ToArray();
        _patientFiles = new[] { _visit, _problem, _medication, _lab, _measurement, _cpt, _immunization, _healthFactor, _allergy, _document, _familyHistory };
        Files = _files.Select(f => VistaExporter.SubDirectory + "/" + f.Stem + ".zwr").ToArray();
    }

    public IReadOnlyList<string> Files { get; }

    public IEnumerable<KeyValuePair<string, long>> Counts =>
        _files.Select(f => new KeyValuePair<string, long>(VistaExporter.SubDirectory + "/" + f.Stem, f.Count));

    public void Write(PatientRecord record)
    {
        foreach (var f in _patientFiles) f.StartPatient(record.Index);
        var pat = WritePatient(record);
        _visits.Clear();
        foreach (var e in record.Encounters) WriteVisit(pat, e);
        foreach (var c in record.Conditions) WriteProblem(pat, record, c);
        foreach (var m in record.Medications) WriteMedication(pat, record, m);
        foreach (var o in record.Observations)
        {
            if (IsVitalSign(o)) WriteMeasurement(pat, o);
            else WriteLab(pat, o);
        }
        foreach (var p in record.Procedures) WriteProcedure(pat, p);
        foreach (var i in record.Immunizations) WriteImmunization(pat, i);
        WriteHealthFactors(pat, record);
        foreach (var a in record.Allergies) WriteAllergy(pat, a);
        foreach (var c in record.CarePlans) WriteCarePlan(pat, record, c);
        foreach (var f in record.FamilyHistory) WriteFamilyHistory(pat, f);
    }

    public void Complete()
    {
        foreach (var f in _files) f.Complete();
    }

    public void Dispose()
    {
        foreach (var f in _files) f.Dispose();
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Fm(DateTime value) => FileManText.DateTime(value);

    private static string FmDate(DateTime value) => N(FileManText.Date(value));

    // PATIENT #2: 0 = NAME^SEX^DOB^^^RACE^^^SSN; .11 = street^city^state^zip; .13 = phone; .35 = date of death;
    // .351/.352/.353 = cause ICD pointer, manner, cause text. Indexes "B" (name), "SSN", "DOB".
    private string WritePatient(PatientRecord record)
    {
        var d = record.Demographics;
        long index = VistaIens.Patient(record.Index);
        _patient.Register(index);
        var ien = N(index);
        var name = FileManText.PatientName(d);
        var ssn = FileManText.Ssn(d.Ssn);
        var dob = FmDate(d.BirthDate);
        var sex = d.Gender switch { Gender.Male => "M", Gender.Female => "F", _ => "" };
        _patient.Set(_p.Start().Add(name).Add(sex).Add(dob).Skip(2).Add(Race(d.Race)).Skip(2).Add(ssn), ien, "0");

        var street = string.Join(", ", d.Address.Split('\n', '\r').Select(FileManText.Free).Where(s => s.Length > 0));
        var address = _p.Start().Add(street).Add(FileManText.Free(d.City)).Add(State(d.State)).Add(FileManText.Free(d.Zip)).ToString();
        if (address.Length > 0) _patient.Set(address, ien, ".11");
        var phone = FileManText.Free(d.Phone);
        if (phone.Length > 0) _patient.Set(phone, ien, ".13");
        if (record.Death is { } death)
        {
            _patient.Set(Fm(death.Date), ien, ".35");
            if (death.Cause?.CodeOf(CodeSystems.Icd10Cm) is { } icd) _patient.Set(Icd(icd), ien, ".351");
            _patient.Set(FileManText.Upper(death.Manner), ien, ".352");
            if (death.Cause is { } cause) _patient.Set(FileManText.Free(cause.Name), ien, ".353");
        }

        _patient.Xref("B", FileManIndex.Key(name), ien);
        if (ssn.Length > 0) _patient.Xref("SSN", ssn, ien);
        _patient.Xref("DOB", dob, ien);
        return ien;
    }

    // VISIT #9000010: 0 = patient^date/time^service category^clinic stop; .06 = location. Indexes "B" (patient),
    // "D" (date/time), "AE" (stop), "GUID" (the encounter's UUID, to join with the CSV files).
    private void WriteVisit(string pat, EncounterRecord e)
    {
        var ien = N(_visit.NewIen());
        var when = Fm(e.Start);
        var stop = VistaTerminology.StopFor(e.Definition.Class) is { } s ? Stop(s) : "";
        _visit.Set(_p.Start().Add(pat).Add(when).Add(VistaTerminology.ServiceCategory(e.Definition.Class)).Add(stop), ien, "0");
        _visit.Set(Location(e.OrganizationId), ien, ".06");
        _visit.Xref("B", pat, ien);
        _visit.Xref("D", when, ien);
        if (stop.Length > 0) _visit.Xref("AE", stop, ien);
        _visit.Xref("GUID", e.Id.ToString("D", CultureInfo.InvariantCulture), ien);
        _visits[e.Id] = (ien, e.Start);
    }

    /// <summary>A measured vital sign (V MEASUREMENT): numeric, of category vital-signs or with a vital-sign LOINC code.</summary>
    private static bool IsVitalSign(ObservationRecord o) =>
        o.ValueText is null && !double.IsNaN(o.Value)
        && (o.Definition.Category == "vital-signs"
            || VistaTerminology.MeasurementAbbreviation(o.Definition.CodeOf(CodeSystems.Loinc)?.Value).Length > 0);

    private string Visit(Guid? encounter) => encounter is { } id && _visits.TryGetValue(id, out var v) ? v.Ien : "";

    private static bool Active(DateTime? stop, PatientRecord record) => stop is not { } s || s > record.End;

    // PROBLEM #9000011: 0 = patient^narrative^status (A/I)^onset^ICD; .05 = narrative. Indexes "B", "S" (status,
    // patient), "ICD" (ICD, patient). A condition without an ICD-10-CM code points at R69 (illness, unspecified).
    private void WriteProblem(string pat, PatientRecord record, ConditionRecord c)
    {
        var ien = N(_problem.NewIen());
        var narrative = Narrative(c.Definition.Name);
        var icd = Icd(c.Definition.CodeOf(CodeSystems.Icd10Cm) ?? UnspecifiedIllness);
        var status = Active(c.Stop, record) ? "A" : "I";
        _problem.Set(_p.Start().Add(pat).Add(narrative).Add(status).Add(FmDate(c.Start)).Add(icd), ien, "0");
        _problem.Set(narrative, ien, ".05");
        _problem.Xref("B", pat, ien);
        _problem.Xref("S", status, pat, ien);
        _problem.Xref("ICD", icd, pat, ien);
    }

    // V MEDICATION #9000010.14: 0 = patient^drug^visit^start^status (A/D); 5101 = stop; 13 = indication.
    // Indexes "B", "V" (visit), "AA" (drug).
    private void WriteMedication(string pat, PatientRecord record, MedicationRecord m)
    {
        var ien = N(_medication.NewIen());
        var drug = Drug(m.Definition);
        var visit = Visit(m.EncounterId);
        _medication.Set(_p.Start().Add(pat).Add(drug).Add(visit).Add(Fm(m.Start)).Add(Active(m.Stop, record) ? "A" : "D"),
            ien, "0");
        if (m.Stop is { } stop) _medication.Set(Fm(stop), ien, "5101");
        var indication = FileManText.Free(m.Reason?.Display ?? m.Definition.Reason);
        if (indication.Length > 0) _medication.Set(indication, ien, "13");
        _medication.Xref("B", pat, ien);
        if (visit.Length > 0) _medication.Xref("V", visit, ien);
        _medication.Xref("AA", drug, ien);
    }

    // V LAB #9000010.09: 0 = patient^test^visit^result^units^flag (L/N/H)^date/time; 11 = reference range;
    // 12 = panel. Indexes "B", "V", "AE" (test).
    private void WriteLab(string pat, ObservationRecord o)
    {
        var ien = N(_lab.NewIen());
        var def = o.Definition;
        var test = LabTest(def);
        var visit = Visit(o.EncounterId);
        var result = o.ValueText is { } text ? FileManText.Free(text) : FileManText.Number(o.Value);
        var flag = o.ValueText is null ? Flag(o.Value, def.ReferenceRange) : "";
        _lab.Set(_p.Start().Add(pat).Add(test).Add(visit).Add(result).Add(FileManText.Free(def.Units)).Add(flag).Add(Fm(o.Date)),
            ien, "0");
        var range = FileManText.Free(def.ReferenceRange);
        if (range.Length > 0) _lab.Set(range, ien, "11");
        var panel = FileManText.Free(def.Panel);
        if (panel.Length > 0) _lab.Set(panel, ien, "12");
        _lab.Xref("B", pat, ien);
        if (visit.Length > 0) _lab.Xref("V", visit, ien);
        _lab.Xref("AE", test, ien);
    }

    // V MEASUREMENT #9000010.01: 0 = patient^type^visit^value^units^date/time. Only measured vital signs (no
    // fabricated defaults). Indexes "B", "V", "AE" (type).
    private void WriteMeasurement(string pat, ObservationRecord o)
    {
        var ien = N(_measurement.NewIen());
        var type = MeasurementType(o.Definition);
        var visit = Visit(o.EncounterId);
        _measurement.Set(_p.Start().Add(pat).Add(type).Add(visit).Add(FileManText.Number(o.Value)).Add(FileManText.Free(o.Definition.Units))
            .Add(Fm(o.Date)), ien, "0");
        _measurement.Xref("B", pat, ien);
        if (visit.Length > 0) _measurement.Xref("V", visit, ien);
        _measurement.Xref("AE", type, ien);
    }

    // V CPT #9000010.18: 0 = patient^visit^procedure code^date/time^quantity; 811 = procedure name.
    // Indexes "B", "V", "C" (code).
    private void WriteProcedure(string pat, ProcedureRecord p)
    {
        var ien = N(_cpt.NewIen());
        var code = CptCode(p.Definition);
        var visit = Visit(p.EncounterId);
        _cpt.Set(_p.Start().Add(pat).Add(visit).Add(code).Add(Fm(p.Start)).Add(1), ien, "0");
        _cpt.Set(FileManText.Free(p.Definition.Name), ien, "811");
        _cpt.Xref("B", pat, ien);
        if (visit.Length > 0) _cpt.Xref("V", visit, ien);
        if (code.Length > 0) _cpt.Xref("C", code, ien);
    }

    // V IMMUNIZATION #9000010.11: 0 = patient^immunization^visit^date/time^dose number. Indexes "B", "C"
    // (immunization), "AD" (date/time).
    private void WriteImmunization(string pat, ImmunizationRecord i)
    {
        var ien = N(_immunization.NewIen());
        var vaccine = Vaccine(i.Definition);
        var visit = Visit(i.EncounterId);
        var when = Fm(i.Date);
        _immunization.Set(_p.Start().Add(pat).Add(vaccine).Add(visit).Add(when)
            .Add(i.Definition.DoseNumber > 0 ? N(i.Definition.DoseNumber) : ""), ien, "0");
        _immunization.Xref("B", pat, ien);
        _immunization.Xref("C", vaccine, ien);
        _immunization.Xref("AD", when, ien);
    }

    // V HEALTH FACTORS #9000010.23: 0 = patient^factor^visit^date/time, one per social determinant the record carries
    // (tobacco, alcohol, housing, employment, education), at the patient's latest visit. Indexes "B", "V", "C".
    private void WriteHealthFactors(string pat, PatientRecord record)
    {
        var d = record.Demographics;
        string visit = "";
        DateTime when = record.End;
        DateTime latest = DateTime.MinValue;
        foreach (var (id, start) in _visits.Values)
        {
            if (start >= latest)
            {
                latest = start;
                visit = id;
                when = start;
            }
        }
        Factor("TOBACCO", d.Smoking);
        Factor("ALCOHOL", d.Alcohol);
        Factor("HOUSING", d.Housing);
        Factor("EMPLOYMENT", d.Employment);
        Factor("EDUCATION", d.Education);

        void Factor(string category, string label)
        {
            var value = FileManText.Upper(label.Replace('_', ' '));
            if (value.Length == 0) return;
            var name = category + ": " + value;
            if (!_healthFactorType.TryGet(name, out var factor))
            {
                factor = _healthFactorType.Add(name, _dp.Start().Add(name).Add(category).ToString(), name);
            }
            var ien = N(_healthFactor.NewIen());
            _healthFactor.Set(_p.Start().Add(pat).Add(factor).Add(visit).Add(Fm(when)), ien, "0");
            _healthFactor.Xref("B", pat, ien);
            if (visit.Length > 0) _healthFactor.Xref("V", visit, ien);
            _healthFactor.Xref("C", factor, ien);
        }
    }

    // PATIENT ALLERGIES #120.8: 0 = patient^allergen^^o^origination date; 1 and 2 = reaction code^reaction^SEVERITY;
    // 13 = type^category. Indexes "B", "C" (allergen).
    private void WriteAllergy(string pat, AllergyRecord a)
    {
        var ien = N(_allergy.NewIen());
        var allergen = Allergen(a.Definition, a.Category);
        _allergy.Set(_p.Start().Add(pat).Add(allergen).Skip(1).Add("o").Add(Fm(a.Start)), ien, "0");
        Reaction("1", a.Reaction1, a.Severity1);
        Reaction("2", a.Reaction2, a.Severity2);
        _allergy.Set(_p.Start().Add(FileManText.Upper(a.Type)).Add(FileManText.Upper(a.Category)), ien, "13");
        _allergy.Xref("B", pat, ien);
        _allergy.Xref("C", allergen, ien);

        void Reaction(string node, Code? reaction, string? severity)
        {
            if (reaction is null && string.IsNullOrEmpty(severity)) return;
            _allergy.Set(_p.Start().Add(FileManText.Free(reaction?.Value)).Add(FileManText.Free(reaction?.Display))
                .Add(FileManText.Upper(severity)), ien, node);
        }
    }

    // TIU DOCUMENT #8925: one CARE PLAN note per care plan. 0 = patient^visit^title^status (7, completed)^date/time;
    // "TEXT" = word-processing lines: the plan, its reason, goal, dates and one line per activity.
    // Indexes "B", "V", "C" (title).
    private void WriteCarePlan(string pat, PatientRecord record, CarePlanRecord c)
    {
        var ien = N(_document.NewIen());
        var title = Title("CARE PLAN");
        var visit = Visit(c.EncounterId);
        _document.Set(_p.Start().Add(pat).Add(visit).Add(title).Add("7").Add(Fm(c.Start)), ien, "0");

        var def = c.Definition;
        var lines = new List<string>();
        void Line(string text) => lines.AddRange(FileManText.Wrap(text, TextWidth));
        Line("Care plan: " + def.Name + CodeText(def.CodeOf(CodeSystems.Snomed) ?? def.PrimaryCode));
        if (c.Reason is { } reason) Line("Reason: " + (reason.Display ?? reason.Value) + CodeText(reason));
        else if (!string.IsNullOrEmpty(def.Reason)) Line("Reason: " + def.Reason);
        if (!string.IsNullOrEmpty(def.Category)) Line("Category: " + def.Category);
        if (!string.IsNullOrEmpty(def.Goal)) Line("Goal: " + def.Goal);
        Line("Started: " + c.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (!Active(c.Stop, record)) Line("Stopped: " + c.Stop!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var activity in def.Activities)
        {
            Line("Activity: " + activity.Name + CodeText(activity.Codes.Count > 0 ? activity.Codes[0] : null)
                + (string.IsNullOrEmpty(activity.Status) ? "" : " (" + activity.Status + ")"));
        }

        var count = N(lines.Count);
        _document.Set(_p.Start().Skip(2).Add(count).Add(count).Add(FmDate(c.Start)), ien, "TEXT", "0");
        for (int i = 0; i < lines.Count; i++) _document.Set(lines[i], ien, "TEXT", N(i + 1), "0");
        _document.Xref("B", pat, ien);
        if (visit.Length > 0) _document.Xref("V", visit, ien);
        _document.Xref("C", title, ien);
    }

    private static string CodeText(Code? code) => code is null ? "" : " [" + code.System + " " + code.Value + "]";

    // FAMILY HISTORY #9000034: 0 = patient^relationship^narrative^date recorded^age at onset^ICD^SNOMED-CT code^
    // relative deceased (1/0). Indexes "B", "AC" (relationship, patient), "AD" (ICD, patient).
    private void WriteFamilyHistory(string pat, FamilyHistoryRecord f)
    {
        var ien = N(_familyHistory.NewIen());
        var relation = Relationship(f.RelationCode, f.Relation);
        var icd = f.Condition.CodeOf(CodeSystems.Icd10Cm) is { } code ? Icd(code) : "";
        _familyHistory.Set(_p.Start().Add(pat).Add(relation).Add(Narrative(f.Condition.Name)).Add(FmDate(f.Recorded))
            .Add(f.OnsetAge is { } age ? N(age) : "").Add(icd).Add(FileManText.Free(f.Condition.CodeOf(CodeSystems.Snomed)?.Value))
            .Add(f.Deceased ? "1" : "0"), ien, "0");
        _familyHistory.Xref("B", pat, ien);
        _familyHistory.Xref("AC", relation, pat, ien);
        if (icd.Length > 0) _familyHistory.Xref("AD", icd, pat, ien);
    }

    // ---- Dictionaries: each entry written once, the first time a record points at it. ----

    private string Race(string? race)
    {
        var name = FileManText.Upper(race);
        if (name.Length == 0) return "";
        return _race.TryGet(name, out var ien) ? ien : _race.Add(name, name, name);
    }

    private string State(string? state)
    {
        if (VistaTerminology.FindState(state) is not { } s) return "";
        var key = s.Abbreviation;
        return _state.TryGet(key, out var ien)
            ? ien
            : _state.AddFixed(s.Fips, key, _dp.Start().Add(s.Name).Add(s.Abbreviation).Add(s.Fips).ToString(), s.Name);
    }

    private string Stop(VistaTerminology.Stop stop)
    {
        var key = N(stop.Code);
        return _stop.TryGet(key, out var ien) ? ien : _stop.AddFixed(stop.Code, key, _dp.Start().Add(key).Add(stop.Name).ToString(), key);
    }

    private string Location(Guid organization)
    {
        var key = organization.ToString("D", CultureInfo.InvariantCulture);
        if (_location.TryGet(key, out var ien)) return ien;
        var name = "FACILITY " + key[..8].ToUpperInvariant();
        return _location.Add(key, _dp.Start().Add(name).Add(key).ToString(), name);
    }

    private string Icd(Code code)
    {
        if (_icd.TryGetCached(code, out var cached)) return cached;
        return _icd.Cache(code, IcdEntry(code));
    }

    private string IcdEntry(Code code)
    {
        var value = FileManText.Upper(code.Value);
        return _icd.TryGet(value, out var ien) ? ien : _icd.Add(value, value, value);
    }

    private string Narrative(string text)
    {
        var value = FileManText.Free(text);
        return _narrative.TryGet(value, out var ien) ? ien : _narrative.Add(value, value, value);
    }

    private string Drug(MedicationDefinition def) => _drug.TryGetCached(def, out var ien) ? ien : _drug.Cache(def, DrugEntry(def));

    private string DrugEntry(MedicationDefinition def)
    {
        var rx = def.CodeOf(CodeSystems.RxNorm) ?? def.PrimaryCode;
        var name = FileManText.Upper(rx?.Display ?? def.Name);
        var dose = FileManText.Free(def.Dose);
        var key = rx?.Value + "|" + name + "|" + dose;
        return _drug.TryGet(key, out var ien)
            ? ien
            : _drug.Add(key, _dp.Start().Add(name).Add(FileManText.Free(rx?.Value)).Add(dose).ToString(), name);
    }

    private string LabTest(ObservationDefinition def) => _labTest.TryGetCached(def, out var ien) ? ien : _labTest.Cache(def, LabTestEntry(def));

    private string LabTestEntry(ObservationDefinition def)
    {
        var loinc = def.CodeOf(CodeSystems.Loinc) ?? def.PrimaryCode;
        var name = FileManText.Upper(def.Name);
        var units = FileManText.Free(def.Units);
        var key = loinc?.Value + "|" + name + "|" + units;
        return _labTest.TryGet(key, out var ien)
            ? ien
            : _labTest.Add(key, _dp.Start().Add(name).Add(FileManText.Free(loinc?.Value)).Add(units).ToString(), name);
    }

    private string MeasurementType(ObservationDefinition def) =>
        _measurementType.TryGetCached(def, out var ien) ? ien : _measurementType.Cache(def, MeasurementTypeEntry(def));

    private string MeasurementTypeEntry(ObservationDefinition def)
    {
        var loinc = def.CodeOf(CodeSystems.Loinc)?.Value;
        var name = FileManText.Upper(def.Name);
        var key = loinc + "|" + name;
        return _measurementType.TryGet(key, out var ien)
            ? ien
            : _measurementType.Add(key, _dp.Start().Add(name).Add(VistaTerminology.MeasurementAbbreviation(loinc)).Add(FileManText.Free(loinc))
                .ToString(), name);
    }

    private string CptCode(ProcedureDefinition def) => _cptCode.TryGetCached(def, out var ien) ? ien : _cptCode.Cache(def, CptCodeEntry(def));

    private string CptCodeEntry(ProcedureDefinition def)
    {
        var code = def.CodeOf(CodeSystems.Cpt) ?? def.CodeOf(CodeSystems.Snomed) ?? def.PrimaryCode;
        if (code is null) return "";
        var value = FileManText.Upper(code.Value);
        var key = code.System + "|" + value;
        return _cptCode.TryGet(key, out var ien)
            ? ien
            : _cptCode.Add(key, _dp.Start().Add(value).Add(FileManText.Free(code.Display ?? def.Name)).Add(code.System).ToString(), value);
    }

    private string Vaccine(ImmunizationDefinition def) => _vaccine.TryGetCached(def, out var ien) ? ien : _vaccine.Cache(def, VaccineEntry(def));

    private string VaccineEntry(ImmunizationDefinition def)
    {
        var cvx = def.CodeOf(CodeSystems.Cvx) ?? def.PrimaryCode;
        var name = FileManText.Upper(cvx?.Display ?? def.Name);
        var key = cvx?.Value + "|" + name;
        return _vaccine.TryGet(key, out var ien)
            ? ien
            : _vaccine.Add(key, _dp.Start().Add(name).Add(FileManText.Free(cvx?.Value)).ToString(), name);
    }

    private string Allergen(AllergyDefinition def, string category)
    {
        var name = FileManText.Upper(def.Name);
        var rx = FileManText.Free(def.CodeOf(CodeSystems.RxNorm)?.Value);
        var snomed = FileManText.Free(def.CodeOf(CodeSystems.Snomed)?.Value);
        var key = name + "|" + rx + "|" + snomed;
        return _allergen.TryGet(key, out var ien)
            ? ien
            : _allergen.Add(key, _dp.Start().Add(name).Add(rx).Add(snomed).Skip(1).Add(FileManText.Upper(def.Category ?? category)).ToString(), name);
    }

    private string Title(string name) => _title.TryGet(name, out var ien) ? ien : _title.Add(name, name, name);

    private string Relationship(string code, string relation)
    {
        var key = FileManText.Upper(code);
        var name = FileManText.Upper(relation);
        if (name.Length == 0) name = key;
        return _relationship.TryGet(key, out var ien)
            ? ien
            : _relationship.Add(key, _dp.Start().Add(name).Add(key).ToString(), name);
    }

    /// <summary>V LAB abnormal flag from a reference range "lo-hi", "&lt;hi" or "&gt;lo": L, N, H; "" when unknown.</summary>
    internal static string Flag(double value, string? range)
    {
        if (string.IsNullOrWhiteSpace(range) || double.IsNaN(value)) return "";
        var r = range.Trim();
        if (r.StartsWith('<'))
        {
            return TryNumber(r.AsSpan(1).TrimStart('='), out var hi) ? (value >= hi ? "H" : "N") : "";
        }
        if (r.StartsWith('>'))
        {
            return TryNumber(r.AsSpan(1).TrimStart('='), out var lo) ? (value <= lo ? "L" : "N") : "";
        }
        int dash = r.IndexOf('-', 1);
        if (dash > 0 && TryNumber(r.AsSpan(0, dash), out var low) && TryNumber(r.AsSpan(dash + 1), out var high))
        {
            return value < low ? "L" : value > high ? "H" : "N";
        }
        return "";

        static bool TryNumber(ReadOnlySpan<char> s, out double x) =>
            double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out x);
    }
}
