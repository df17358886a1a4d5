using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime;
using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Records;
using EncounterClass = SyntheticPatients.Runtime.Definitions.EncounterClass;

namespace SyntheticPatients.Exporters.Tests.Fhir;

/// <summary>
/// Realistic, deterministic patients for the FHIR tests, built by hand (seeded <see cref="Random"/> per patient):
/// every race and ethnicity, children and the elderly, deaths with and without a known cause, yearly wellness visits
/// with vital signs (blood pressure pairs and a few lone readings), laboratory panels with reference ranges, smoking
/// status and PHQ-2 surveys, chronic and acute conditions (some outside any encounter), medications with reasons,
/// procedures, immunization series, allergies with reactions, care plans addressing conditions, family history.
/// </summary>
public static class FhirTestPopulation
{
    public static readonly DateTime End = new(2026, 1, 1);

    private static readonly Guid[] Organizations =
    {
        new("7f000000-0000-4000-8000-00000000a001"), new("7f000000-0000-4000-8000-00000000a002"), new("7f000000-0000-4000-8000-00000000a003"),
    };

    private static readonly Guid[] Providers =
    {
        new("7f000000-0000-4000-8000-00000000b001"), new("7f000000-0000-4000-8000-00000000b002"), new("7f000000-0000-4000-8000-00000000b003"),
        new("7f000000-0000-4000-8000-00000000b004"), new("7f000000-0000-4000-8000-00000000b005"), new("7f000000-0000-4000-8000-00000000b006"),
    };

    private static readonly Guid Payer = new("7f000000-0000-4000-8000-00000000c001");

    private static Code Sct(string code, string display) => new(CodeSystems.Snomed, code, display);
    private static Code Lnc(string code, string display) => new(CodeSystems.Loinc, code, display);

    // Encounters.
    private static readonly EncounterDefinition Wellness = new("General examination of patient", EncounterClass.Wellness, new[] { Sct("162673000", "General examination of patient (procedure)") });
    private static readonly EncounterDefinition WellChild = new("Well child visit", EncounterClass.Wellness, new[] { Sct("410620009", "Well child visit (procedure)") });
    private static readonly EncounterDefinition Symptom = new("Encounter for symptom", EncounterClass.Ambulatory, new[] { Sct("185345009", "Encounter for symptom (procedure)") });
    private static readonly EncounterDefinition Emergency = new("Emergency room admission", EncounterClass.Emergency, new[] { Sct("50849002", "Emergency room admission (procedure)") });
    private static readonly EncounterDefinition Inpatient = new("Hospital admission", EncounterClass.Inpatient, new[] { Sct("32485007", "Hospital admission (procedure)") });
    private static readonly EncounterDefinition Telehealth = new("Telehealth consultation", EncounterClass.Virtual, new[] { Sct("448337001", "Telemedicine consultation with patient (procedure)") });
    private static readonly EncounterDefinition HomeVisit = new("Home visit", EncounterClass.Home, new[] { Sct("439708006", "Home visit (procedure)") });
    private static readonly EncounterDefinition Uncoded = new("Follow-up call", EncounterClass.Urgentcare, null);

