using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime;
using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Records;
using EncounterClass = SyntheticPatients.Runtime.Definitions.EncounterClass;

namespace SyntheticPatients.Exporters.Tests;

/// <summary>Hand-built patient records for exporter tests: fluent, with deterministic ids.</summary>
public sealed class PatientBuilder
{
    private readonly PatientRecord _record;
    private int _ids;

    public PatientBuilder(long index, PatientRecord? reuse = null)
    {
        _record = reuse ?? new PatientRecord();
        _record.Clear();
        _record.Index = index;
        _record.Demographics = new Demographics
        {
            Id = DeterministicId(index, 0),
            Mrn = "MRN" + index,
            Ssn = "999-12-" + (1000 + index),
            First = "Anna" + index,
            Last = "Virtanen",
            Gender = Gender.Female,
            Race = "white",
            Ethnicity = "nonhispanic",
            BirthDate = new DateTime(1980, 5, 17, 6, 45, 0),
            SimulationEnd = new DateTime(2026, 1, 1),
            Birthplace = "Boston, Massachusetts, US",
            Address = "12 Main Street",
            City = "Boston",
            State = "Massachusetts",
            Zip = "02110",
            Latitude = 42.3601,
            Longitude = -71.0589,
            Income = 55000,
            HealthcareExpenses = 1234.5m,
            HealthcareCoverage = 0m,
        };
    }

    public Guid PatientId => _record.Demographics.Id;

    public Guid NextId() => DeterministicId(_record.Index, ++_ids);

    public static Guid DeterministicId(long patient, int n) =>
        new($"{patient:x8}-0000-4000-8000-{n:x12}");

    public PatientBuilder Demographics(Action<Demographics> change)
    {
        change(_record.Demographics);
        return this;
    }

    public PatientBuilder Encounter(out Guid id, DateTime start, decimal cost = 125m, Code? reason = null, Guid? payer = null,
        EncounterDefinition? definition = null)
    {
        id = NextId();
        _record.Encounters.Add(new EncounterRecord(id, start, start.AddMinutes(30), definition ?? Defs.WellVisit,
            Defs.Organization, Defs.Provider, payer, cost, reason, "baseline"));
        return this;
    }

    public PatientBuilder Condition(ConditionDefinition definition, DateTime start, DateTime? stop = null, Guid? encounter = null)
    {
        _record.Conditions.Add(new ConditionRecord(start, stop, encounter, definition, "baseline"));
        return this;
    }

    public PatientBuilder Medication(MedicationDefinition definition, DateTime start, DateTime? stop, Guid? encounter,
        decimal cost, int dispenses, Code? reason = null)
    {
        _record.Medications.Add(new MedicationRecord(start, stop, encounter, definition, Defs.Payer, cost, dispenses, reason, "baseline"));
        return this;
    }

    public PatientBuilder Observation(ObservationDefinition definition, DateTime date, Guid? encounter, double value, string? text = null)
    {
        _record.Observations.Add(new ObservationRecord(date, encounter, definition, value, text, "baseline"));
        return this;
    }

    public PatientBuilder Procedure(ProcedureDefinition definition, DateTime start, Guid? encounter, decimal cost, Code? reason = null)
    {
        _record.Procedures.Add(new ProcedureRecord(start, start.AddMinutes(20), encounter, definition, cost, reason, "baseline"));
        return this;
    }

    public PatientBuilder Immunization(ImmunizationDefinition definition, DateTime date, Guid? encounter, decimal cost = 136m)
    {
        _record.Immunizations.Add(new ImmunizationRecord(date, encounter, definition, cost, "baseline"));
        return this;
    }

    public PatientBuilder Allergy(AllergyDefinition definition, DateTime start, Guid? encounter, Code? reaction1, string? severity1,
        Code? reaction2 = null, string? severity2 = null)
    {
        _record.Allergies.Add(new AllergyRecord(start, null, encounter, definition, "allergy", definition.Category ?? "food",
            reaction1, severity1, reaction2, severity2, "baseline"));
        return this;
    }

