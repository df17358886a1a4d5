using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime;
using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Records;
using EncounterClass = SyntheticPatients.Runtime.Definitions.EncounterClass;

namespace SyntheticPatients.Exporters;

/// <summary>
/// Turns one patient's record into table rows (Synthea's CSV semantics), handing each field to the table's sink.
/// The only mapping from records to columns: CSV and Parquet get the same rows from it.
/// Not thread-safe (it reuses a per-patient lookup); one per exporter.
/// </summary>
internal sealed class RowEmitter
{
    private static readonly string[] EncounterClasses = BuildEncounterClasses();

    /// <summary>Encounter id → cost of the procedures and immunizations recorded in it (this patient's).</summary>
    private readonly Dictionary<Guid, decimal> _lineItems = new();

    public void Emit(PatientRecord patient, IRowSink[] sinks)
    {
        var d = patient.Demographics;
        Guid pid = d.Id;

        EmitPatient(patient, sinks[Tables.Patients.Index]);

        CollectLineItems(patient);
        var sink = sinks[Tables.Encounters.Index];
        foreach (var e in patient.Encounters)
        {
            var code = e.Definition.CodeOf(CodeSystems.Snomed) ?? e.Definition.PrimaryCode;
            decimal items = _lineItems.TryGetValue(e.Id, out var sum) ? sum : 0m;
            sink.Id(e.Id);
            sink.Timestamp(e.Start);
            sink.Timestamp(e.Stop);
            sink.Id(pid);
            sink.Id(e.OrganizationId);
            sink.Id(e.ProviderId);
            sink.Id(e.PayerId);
            sink.Text(ClassName(e.Definition.Class));
            sink.Text(code?.Value);
            sink.Text(Describe(code, e.Definition));
            sink.Money(e.BaseCost);
            sink.Money(ValueFormat.Money(e.BaseCost) + items);
            sink.Money(null);
            sink.Text(e.Reason?.Value);
            sink.Text(e.Reason?.Display);
            sink.EndRow();
        }

        sink = sinks[Tables.Conditions.Index];
        foreach (var c in patient.Conditions)
        {
            var code = ConditionCode(c.Definition);
            sink.Date(c.Start);
            sink.Date(c.Stop);
            sink.Id(pid);
            sink.Id(c.EncounterId);
            sink.Text(code?.System);
            sink.Text(code?.Value);
            sink.Text(Describe(code, c.Definition));
            sink.EndRow();
        }

        sink = sinks[Tables.Medications.Index];
        foreach (var m in patient.Medications)
        {
            var code = m.Definition.CodeOf(CodeSystems.RxNorm) ?? m.Definition.PrimaryCode;
            var baseCost = ValueFormat.Money(m.BaseCost);
            sink.Timestamp(m.Start);
            sink.Timestamp(m.Stop);
            sink.Id(pid);
            sink.Id(m.PayerId);
            sink.Id(m.EncounterId);
            sink.Text(code?.Value);
            sink.Text(Describe(code, m.Definition));
            sink.Money(baseCost);
            sink.Money(null);
            sink.Integer(m.Dispenses);
            sink.Money(baseCost * m.Dispenses);
            sink.Text(m.Reason?.Value);
            sink.Text(m.Reason?.Display);
            sink.EndRow();
        }

        sink = sinks[Tables.Observations.Index];
        foreach (var o in patient.Observations)
        {
            var code = o.Definition.CodeOf(CodeSystems.Loinc) ?? o.Definition.PrimaryCode;
            sink.Timestamp(o.Date);
            sink.Id(pid);
            sink.Id(o.EncounterId);
            sink.Text(o.Definition.Category);
            sink.Text(code?.Value);
            sink.Text(Describe(code, o.Definition));
            if (o.ValueText is not null) sink.Text(o.ValueText);
            else sink.TextNumber(o.Value);
            sink.Text(o.ValueText is null ? o.Definition.Units : null);
            sink.Text(o.Type);
            sink.EndRow();
        }

        sink = sinks[Tables.Procedures.Index];
        foreach (var p in patient.Procedures)
        {
            var code = p.Definition.CodeOf(CodeSystems.Snomed) ?? p.Definition.PrimaryCode;
            sink.Timestamp(p.Start);
            sink.Timestamp(p.Stop);
            sink.Id(pid);
            sink.Id(p.EncounterId);
            sink.Text(code?.System);
            sink.Text(code?.Value);
            sink.Text(Describe(code, p.Definition));
            sink.Money(p.BaseCost);
            sink.Text(p.Reason?.Value);
            sink.Text(p.Reason?.Display);
            sink.EndRow();
        }

        sink = sinks[Tables.Immunizations.Index];
        foreach (var i in patient.Immunizations)
        {
            var code = i.Definition.CodeOf(CodeSystems.Cvx) ?? i.Definition.PrimaryCode;
            sink.Timestamp(i.Date);
            sink.Id(pid);
            sink.Id(i.EncounterId);
            sink.Text(code?.Value);
            sink.Text(Describe(code, i.Definition));
            sink.Money(i.BaseCost);
            sink.EndRow();
        }

        sink = sinks[Tables.Allergies.Index];
        foreach (var a in patient.Allergies)
        {
            var code = a.Definition.CodeOf(CodeSystems.Snomed) ?? a.Definition.CodeOf(CodeSystems.RxNorm) ?? a.Definition.PrimaryCode;
            sink.Date(a.Start);
            sink.Date(a.Stop);
            sink.Id(pid);
            sink.Id(a.EncounterId);
            sink.Text(code?.Value);
            sink.Text(code?.System);
            sink.Text(Describe(code, a.Definition));
            sink.Text(a.Type);
            sink.Text(a.Category);
            sink.Text(a.Reaction1?.Value);
            sink.Text(a.Reaction1?.Display);
            sink.Text(a.Reaction1 is null ? null : a.Severity1);
            sink.Text(a.Reaction2?.Value);
            sink.Text(a.Reaction2?.Display);
            sink.Text(a.Reaction2 is null ? null : a.Severity2);
            sink.EndRow();
        }

        sink = sinks[Tables.CarePlans.Index];
        foreach (var c in patient.CarePlans)
        {
            var code = c.Definition.CodeOf(CodeSystems.Snomed) ?? c.Definition.PrimaryCode;
            sink.Id(c.Id);
            sink.Date(c.Start);
            sink.Date(c.Stop);
            sink.Id(pid);
            sink.Id(c.EncounterId);
            sink.Text(code?.Value);
            sink.Text(Describe(code, c.Definition));
            sink.Text(c.Reason?.Value);
            sink.Text(c.Reason?.Display);
            sink.EndRow();
        }

        sink = sinks[Tables.FamilyHistory.Index];
        foreach (var f in patient.FamilyHistory)
        {
            var code = ConditionCode(f.Condition);
            sink.Id(f.Id);
            sink.Id(pid);
            sink.Date(f.Recorded);
            sink.Text(f.RelationCode);
            sink.Text(f.Relation);
            sink.Text(code?.System);
            sink.Text(code?.Value);
            sink.Text(Describe(code, f.Condition));
            sink.Integer(f.OnsetAge);
            sink.Boolean(f.Deceased);
            sink.EndRow();
        }

        if (patient.Death is { } death)
        {
            sink = sinks[Tables.Deaths.Index];
            var code = death.Cause is null ? null : ConditionCode(death.Cause);
            sink.Id(pid);
            sink.Timestamp(death.Date);
            sink.Integer(d.AgeAt(death.Date));
            sink.Id(death.EncounterId);
            sink.Text(code?.System);
            sink.Text(code?.Value);
            sink.Text(death.Cause is null ? null : Describe(code, death.Cause));
            sink.Text(death.Manner);
            sink.EndRow();
        }

        sink = sinks[Tables.ModuleAttributes.Index];
        foreach (var a in patient.ModuleAttributes)
        {
            sink.Id(pid);
            sink.Text(a.Module);
            sink.Text(a.Attribute);
            sink.Text(a.Value);
            sink.EndRow();
        }
    }