    // Conditions.
    private static readonly ConditionDefinition Hypertension = new("Hypertension", new[] { new Code(CodeSystems.Icd10Cm, "I10", "Essential (primary) hypertension"), Sct("59621000", "Essential hypertension (disorder)") });
    private static readonly ConditionDefinition Diabetes = new("Diabetes", new[] { Sct("44054006", "Diabetes mellitus type 2 (disorder)"), new Code(CodeSystems.Icd10Cm, "E11.9", "Type 2 diabetes mellitus without complications") });
    private static readonly ConditionDefinition Asthma = new("Asthma", new[] { Sct("195967001", "Asthma (disorder)") });
    private static readonly ConditionDefinition Hyperlipidemia = new("Hyperlipidemia", new[] { Sct("55822004", "Hyperlipidemia (disorder)") });
    private static readonly ConditionDefinition Depression = new("Depression", new[] { new Code(CodeSystems.Icd10Cm, "F32.A", "Depression, unspecified") });
    private static readonly ConditionDefinition Sinusitis = new("Viral sinusitis", new[] { Sct("444814009", "Viral sinusitis (disorder)") });
    private static readonly ConditionDefinition Bronchitis = new("Acute bronchitis", new[] { Sct("10509002", "Acute bronchitis (disorder)") });
    private static readonly ConditionDefinition Fracture = new("Fracture of forearm", new[] { Sct("65966004", "Fracture of forearm (disorder)") }) { Status = "active" };
    private static readonly ConditionDefinition Stroke = new("Stroke", new[] { Sct("230690007", "Cerebrovascular accident (disorder)") });
    private static readonly ConditionDefinition Mi = new("Myocardial infarction", new[] { Sct("22298006", "Myocardial infarction (disorder)") });
    private static readonly ConditionDefinition BreastCancer = new("Breast cancer", new[] { Sct("254837009", "Malignant neoplasm of breast (disorder)") });
    private static readonly ConditionDefinition Uncodable = new("Free-text concern", null);

    // Medications.
    private static readonly MedicationDefinition Lisinopril = new("Lisinopril", new[] { new Code(CodeSystems.RxNorm, "314076", "lisinopril 10 MG Oral Tablet") }) { Dose = "10 mg orally once daily" };
    private static readonly MedicationDefinition Metformin = new("Metformin", new[] { new Code(CodeSystems.RxNorm, "860975", "24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet") }) { Dose = "500 mg orally twice daily" };
    private static readonly MedicationDefinition Albuterol = new("Albuterol", new[] { new Code(CodeSystems.RxNorm, "745679", "200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler") });
    private static readonly MedicationDefinition Amoxicillin = new("Amoxicillin", new[] { new Code(CodeSystems.RxNorm, "308182", "amoxicillin 250 MG Oral Capsule") }) { Dose = "250 mg three times daily for 10 days" };
    private static readonly MedicationDefinition Simvastatin = new("Simvastatin", new[] { new Code(CodeSystems.RxNorm, "312961", "simvastatin 20 MG Oral Tablet"), new Code(CodeSystems.Ndc, "0093-7153-98", null) });

    // Observations.
    private static ObservationDefinition O(string code, string display, string units, string category, string? range = null)
        => new(display, new[] { Lnc(code, display) }) { Units = units, Category = category, ReferenceRange = range };

