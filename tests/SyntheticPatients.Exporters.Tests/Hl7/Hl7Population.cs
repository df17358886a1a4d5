using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime;
using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Records;
using EncounterClass = SyntheticPatients.Runtime.Definitions.EncounterClass;

namespace SyntheticPatients.Exporters.Tests.Hl7;

/// <summary>
/// A deterministic, varied population built by hand for the HL7 tests: every encounter class, inpatient stays, deaths
/// (some in hospital), allergies of every category, vital signs, laboratory panels, single tests, text results,
/// immunization series, diagnoses with ICD-10-CM and SNOMED CT, records without an encounter, and awkward text
/// (HL7 delimiters, non-ASCII, line breaks, over-long descriptions, unusual phone numbers).
/// </summary>
public static class Hl7Population
{
    public static readonly DateTime End = new(2026, 1, 1);

    public static PatientRecord[] Build(int count, int seed = 20261123) =>
        Enumerable.Range(0, count).Select(i => Patient(i, new Random(seed + i * 7919))).ToArray();

    public static PatientRecord Patient(long index, Random random)
    {
        var b = new PatientBuilder(index);
        var birth = End.AddDays(-random.Next(0, 95 * 365)).Date.AddMinutes(random.Next(0, 24 * 60));
        int variant = (int)(index % 10);
        b.Demographics(d =>
        {
            d.BirthDate = birth;
            d.SimulationEnd = End;
            d.Gender = random.Next(2) == 0 ? Gender.Female : Gender.Male;
            d.First = Pick(random, FirstNames);
            d.Last = Pick(random, LastNames);
            d.Middle = random.Next(3) == 0 ? Pick(random, FirstNames) : null;
            d.Prefix = d.AgeAt(End) >= 18 ? (d.Gender == Gender.Female ? "Ms." : "Mr.") : null;
            d.Suffix = random.Next(15) == 0 ? "Jr." : null;
            d.Maiden = d.Gender == Gender.Female && random.Next(4) == 0 ? Pick(random, LastNames) : null;
            d.Marital = d.AgeAt(End) >= 18 ? Pick(random, new[] { "M", "S", "D", "W" }) : null;
            d.Race = Pick(random, new[] { "white", "black", "asian", "native", "hawaiian", "other" });
            d.Ethnicity = random.Next(5) == 0 ? "hispanic" : "nonhispanic";
            d.Language = Pick(random, new[] { "English", "English", "English", "Spanish", "Chinese", "Vietnamese", "Tagalog", "Klingon" });
            d.Drivers = d.AgeAt(End) >= 16 && random.Next(2) == 0 ? "S999" + random.Next(10000, 99999) : null;
            d.Passport = random.Next(5) == 0 ? "X" + random.Next(10000000, 99999999) + "X" : null;
            d.Address = variant == 3 ? $"{random.Next(1, 999)} Elm St\r\nApt {random.Next(1, 40)}" : $"{random.Next(1, 9999)} {Pick(random, Streets)}";
            (d.City, d.State, d.Zip, d.Fips) = Pick(random, Places);
            d.Phone = Pick(random, Phones);
            d.Birthplace = $"{d.City}, {d.State}, US";
        });
        var record = b.Build();

        // Encounters: one every few months to years, more for older patients.
        int age = record.Demographics.AgeAt(End);
        int visits = age == 0 ? random.Next(0, 4) : random.Next(0, Math.Min(25, 3 + age / 3));
        if (variant == 7) visits = 0; // no encounter at all: registration at birth, results without a visit
        var starts = Enumerable.Range(0, visits)
            .Select(_ => birth.AddMinutes(random.NextDouble() * (End - birth).TotalMinutes * 0.999))
            .Select(t => new DateTime(t.Year, t.Month, t.Day, random.Next(7, 19), random.Next(4) * 15, 0))
            .Where(t => t > birth && t < End.AddDays(-20))
            .Order()
            .ToList();
        foreach (var start in starts)
        {
            var definition = Pick(random, Encounters);
            var stop = definition.Class == EncounterClass.Inpatient
                ? start.AddDays(random.Next(1, 9)).AddHours(random.Next(0, 6))
                : start.AddMinutes(random.Next(15, 120));
            var reason = random.Next(3) == 0 ? Pick(random, Conditions).CodeOf(CodeSystems.Snomed) : null;
            var id = b.NextId();
            record.Encounters.Add(new EncounterRecord(id, start, stop, definition, Org(random), Provider(random), Defs.Payer, 125m, reason, "baseline"));
            Visit(record, random, id, start, definition);
        }

        // Allergies (some recorded before any visit).
        int allergies = random.Next(0, 3);
        for (int i = 0; i < allergies; i++)
        {
            var a = Pick(random, Allergies);
            var start = birth.AddDays(random.Next(0, Math.Max(1, (int)(End - birth).TotalDays - 30)));
            record.Allergies.Add(new AllergyRecord(start, random.Next(6) == 0 ? start.AddYears(2) : null, null, a, "allergy",
                a.Category!, Pick(random, Reactions), Pick(random, Severities), random.Next(2) == 0 ? Pick(random, Reactions) : null,
                random.Next(2) == 0 ? Pick(random, Severities) : null, "baseline"));
        }

        if (variant == 7)
        {
            // Results and a vaccination without an encounter.
            var t = End.AddDays(-random.Next(30, 400));
            record.Observations.Add(new ObservationRecord(t, null, Glucose, 80 + random.Next(60), null, "baseline"));
            record.Observations.Add(new ObservationRecord(t, null, HemoglobinA1c, 5 + random.NextDouble() * 3, null, "baseline"));
            record.Immunizations.Add(new ImmunizationRecord(t, null, Flu, 136m, "baseline"));
        }

        // Deaths: about one in eight, some in hospital.
        if (random.Next(8) == 0 || variant == 5)
        {
            var lastInpatient = record.Encounters.LastOrDefault(e => e.Definition.Class == EncounterClass.Inpatient);
            var cause = Pick(random, Conditions);
            if (lastInpatient is not null && lastInpatient == record.Encounters[^1] && random.Next(2) == 0)
            {
                var date = lastInpatient.Stop.AddMinutes(-random.Next(1, 60));
                record.Encounters[^1] = lastInpatient with { Stop = date };
                record.Death = new DeathRecord(date, cause, lastInpatient.Id, "natural", "baseline");
            }
            else
            {
                var last = record.Encounters.Count > 0 ? record.Encounters[^1].Stop : birth;
                record.Death = new DeathRecord(last.AddDays(random.Next(1, 15)), random.Next(4) == 0 ? null : cause, null, "natural", "baseline");
            }
        }
        return record;
    }