    private static void EmitPatient(PatientRecord patient, IRowSink sink)
    {
        var d = patient.Demographics;
        sink.Id(d.Id);
        sink.Date(d.BirthDate);
        sink.Date(patient.Death?.Date);
        sink.Text(d.Ssn);
        sink.Text(d.Drivers);
        sink.Text(d.Passport);
        sink.Text(d.Prefix);
        sink.Text(d.First);
        sink.Text(d.Middle);
        sink.Text(d.Last);
        sink.Text(d.Suffix);
        sink.Text(d.Maiden);
        sink.Text(d.Marital);
        sink.Text(d.Race);
        sink.Text(d.Ethnicity);
        sink.Text(GenderCode(d.Gender));
        sink.Text(d.Birthplace);
        sink.Text(d.Address);
        sink.Text(d.City);
        sink.Text(d.State);
        sink.Text(d.County);
        sink.Text(d.Fips);
        sink.Text(d.Zip);
        sink.Number(double.IsNaN(d.Latitude) ? null : d.Latitude);
        sink.Number(double.IsNaN(d.Longitude) ? null : d.Longitude);
        sink.Money(d.HealthcareExpenses);
        sink.Money(d.HealthcareCoverage);
        sink.Integer(d.Income);
        sink.EndRow();
    }

    private void CollectLineItems(PatientRecord patient)
    {
        _lineItems.Clear();
        foreach (var p in patient.Procedures)
        {
            if (p.EncounterId is { } id) Add(id, p.BaseCost);
        }
        foreach (var i in patient.Immunizations)
        {
            if (i.EncounterId is { } id) Add(id, i.BaseCost);
        }

        void Add(Guid id, decimal cost)
        {
            _lineItems.TryGetValue(id, out var sum);
            _lineItems[id] = sum + ValueFormat.Money(cost);
        }
    }

    /// <summary>Synthea's rule for diagnoses: SNOMED-CT, or ICD-10-CM when only that exists, else the first code.</summary>
    internal static Code? ConditionCode(ClinicalDefinition definition) =>
        definition.CodeOf(CodeSystems.Snomed) ?? definition.CodeOf(CodeSystems.Icd10Cm) ?? definition.PrimaryCode;

    /// <summary>The code's display, else the definition's name.</summary>
    private static string Describe(Code? code, ClinicalDefinition definition) =>
        string.IsNullOrEmpty(code?.Display) ? definition.Name : code.Display;

    private static string? GenderCode(Gender gender) => gender switch
    {
        Gender.Male => "M",
        Gender.Female => "F",
        _ => null,
    };

    private static string ClassName(EncounterClass c) =>
        (uint)c < (uint)EncounterClasses.Length ? EncounterClasses[(int)c] : c.ToString().ToLowerInvariant();

    private static string[] BuildEncounterClasses()
    {
        var values = Enum.GetValues<EncounterClass>();
        var names = new string[values.Max(v => (int)v) + 1];
        foreach (var v in values) names[(int)v] = v.ToString().ToLowerInvariant();
        return names;
    }
}