    private static readonly ObservationDefinition Height = O("8302-2", "Body Height", "cm", "vital-signs");
    private static readonly ObservationDefinition Weight = O("29463-7", "Body Weight", "kg", "vital-signs");
    private static readonly ObservationDefinition Bmi = O("39156-5", "Body mass index (BMI) [Ratio]", "kg/m2", "vital-signs");
    private static readonly ObservationDefinition HeadCircumference = O("9843-4", "Head Occipital-frontal circumference", "cm", "vital-signs");
    private static readonly ObservationDefinition Systolic = O("8480-6", "Systolic Blood Pressure", "mm[Hg]", "vital-signs");
    private static readonly ObservationDefinition Diastolic = O("8462-4", "Diastolic Blood Pressure", "mm[Hg]", "vital-signs");
    private static readonly ObservationDefinition HeartRate = O("8867-4", "Heart rate", "/min", "vital-signs");
    private static readonly ObservationDefinition RespiratoryRate = O("9279-1", "Respiratory rate", "/min", "vital-signs");
    private static readonly ObservationDefinition Temperature = O("8310-5", "Body temperature", "Cel", "vital-signs");
    private static readonly ObservationDefinition OxygenSaturation = O("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%", "vital-signs");
    private static readonly ObservationDefinition A1c = O("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%", "laboratory", "4.0-5.6");
    private static readonly ObservationDefinition Cholesterol = O("2093-3", "Cholesterol [Mass/volume] in Serum or Plasma", "mg/dL", "laboratory", "<200");
    private static readonly ObservationDefinition Hdl = O("2085-9", "Cholesterol in HDL [Mass/volume] in Serum or Plasma", "mg/dL", "laboratory", ">40");
    private static readonly ObservationDefinition Egfr = O("33914-3", "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum or Plasma by Creatinine-based formula (MDRD)", "mL/min/{1.73_m2}", "laboratory", ">=60");
    private static readonly ObservationDefinition Glucose = O("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "mg/dL", "laboratory", "70-99");
    private static readonly ObservationDefinition SarsCov2 = O("94531-1", "SARS-CoV-2 (COVID-19) RNA panel - Respiratory specimen by NAA with probe detection", "{presence}", "laboratory");
    private static readonly ObservationDefinition SmokingStatus = O("72166-2", "Tobacco smoking status", "{status}", "social-history");
    private static readonly ObservationDefinition Phq2 = O("55758-7", "Patient Health Questionnaire 2 item (PHQ-2) total score [Reported]", "{score}", "survey");
    private static readonly ObservationDefinition PainSeverity = new("Pain severity", new[] { Lnc("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported") }) { Units = "{score}" };

    // Procedures, immunizations, allergies, care plans.
    private static readonly ProcedureDefinition Ekg = new("Electrocardiogram", new[] { new Code(CodeSystems.Cpt, "93000", "Electrocardiogram, routine ECG with at least 12 leads"), Sct("29303009", "Electrocardiographic procedure (procedure)") });
    private static readonly ProcedureDefinition MedReconciliation = new("Medication reconciliation", new[] { Sct("430193006", "Medication reconciliation (procedure)") });
    private static readonly ProcedureDefinition Spirometry = new("Spirometry", new[] { Sct("127783003", "Spirometry (procedure)") });
    private static readonly ProcedureDefinition Mammography = new("Mammography", new[] { Sct("71651007", "Mammography (procedure)") });

    private static readonly ImmunizationDefinition Flu = new("Influenza", new[] { new Code(CodeSystems.Cvx, "140", "Influenza, seasonal, injectable, preservative free") });
    private static readonly ImmunizationDefinition Td = new("Td", new[] { new Code(CodeSystems.Cvx, "113", "Td (adult) preservative free") });
    private static readonly ImmunizationDefinition Covid1 = new("COVID-19 dose 1", new[] { new Code(CodeSystems.Cvx, "208", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose") }) { DoseNumber = 1 };
    private static readonly ImmunizationDefinition Covid2 = new("COVID-19 dose 2", new[] { new Code(CodeSystems.Cvx, "208", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose") }) { DoseNumber = 2 };
    private static readonly ImmunizationDefinition HepB1 = new("Hep B dose 1", new[] { new Code(CodeSystems.Cvx, "08", "Hep B, adolescent or pediatric") }) { DoseNumber = 1 };

    private static readonly AllergyDefinition Peanut = new("Peanut", new[] { Sct("91935009", "Allergy to peanuts (finding)") }) { Category = "food" };
    private static readonly AllergyDefinition Penicillin = new("Penicillin V", new[] { new Code(CodeSystems.RxNorm, "7980", "Penicillin G") }) { Category = "medication" };
    private static readonly AllergyDefinition DustMite = new("House dust mite", new[] { Sct("260147004", "House dust mite (organism)") }) { Category = "environment" };
    private static readonly Code Hives = Sct("247472004", "Wheal (finding)");
    private static readonly Code Anaphylaxis = Sct("39579001", "Anaphylaxis (disorder)");
    private static readonly Code Rash = Sct("271807003", "Eruption of skin (disorder)");

    private static CarePlanActivity Act(string code, string display, string? status = "in-progress") => new(display, status, new[] { Sct(code, display) });

    private static readonly CarePlanDefinition HypertensionPlan = new("Lifestyle education regarding hypertension", new[] { Sct("443402002", "Lifestyle education regarding hypertension (procedure)") })
    {
        Activities = new[] { Act("386463000", "Prescribed activity/exercise education (procedure)"), Act("1151000175103", "Dietary approaches to stop hypertension diet (regime/therapy)") },
    };

    private static readonly CarePlanDefinition DiabetesPlan = new("Diabetes self management plan", new[] { Sct("698360004", "Diabetes self management plan (record artifact)") })
    {
        Activities = new[] { Act("160670007", "Diabetic diet (finding)"), Act("229065009", "Exercise therapy (regime/therapy)", status: null) },
    };

    private static readonly CarePlanDefinition AsthmaPlan = new("Asthma self management", new[] { Sct("699728000", "Asthma self management (record artifact)") })
    {
        Activities = new[] { Act("708409001", "Inhaled steroid therapy (regime/therapy)"), Act("710081004", "Smoking cessation therapy & <education> (regime/therapy)", "not-started") },
    };

    private static readonly CarePlanDefinition FracturePlan = new("Fracture care", new[] { Sct("385691007", "Fracture care (regime/therapy)") });

    private static readonly string[] Races = { "white", "black", "asian", "native", "hawaiian", "other" };
    private static readonly string[] Languages = { "English", "English", "English", "Spanish", "Vietnamese", "Chinese", "Tagalog", "Haitian Creole" };
    private static readonly string[] FemaleNames = { "Anna", "Maria", "Aaliyah", "Mei", "Sofía", "Grace", "Nguyễn Thị", "Zoë" };
    private static readonly string[] MaleNames = { "James", "José", "Wei", "Malik", "Liam", "Omar", "Björn", "Hiroshi" };
    private static readonly string[] LastNames = { "Smith", "García", "Nguyen", "O'Brien", "Johnson", "Kowalski", "Okafor", "Müller", "Lee", "Haddad" };
    private static readonly (string City, string County, string Fips, string Zip, double Lat, double Lon)[] Places =
    {
        ("Boston", "Suffolk County", "25025", "02110", 42.3601, -71.0589),
        ("Worcester", "Worcester County", "25027", "01608", 42.2626, -71.8023),
        ("Springfield", "Hampden County", "25013", "01103", 42.1015, -72.5898),
        ("Lowell", "Middlesex County", "25017", "01852", 42.6334, -71.3162),
    };

    /// <summary>Patients 0..count-1: the same ones on every call.</summary>
    public static PatientRecord[] Create(int count) => Enumerable.Range(0, count).Select(i => Create((long)i)).ToArray();

    public static PatientRecord Create(long index)
    {
        var rnd = new Random(unchecked((int)(7919 * index + 17)));
        var record = new PatientRecord { Index = index };
        var d = record.Demographics;
        d.Id = NewId(rnd);
        d.Mrn = "MRN" + (100000 + index);
        d.Ssn = $"999-{rnd.Next(10, 100)}-{rnd.Next(1000, 10000)}";
        d.Gender = index % 11 == 10 ? Gender.Unknown : rnd.Next(2) == 0 ? Gender.Female : Gender.Male;
        d.First = d.Gender == Gender.Male ? MaleNames[rnd.Next(MaleNames.Length)] : FemaleNames[rnd.Next(FemaleNames.Length)];
        d.Middle = rnd.Next(3) == 0 ? "Lee" : null;
        d.Last = LastNames[rnd.Next(LastNames.Length)];
        d.Race = Races[(int)(index % Races.Length)];
        d.Ethnicity = index % 4 == 0 ? "hispanic" : index % 23 == 5 ? "" : "nonhispanic";
        d.BirthDate = new DateTime(1935, 1, 1).AddDays(rnd.Next(0, 365 * 90)).AddMinutes(rnd.Next(0, 1440));
        d.SimulationEnd = End;
        int age = d.AgeAt(End);
        bool adult = age >= 18;
        d.Prefix = adult ? (d.Gender == Gender.Male ? "Mr." : d.Gender == Gender.Female ? "Ms." : null) : null;
        d.Suffix = adult && rnd.Next(20) == 0 ? "Jr." : null;
        d.Marital = adult ? "MSDW"[rnd.Next(4)].ToString() : null;
        d.Maiden = d.Gender == Gender.Female && d.Marital == "M" && rnd.Next(2) == 0 ? "Järvinen" : null;
        d.Drivers = adult && rnd.Next(3) > 0 ? "S999" + rnd.Next(10000, 100000) : null;
        d.Passport = adult && rnd.Next(4) == 0 ? "X" + rnd.Next(10000000, 100000000) + "X" : null;
        var place = Places[rnd.Next(Places.Length)];
        d.Birthplace = index % 17 == 3 ? "Tampere Finland" : $"{place.City}, Massachusetts, US";
        d.Address = rnd.Next(5) == 0 ? $"{rnd.Next(1, 999)} Elm St\nApt {rnd.Next(1, 40)}" : $"{rnd.Next(1, 999)} Main St";
        d.City = place.City;
        d.State = "Massachusetts";
        d.County = place.County;
        d.Fips = place.Fips;
        d.Zip = place.Zip;
        d.Latitude = place.Lat + rnd.NextDouble() / 100;
        d.Longitude = place.Lon - rnd.NextDouble() / 100;
        d.Phone = $"555-{rnd.Next(100, 1000)}-{rnd.Next(1000, 10000)}";
        d.Language = Languages[rnd.Next(Languages.Length)];
        d.Smoking = adult ? (rnd.Next(3) == 0 ? "former" : rnd.Next(4) == 0 ? "current" : "never") : "never";
        d.Income = rnd.Next(15000, 200000);

        var b = new Builder(record, rnd);
        b.Fill(age);
        return record;
    }

    private static Guid NewId(Random rnd)
    {
        Span<byte> bytes = stackalloc byte[16];
        rnd.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private sealed class Builder
    {
        private readonly PatientRecord _r;
        private readonly Random _rnd;
        private readonly Guid _organization;
        private readonly Guid _provider;

        public Builder(PatientRecord record, Random rnd)
        {
            _r = record;
            _rnd = rnd;
            _organization = Organizations[rnd.Next(Organizations.Length)];
            _provider = Providers[rnd.Next(Providers.Length)];
        }

        private DateTime Birth => _r.Demographics.BirthDate;

        public void Fill(int ageAtEnd)
        {
            // About one patient in seven dies before the end; a few of them of an unknown cause.
            DateTime end = End;
            if (_rnd.Next(7) == 0 && ageAtEnd > 2)
            {
                end = Birth.AddDays(_rnd.Next(365 * 2, (int)(End - Birth).TotalDays - 1));
            }
            var last = end;
            var first = Max(Birth.AddDays(14), end.AddYears(-8));

            var chronic = new List<(ConditionDefinition Condition, ConditionRecord Record)>();
            int visit = 0;
            for (var t = first.Date.AddHours(9).AddMinutes(_rnd.Next(0, 480)); t < last; t = t.AddDays(_rnd.Next(300, 430)), visit++)
            {
                int age = _r.Demographics.AgeAt(t);
                var e = Encounter(age < 18 ? WellChild : Wellness, t, 30, reason: null);
                Vitals(t, e, age);
                if (age >= 18)
                {
                    Observation(SmokingStatus, t, e, double.NaN, _r.Demographics.Smoking switch
                    {
                        "former" => "Ex-smoker (finding)",
                        "current" => _rnd.Next(2) == 0 ? "Smokes tobacco daily (finding)" : "Smokes tobacco on some days",
                        _ => "Never smoked tobacco (finding)",
                    });
                    Observation(Phq2, t, e, _rnd.Next(0, 7));
                }
                if (age >= 30 && visit % 2 == 0) Labs(t, e);
                if (_rnd.Next(2) == 0) _r.Immunizations.Add(new ImmunizationRecord(t, e, Flu, 136m, "baseline"));
                if (age >= 40 && _rnd.Next(3) == 0) _r.Procedures.Add(new ProcedureRecord(t, t.AddMinutes(15), e, Ekg, 250m, null, "baseline"));
                if (age < 2 && visit == 0) _r.Immunizations.Add(new ImmunizationRecord(t, e, HepB1, 90m, "baseline"));
                if (age >= 50 && _r.Demographics.Gender == Gender.Female && _rnd.Next(2) == 0)
                {
                    _r.Procedures.Add(new ProcedureRecord(t.AddMinutes(30), t.AddMinutes(50), e, Mammography, 300m, null, "baseline"));
                }

                // Chronic diagnoses appear at wellness visits.
                if (age >= 35) MaybeChronic(Hypertension, HypertensionPlan, Lisinopril, t, e, 0.12, chronic);
                if (age >= 40) MaybeChronic(Diabetes, DiabetesPlan, Metformin, t, e, 0.06, chronic);
                if (age >= 3) MaybeChronic(Asthma, AsthmaPlan, Albuterol, t, e, 0.03, chronic);
                if (age >= 45) MaybeChronic(Hyperlipidemia, null, Simvastatin, t, e, 0.06, chronic);

                if (chronic.Count > 0 && _rnd.Next(3) == 0)
                {
                    _r.Procedures.Add(new ProcedureRecord(t.AddMinutes(20), t.AddMinutes(35), e, MedReconciliation, 100m, chronic[0].Condition.PrimaryCode, "baseline"));
                }

                // Acute problems between wellness visits.
                var sick = t.AddDays(_rnd.Next(30, 200));
                if (sick < last && _rnd.Next(3) == 0) Acute(sick);
            }

            // Immunizations for adults in 2021.
            var covid = new DateTime(2021, 4, 10, 10, 0, 0);
            if (covid > Birth.AddYears(12) && covid < last && _rnd.Next(3) > 0)
            {
                var e1 = Encounter(Symptom, covid, 15, null);
                _r.Immunizations.Add(new ImmunizationRecord(covid, e1, Covid1, 0m, "baseline"));
                if (covid.AddDays(21) < last) _r.Immunizations.Add(new ImmunizationRecord(covid.AddDays(21), null, Covid2, 0m, "baseline"));
            }
            if (ageAtEnd >= 20 && _rnd.Next(4) == 0)
            {
                var td = Max(first, Birth.AddYears(19)).AddDays(40);
                if (td < last) _r.Immunizations.Add(new ImmunizationRecord(td, null, Td, 50m, "baseline"));
            }

            Allergies(first, last);
            FamilyHistory(first);
            if (_rnd.Next(8) == 0) _r.Conditions.Add(new ConditionRecord(first.AddDays(3), null, null, Uncodable, "baseline"));
            if (_rnd.Next(6) == 0 && first.AddDays(10) < last)
            {
                // A follow-up call with an uncoded encounter type, no provider and a pain score without a category.
                var call = first.AddDays(10);
                var id = NewId(_rnd);
                _r.Encounters.Add(new EncounterRecord(id, call, call.AddMinutes(10), Uncoded, Guid.Empty, Guid.Empty, null, 20m, null, "baseline"));
                Observation(PainSeverity, call, id, _rnd.Next(0, 11));
            }

            if (end < End)
            {
                var cause = _rnd.Next(5) == 0 ? null : chronic.Count > 0 && _rnd.Next(2) == 0 ? chronic[0].Condition : new[] { Stroke, Mi, BreastCancer }[_rnd.Next(3)];
                Guid? encounter = null;
                if (_rnd.Next(2) == 0)
                {
                    var admitted = end.AddDays(-2);
                    encounter = Encounter(Inpatient, admitted, 60 * 47, cause?.PrimaryCode);
                    if (cause is not null && !chronic.Any(c => c.Condition == cause))
                    {
                        _r.Conditions.Add(new ConditionRecord(admitted, null, encounter, cause, "baseline"));
                    }
                }
                _r.Death = new DeathRecord(end, cause, encounter, "natural", "baseline");
            }
        }

        private Guid Encounter(EncounterDefinition definition, DateTime start, int minutes, Code? reason)
        {
            var id = NewId(_rnd);
            var organization = definition.Class is EncounterClass.Emergency or EncounterClass.Inpatient ? Organizations[2] : _organization;
            var provider = definition.Class is EncounterClass.Emergency or EncounterClass.Inpatient ? Providers[5] : _provider;
            _r.Encounters.Add(new EncounterRecord(id, start, start.AddMinutes(minutes), definition, organization, provider,
                _rnd.Next(5) == 0 ? null : Payer, 85m + _rnd.Next(0, 100), reason, "baseline"));
            return id;
        }

        private void Observation(ObservationDefinition definition, DateTime date, Guid? encounter, double value, string? text = null) =>
            _r.Observations.Add(new ObservationRecord(date, encounter, definition, text is null ? value : double.NaN, text, "baseline"));

        private double Round(double value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

        private void Vitals(DateTime t, Guid encounter, int age)
        {
            double height = age < 18 ? 50 + age * 6.5 + _rnd.NextDouble() * 5 : 150 + _rnd.NextDouble() * 40;
            double weight = age < 18 ? 3.5 + age * 3.2 + _rnd.NextDouble() * 3 : 50 + _rnd.NextDouble() * 60;
            Observation(Height, t, encounter, Round(height, 1));
            Observation(Weight, t, encounter, Round(weight, 1));
            Observation(Bmi, t, encounter, Round(weight / Math.Pow(height / 100, 2), 2));
            if (age < 3) Observation(HeadCircumference, t, encounter, Round(35 + age * 6 + _rnd.NextDouble() * 2, 1));
            if (age >= 3)
            {
                // Usually a pair (one blood pressure panel); now and then a systolic alone or a diastolic first.
                int shape = _rnd.Next(12);
                double sys = _rnd.Next(95, 165), dia = _rnd.Next(55, 100);
                if (shape == 0)
                {
                    Observation(Systolic, t, encounter, sys);
                }
                else if (shape == 1)
                {
                    Observation(Diastolic, t, encounter, dia);
                    Observation(Systolic, t, encounter, sys);
                }
                else
                {
                    Observation(Systolic, t, encounter, sys);
                    Observation(Diastolic, t, encounter, dia);
                }
            }
            Observation(HeartRate, t, encounter, _rnd.Next(55, 110));
            Observation(RespiratoryRate, t, encounter, _rnd.Next(12, 22));
            if (_rnd.Next(3) == 0) Observation(Temperature, t, encounter, Round(36.2 + _rnd.NextDouble() * 1.6, 1));
            if (_rnd.Next(3) == 0) Observation(OxygenSaturation, t, encounter, _rnd.Next(93, 100));
        }

        private void Labs(DateTime t, Guid encounter)
        {
            var at = t.AddMinutes(45);
            Observation(A1c, at, encounter, Round(4.8 + _rnd.NextDouble() * 3, 1));
            Observation(Glucose, at, encounter, _rnd.Next(70, 160));
            Observation(Cholesterol, at, encounter, _rnd.Next(140, 260));
            Observation(Hdl, at, encounter, _rnd.Next(30, 80));
            Observation(Egfr, at, encounter, _rnd.Next(0, 8) == 0 ? 0.1 + 0.2 : _rnd.Next(40, 120));
            if (_rnd.Next(5) == 0) Observation(SarsCov2, at, encounter, double.NaN, _rnd.Next(4) == 0 ? "Detected (qualifier value)" : "Not detected (qualifier value)");
            if (_rnd.Next(25) == 0) Observation(Glucose, at.AddMinutes(1), encounter, double.NaN); // result lost: data absent
        }

        private void MaybeChronic(ConditionDefinition condition, CarePlanDefinition? plan, MedicationDefinition medication, DateTime t, Guid encounter,
            double chance, List<(ConditionDefinition, ConditionRecord)> chronic)
        {
            if (chronic.Any(c => c.Item1 == condition) || _rnd.NextDouble() >= chance) return;
            var record = new ConditionRecord(t, null, encounter, condition, "baseline");
            _r.Conditions.Add(record);
            chronic.Add((condition, record));
            var reason = condition.CodeOf(CodeSystems.Snomed) ?? condition.PrimaryCode;
            _r.Medications.Add(new MedicationRecord(t, _rnd.Next(4) == 0 ? t.AddYears(2) : null, encounter, medication, Payer, 12.5m, 12, reason, "baseline"));
            if (plan is not null && _rnd.Next(4) > 0)
            {
                _r.CarePlans.Add(new CarePlanRecord(NewId(_rnd), t.Date, _rnd.Next(5) == 0 ? t.Date.AddYears(1) : null, encounter, plan, reason, "baseline"));
            }
            if (condition == Asthma) _r.Procedures.Add(new ProcedureRecord(t.AddMinutes(10), t.AddMinutes(40), encounter, Spirometry, 150m, reason, "baseline"));
        }

        private void Acute(DateTime t)
        {
            switch (_rnd.Next(4))
            {
                case 0:
                {
                    var e = Encounter(Symptom, t, 20, Sinusitis.PrimaryCode);
                    _r.Conditions.Add(new ConditionRecord(t, t.AddDays(_rnd.Next(7, 20)), e, Sinusitis, "baseline"));
                    break;
                }
                case 1:
                {
                    var e = Encounter(_rnd.Next(2) == 0 ? Telehealth : Symptom, t, 15, Bronchitis.PrimaryCode);
                    _r.Conditions.Add(new ConditionRecord(t, t.AddDays(_rnd.Next(10, 30)), e, Bronchitis, "baseline"));
                    _r.Medications.Add(new MedicationRecord(t, t.AddDays(10), e, Amoxicillin, Payer, 8.25m, 1, Bronchitis.PrimaryCode, "baseline"));
                    break;
                }
                case 2:
                {
                    var e = Encounter(Emergency, t, 180, Fracture.PrimaryCode);
                    _r.Conditions.Add(new ConditionRecord(t, t.AddDays(_rnd.Next(40, 90)), e, Fracture, "baseline"));
                    _r.CarePlans.Add(new CarePlanRecord(NewId(_rnd), t.Date, t.Date.AddDays(60), e, FracturePlan, Fracture.PrimaryCode, "baseline"));
                    break;
                }
                default:
                {
                    var e = Encounter(HomeVisit, t, 45, null);
                    Observation(HeartRate, t, e, _rnd.Next(55, 110));
                    _r.Conditions.Add(new ConditionRecord(t.AddDays(-3), t.AddDays(5), null, Sinusitis, "baseline"));
                    break;
                }
            }
        }

        private void Allergies(DateTime first, DateTime last)
        {
            if (_rnd.Next(5) == 0)
            {
                _r.Allergies.Add(new AllergyRecord(Max(Birth.AddYears(1), first.AddDays(-400)).Date, null, null, Peanut, "allergy", "food",
                    Hives, "MILD", _rnd.Next(3) == 0 ? Anaphylaxis : null, "SEVERE", "baseline"));
            }
            if (_rnd.Next(8) == 0)
            {
                var e = _r.Encounters.Count > 0 ? _r.Encounters[0].Id : (Guid?)null;
                _r.Allergies.Add(new AllergyRecord(first.Date, _rnd.Next(3) == 0 ? last.Date : null, e, Penicillin, "intolerance", "medication",
                    Rash, "moderate", null, null, "baseline"));
            }
            if (_rnd.Next(10) == 0)
            {
                _r.Allergies.Add(new AllergyRecord(first.Date, null, null, DustMite, "allergy", "environment", null, null, null, null, "baseline"));
            }
        }

        private void FamilyHistory(DateTime first)
        {
            var recorded = first.Date;
            if (_rnd.Next(3) > 0) _r.FamilyHistory.Add(new FamilyHistoryRecord(NewId(_rnd), "MTH", "mother", Hypertension, _rnd.Next(40, 70), false, recorded));
            if (_rnd.Next(3) == 0) _r.FamilyHistory.Add(new FamilyHistoryRecord(NewId(_rnd), "FTH", "father", Mi, _rnd.Next(50, 80), true, recorded));
            if (_rnd.Next(5) == 0) _r.FamilyHistory.Add(new FamilyHistoryRecord(NewId(_rnd), "SIS", "sister", Depression, null, false, recorded));
            if (_rnd.Next(7) == 0) _r.FamilyHistory.Add(new FamilyHistoryRecord(NewId(_rnd), "GRMTH", "grandmother", BreastCancer, _rnd.Next(55, 85), true, recorded));
            if (_rnd.Next(12) == 0) _r.FamilyHistory.Add(new FamilyHistoryRecord(NewId(_rnd), "COUSN", "cousin", Diabetes, 0, false, recorded));
        }

        private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    }
}