    /// <summary>What happens in one visit: vital signs, labs, diagnoses, vaccinations.</summary>
    private static void Visit(PatientRecord record, Random random, Guid encounter, DateTime start, EncounterDefinition definition)
    {
        var t = start.AddMinutes(5);
        bool child = record.Demographics.AgeAt(start) < 18;
        if (definition.Class != EncounterClass.Virtual && random.Next(4) != 0)
        {
            Obs(record, t, encounter, BodyHeight, child ? 50 + random.NextDouble() * 120 : 150 + random.NextDouble() * 45);
            Obs(record, t, encounter, BodyWeight, child ? 3 + random.NextDouble() * 60 : 50 + random.NextDouble() * 70);
            Obs(record, t, encounter, Systolic, 95 + random.Next(80));
            Obs(record, t, encounter, Diastolic, 55 + random.Next(45));
            Obs(record, t, encounter, HeartRate, 55 + random.Next(60));
            Obs(record, t, encounter, BodyTemperature, Math.Round(36 + random.NextDouble() * 3, 1));
            if (random.Next(2) == 0) Obs(record, t, encounter, OxygenSaturation, 88 + random.Next(12));
        }
        var labTime = t.AddMinutes(20);
        if (random.Next(3) == 0)
        {
            Obs(record, labTime, encounter, Glucose, 60 + random.Next(140));
            Obs(record, labTime, encounter, Creatinine, Math.Round(0.4 + random.NextDouble() * 1.5, 2));
            Obs(record, labTime, encounter, Sodium, 130 + random.Next(18));
            Obs(record, labTime, encounter, Potassium, Math.Round(3.1 + random.NextDouble() * 2.5, 1));
            Obs(record, labTime, encounter, Egfr, 30 + random.Next(70));
        }
        if (random.Next(4) == 0)
        {
            Obs(record, labTime, encounter, Cholesterol, 140 + random.Next(120));
            Obs(record, labTime, encounter, Hdl, 30 + random.Next(50));
            Obs(record, labTime, encounter, Ldl, 60 + random.Next(130));
        }
        if (random.Next(5) == 0) Obs(record, labTime, encounter, HemoglobinA1c, Math.Round(4.5 + random.NextDouble() * 5, 1));
        if (random.Next(6) == 0) Obs(record, labTime, encounter, LongName, random.NextDouble() * 1e-6);
        if (random.Next(10) == 0) Obs(record, labTime, encounter, Awkward, -random.Next(0, 100) - 0.25);
        if (random.Next(25) == 0) Obs(record, labTime, encounter, Awkward, 1e30);
        if (random.Next(25) == 0) Obs(record, labTime, encounter, Awkward, double.NaN);
        if (!child && random.Next(5) == 0)
        {
            record.Observations.Add(new ObservationRecord(t, encounter, Smoking, double.NaN,
                Pick(random, new[] { "Never smoked tobacco (finding)", "Ex-smoker (finding)", "Smokes tobacco daily (finding)" }), "baseline"));
        }
        if (random.Next(8) == 0) Obs(record, t, encounter, Phq2, random.Next(0, 7));

        if (random.Next(3) == 0) record.Conditions.Add(new ConditionRecord(start, null, encounter, Pick(random, Conditions), "baseline"));
        if (child ? random.Next(2) == 0 : random.Next(5) == 0)
        {
            var vaccine = child ? Pick(random, ChildVaccines) : Pick(random, AdultVaccines);
            record.Immunizations.Add(new ImmunizationRecord(t.AddMinutes(30), encounter, vaccine, 136m, "baseline"));
            if (random.Next(3) == 0) record.Immunizations.Add(new ImmunizationRecord(t.AddMinutes(30), encounter, Flu, 136m, "baseline"));
        }
    }