    public PatientBuilder CarePlan(CarePlanDefinition definition, DateTime start, DateTime? stop, Guid? encounter, Code? reason)
    {
        _record.CarePlans.Add(new CarePlanRecord(NextId(), start, stop, encounter, definition, reason, "baseline"));
        return this;
    }

    public PatientBuilder FamilyHistory(string relationCode, string relation, ConditionDefinition condition, int? onsetAge, bool deceased,
        DateTime recorded)
    {
        _record.FamilyHistory.Add(new FamilyHistoryRecord(NextId(), relationCode, relation, condition, onsetAge, deceased, recorded));
        return this;
    }

    public PatientBuilder Death(DateTime date, ConditionDefinition? cause, Guid? encounter, string manner = "natural")
    {
        _record.Death = new DeathRecord(date, cause, encounter, manner, "baseline");
        return this;
    }

    public PatientBuilder Attribute(string module, string attribute, string value)
    {
        _record.ModuleAttributes.Add(new ModuleAttributeRecord(module, attribute, value));
        return this;
    }

    public PatientRecord Build() => _record;

    /// <summary>A patient with a row in every table and awkward text (commas, quotes, line breaks, non-ASCII).</summary>
    public static PatientRecord Full(long index, PatientRecord? reuse = null)
    {
        var b = new PatientBuilder(index, reuse);
        var t = new DateTime(2019, 3, 4, 10, 15, 30, 250); // sub-second part is dropped on export
        b.Demographics(d =>
            {
                d.Prefix = "Ms.";
                d.Middle = "Maria";
                d.Last = "O'Brien, \"Jr\"";
                d.Maiden = "Järvinen";
                d.Marital = "M";
                d.Drivers = "S99912345";
                d.Address = "1 Main St\r\nApt 2";
                d.City = "Jyväskylä";
                d.County = "Suffolk County";
                d.Fips = "25025";
                d.HealthcareExpenses = 12345.675m;
                d.HealthcareCoverage = 987.5m;
            })
            .Encounter(out var e1, t, cost: 125m, reason: Defs.HypertensionSnomed, payer: Defs.Payer)
            .Encounter(out var e2, t.AddDays(30), cost: 85.55m, definition: Defs.Emergency)
            .Condition(Defs.Hypertension, t, encounter: e1)
            .Condition(Defs.Diabetes, t.AddYears(-2), stop: t.AddYears(-1))
            .Medication(Defs.Lisinopril, t, null, e1, cost: 12.34m, dispenses: 12, reason: Defs.HypertensionSnomed)
            .Observation(Defs.Systolic, t, e1, 120.5)
            .Observation(Defs.Gfr, t, e1, 1234567.125)
            .Observation(Defs.Smoking, t, e1, double.NaN, "Never smoked tobacco (finding)")
            .Observation(Defs.Systolic, t.AddDays(30), null, 0.1 + 0.2)
            .Procedure(Defs.Ekg, t, e1, 500m, Defs.HypertensionSnomed)
            .Immunization(Defs.Flu, t, e1)
            .Allergy(Defs.Peanut, t.AddYears(-10), null, Defs.Hives, "MILD", Defs.Anaphylaxis, "SEVERE")
            .CarePlan(Defs.HypertensionPlan, t, null, e1, Defs.HypertensionSnomed)
            .FamilyHistory("MTH", "mother", Defs.Hypertension, 55, false, t)
            .FamilyHistory("FTH", "father", Defs.Diabetes, null, true, t)
            .Death(t.AddDays(30).AddHours(2), Defs.Diabetes, e2)
            .Attribute("sample_hypertension", "hypertension_severity", "moderate, \"stage 2\"");
        return b.Build();
    }

    /// <summary>A patient with demographics only (alive, no clinical rows).</summary>
    public static PatientRecord Minimal(long index, PatientRecord? reuse = null) => new PatientBuilder(index, reuse)
        .Demographics(d => d.Gender = Gender.Male)
        .Build();
}

/// <summary>Shared definitions, as generated modules would hold them.</summary>
public static class Defs
{
    public static readonly Guid Organization = new("0a000000-0000-4000-8000-000000000001");
    public static readonly Guid Provider = new("0b000000-0000-4000-8000-000000000002");
    public static readonly Guid Payer = new("0c000000-0000-4000-8000-000000000003");

    public static readonly Code HypertensionSnomed = new(CodeSystems.Snomed, "59621000", "Essential hypertension (disorder)");

    public static readonly EncounterDefinition WellVisit = new("Well visit", EncounterClass.Wellness,
        new[] { new Code(CodeSystems.Snomed, "410620009", "Well child visit (procedure)") });

    public static readonly EncounterDefinition Emergency = new("Emergency", EncounterClass.Emergency,
        new[] { new Code(CodeSystems.Snomed, "50849002", "Emergency room admission, \"ambulance\"") });

    /// <summary>ICD-10-CM first, SNOMED-CT second: the SNOMED-CT code is exported.</summary>
    public static readonly ConditionDefinition Hypertension = new("Hypertension", new[]
    {
        new Code(CodeSystems.Icd10Cm, "I10", "Essential (primary) hypertension"),
        HypertensionSnomed,
    });

    /// <summary>ICD-10-CM only: exported with SYSTEM ICD-10-CM.</summary>
    public static readonly ConditionDefinition Diabetes = new("Type 2 diabetes", new[]
    {
        new Code(CodeSystems.Icd10Cm, "E11.9", "Type 2 diabetes mellitus without complications"),
    });

    public static readonly MedicationDefinition Lisinopril = new("Lisinopril", new[]
    {
        new Code(CodeSystems.RxNorm, "314076", "lisinopril 10 MG Oral Tablet"),
    });

    public static readonly ObservationDefinition Systolic = new("Systolic Blood Pressure", new[]
    {
        new Code(CodeSystems.Loinc, "8480-6", null),
    }) { Units = "mm[Hg]", Category = "vital-signs" };

    public static readonly ObservationDefinition Gfr = new("GFR", new[]
    {
        new Code(CodeSystems.Loinc, "33914-3", "Glomerular filtration rate, \"MDRD\"\nper 1.73 m2"),
    }) { Units = "mL/min/{1.73_m2}", Category = "laboratory" };

    public static readonly ObservationDefinition Smoking = new("Tobacco smoking status", new[]
    {
        new Code(CodeSystems.Loinc, "72166-2", "Tobacco smoking status"),
    }) { Category = "social-history", Units = "{unused}" };

    public static readonly ProcedureDefinition Ekg = new("Electrocardiogram", new[]
    {
        new Code(CodeSystems.Cpt, "93000", "Electrocardiogram, routine ECG with at least 12 leads"),
        new Code(CodeSystems.Snomed, "29303009", "Electrocardiographic procedure"),
    });

    public static readonly ImmunizationDefinition Flu = new("Influenza", new[]
    {
        new Code(CodeSystems.Cvx, "140", "Influenza, seasonal, injectable, preservative free"),
    });

    public static readonly AllergyDefinition Peanut = new("Peanut allergy", new[]
    {
        new Code(CodeSystems.Snomed, "91935009", "Allergy to peanuts"),
    }) { Category = "food" };

    public static readonly Code Hives = new(CodeSystems.Snomed, "247472004", "Wheal (finding)");
    public static readonly Code Anaphylaxis = new(CodeSystems.Snomed, "39579001", "Anaphylaxis");

    public static readonly CarePlanDefinition HypertensionPlan = new("Lifestyle education", new[]
    {
        new Code(CodeSystems.Snomed, "443402002", "Lifestyle education regarding hypertension (procedure)"),
    });
}