    private static void Obs(PatientRecord record, DateTime t, Guid encounter, ObservationDefinition definition, double value) =>
        record.Observations.Add(new ObservationRecord(t, encounter, definition, value, null, "baseline"));

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static Guid Org(Random random) => new($"0a000000-0000-4000-8000-{random.Next(1, 6):x12}");

    private static Guid Provider(Random random) => new($"0b000000-0000-4000-8000-{random.Next(1, 40):x12}");

    // ----- demographics -----

    private static readonly string[] FirstNames =
    {
        "Anna", "James", "Maria", "Wei", "Zoë", "José", "Aoife", "Nguyễn Văn", "Mary-Jane", "D'Andre", "Olivia", "Noah", "王芳",
        "Sam & Max", "Liam",
    };

    private static readonly string[] LastNames =
    {
        "Smith", "O'Brien", "García", "Müller", "Nguyen", "Virtanen", "Smith-Jones", "Pipe|Caret^Tilde~Back\\slash&Amp",
        "de la Cruz", "Jyväskylä", "Øvregård", "Łukasiewicz", "Ng", "A very long family name that goes well past the fifty characters HL7 allows",
    };

    private static readonly string[] Streets = { "Main Street", "Oak Ave", "Elm St", "Smith & Wesson Rd", "Rue de l'Église", "1st Ave #3" };

    private static readonly (string City, string State, string Zip, string? Fips)[] Places =
    {
        ("Boston", "Massachusetts", "02110", "25025"),
        ("Springfield", "Illinois", "62701", "17167"),
        ("San Juan", "Puerto Rico", "00901", null),
        ("Coeur d'Alene", "Idaho", "83814", "16055"),
        ("Anchorage", "Alaska", "99501", "02020"),
    };

    private static readonly string[] Phones =
    {
        "(617) 555-0101", "617.555.0102 x123", "+1-617-555-0103", "555-0104", "617-555-0105 ext. 42", "", "1-800-FLOWERS",
    };

    // ----- clinical definitions -----

    private static EncounterDefinition Enc(string name, EncounterClass c, string code, string display, string? location = null) =>
        new(name, c, new[] { new Code(CodeSystems.Snomed, code, display) }) { Location = location };

    private static readonly EncounterDefinition[] Encounters =
    {
        Enc("Symptom visit", EncounterClass.Ambulatory, "185345009", "Encounter for symptom (procedure)"),
        Enc("Well visit", EncounterClass.Wellness, "410620009", "Well child visit (procedure)", "Pediatrics - Main Clinic"),
        Enc("General exam", EncounterClass.Wellness, "162673000", "General examination of patient (procedure)"),
        Enc("Problem visit", EncounterClass.Outpatient, "185347001", "Encounter for problem (procedure)", "Cardiology & Vascular | Building B"),
        Enc("ED visit", EncounterClass.Emergency, "50849002", "Emergency room admission (procedure)", "Emergency Department"),
        Enc("Urgent care", EncounterClass.Urgentcare, "702927004", "Urgent care clinic (environment)"),
        Enc("Admission", EncounterClass.Inpatient, "32485007", "Hospital admission (procedure)", "Ward 4 West"),
        Enc("Telehealth", EncounterClass.Virtual, "185317003", "Telephone encounter (procedure)"),
        Enc("Home visit", EncounterClass.Home, "439708006", "Home visit (procedure)"),
    };

    private static ConditionDefinition Cond(string name, string? icd, string snomed, string display) =>
        new(name, icd is null
            ? new[] { new Code(CodeSystems.Snomed, snomed, display) }
            : new[] { new Code(CodeSystems.Icd10Cm, icd, name), new Code(CodeSystems.Snomed, snomed, display) });

    private static readonly ConditionDefinition[] Conditions =
    {
        Cond("Essential (primary) hypertension", "I10", "59621000", "Essential hypertension (disorder)"),
        Cond("Type 2 diabetes mellitus without complications", "E11.9", "44054006", "Diabetes mellitus type 2 (disorder)"),
        Cond("Unspecified asthma, uncomplicated", "J45.909", "195967001", "Asthma (disorder)"),
        Cond("Acute bronchitis", null, "10509002", "Acute bronchitis (disorder)"),
        Cond("COVID-19", "U07.1", "840539006", "Disease caused by severe acute respiratory syndrome coronavirus 2 (disorder)"),
        Cond("Hyperlipidemia, unspecified", "E78.5", "55822004", "Hyperlipidemia (disorder)"),
    };

    private static ObservationDefinition Lab(string code, string display, string units, string category, string? panel = null, string? range = null) =>
        new(display, new[] { new Code(CodeSystems.Loinc, code, display) }) { Units = units, Category = category, Panel = panel, ReferenceRange = range };

    private static readonly ObservationDefinition BodyHeight = Lab("8302-2", "Body Height", "cm", "vital-signs");
    private static readonly ObservationDefinition BodyWeight = Lab("29463-7", "Body Weight", "kg", "vital-signs");
    private static readonly ObservationDefinition Systolic = Lab("8480-6", "Systolic Blood Pressure", "mm[Hg]", "vital-signs", "Blood pressure panel", "90-139");
    private static readonly ObservationDefinition Diastolic = Lab("8462-4", "Diastolic Blood Pressure", "mm[Hg]", "vital-signs", "Blood pressure panel", "60-89");
    private static readonly ObservationDefinition HeartRate = Lab("8867-4", "Heart rate", "/min", "vital-signs");
    private static readonly ObservationDefinition BodyTemperature = Lab("8310-5", "Body temperature", "Cel", "vital-signs");
    private static readonly ObservationDefinition OxygenSaturation = Lab("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%", "vital-signs");
    internal static readonly ObservationDefinition Glucose = Lab("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "mg/dL", "laboratory", "Basic metabolic panel", "70-99");
    private static readonly ObservationDefinition Creatinine = Lab("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", "laboratory", "Basic metabolic panel", "0.6-1.3");
    private static readonly ObservationDefinition Sodium = Lab("2951-2", "Sodium [Moles/volume] in Serum or Plasma", "mmol/L", "laboratory", "Basic metabolic panel", "135-145");
    private static readonly ObservationDefinition Potassium = Lab("2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L", "laboratory", "Basic metabolic panel", "3.5-5.1");
    private static readonly ObservationDefinition Egfr = Lab("33914-3",
        "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum or Plasma by Creatinine-based formula (MDRD)",
        "mL/min/{1.73_m2}", "laboratory", "Basic metabolic panel", ">60");
    private static readonly ObservationDefinition Cholesterol = Lab("2093-3", "Cholesterol [Mass/volume] in Serum or Plasma", "mg/dL", "laboratory", "Lipid panel", "<200");
    private static readonly ObservationDefinition Hdl = Lab("2085-9", "Cholesterol in HDL [Mass/volume] in Serum or Plasma", "mg/dL", "laboratory", "Lipid panel", ">40");
    private static readonly ObservationDefinition Ldl = Lab("18262-6", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by Direct assay", "mg/dL", "laboratory", "Lipid panel", "<100");
    internal static readonly ObservationDefinition HemoglobinA1c = Lab("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%", "laboratory", range: "4.0-5.6");
    private static readonly ObservationDefinition Smoking = Lab("72166-2", "Tobacco smoking status", "{status}", "social-history");
    private static readonly ObservationDefinition Phq2 = Lab("55758-7", "Patient Health Questionnaire 2 item (PHQ-2) total score [Reported]", "{score}", "survey");

    /// <summary>A display longer than CE.2's 199 characters.</summary>
    private static readonly ObservationDefinition LongName = Lab("99999-9", string.Concat(Enumerable.Repeat("Very long laboratory test name ", 10)),
        "ng/mL", "laboratory");

    /// <summary>Delimiters, a line break and non-ASCII text in a display and in the units.</summary>
    private static readonly ObservationDefinition Awkward = Lab("12345-6", "Odd | test ^ with ~ every \\ delimiter & more\nsecond line – µ", "10*3/uL", "laboratory");

    private static ImmunizationDefinition Vaccine(string cvx, string display, int dose = 0) =>
        new(display, new[] { new Code(CodeSystems.Cvx, cvx, display) }) { DoseNumber = dose };

    internal static readonly ImmunizationDefinition Flu = Vaccine("140", "Influenza, seasonal, injectable, preservative free");

    private static readonly ImmunizationDefinition[] ChildVaccines =
    {
        Vaccine("08", "Hep B, adolescent or pediatric", 1), Vaccine("08", "Hep B, adolescent or pediatric", 2),
        Vaccine("20", "DTaP", 1), Vaccine("10", "IPV", 2), Vaccine("03", "MMR", 1), Vaccine("21", "varicella", 1),
    };

    private static readonly ImmunizationDefinition[] AdultVaccines =
    {
        Flu, Vaccine("115", "Tdap"), Vaccine("208", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose", 2),
        Vaccine("133", "Pneumococcal conjugate PCV 13"),
    };

    private static readonly AllergyDefinition[] Allergies =
    {
        new("Peanut", new[] { new Code(CodeSystems.Snomed, "91935009", "Allergy to peanuts") }) { Category = "food" },
        new("Penicillin", new[] { new Code(CodeSystems.RxNorm, "7980", "Penicillin G") }) { Category = "medication" },
        new("Dust mite", new[] { new Code(CodeSystems.Snomed, "232350006", "House dust mite allergy") }) { Category = "environment" },
        new("Bee venom", new[] { new Code(CodeSystems.Snomed, "288328004", "Allergy to bee venom") }) { Category = "biologic" },
    };

    private static readonly Code[] Reactions =
    {
        new(CodeSystems.Snomed, "247472004", "Wheal (finding)"),
        new(CodeSystems.Snomed, "39579001", "Anaphylaxis"),
        new(CodeSystems.Snomed, "271807003", "Eruption of skin (disorder)"),
        new(CodeSystems.Snomed, "267036007", "Dyspnea (finding)"),
    };

    private static readonly string?[] Severities = { "MILD", "MODERATE", "SEVERE", null };
}
