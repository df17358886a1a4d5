using BenchmarkDotNet.Attributes;
using SyntheticPatients.Exporters;
using SyntheticPatients.Language.Model;
using SyntheticPatients.Runtime;
using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Records;
using EncounterClass = SyntheticPatients.Runtime.Definitions.EncounterClass;

namespace SyntheticPatients.Benchmarks;

/// <summary>
/// The exporters end to end: 1,000 patients shaped like a run's (about 20 encounters, 56 observations, 12
/// immunizations... ≈ 135 rows each) written to files in a fresh directory under the temp folder, as the
/// orchestrator would call them (one thread, patient by patient).
/// </summary>
[MemoryDiagnoser]
public class ExporterBenchmarks : FileOutputBenchmark
{
    [Params(1_000)]
    public int Patients { get; set; }

    private PatientRecord[] _patients = Array.Empty<PatientRecord>();

    [GlobalSetup]
    public void Setup() => _patients = SamplePatients.Create(Patients);

    [Benchmark(Baseline = true, Description = "CsvExporter")]
    public long Csv() => WriteAll(new CsvExporter(OutputDirectory), _patients);

    [Benchmark(Description = "ParquetExporter")]
    public long Parquet() => WriteAll(new ParquetExporter(OutputDirectory), _patients);
}

/// <summary>Deterministic patients with realistic row counts and values.</summary>
public static class SamplePatients
{
    private static readonly EncounterDefinition[] EncounterTypes =
    {
        new("Wellness", EncounterClass.Wellness, new[] { new Code(CodeSystems.Snomed, "410620009", "Well child visit (procedure)") }),
        new("Symptom", EncounterClass.Ambulatory, new[] { new Code(CodeSystems.Snomed, "185345009", "Encounter for symptom") }),
        new("Emergency", EncounterClass.Emergency, new[] { new Code(CodeSystems.Snomed, "50849002", "Emergency room admission") }),
    };

    private static readonly ConditionDefinition[] ConditionTypes =
    {
        new("Hypertension", new[] { new Code(CodeSystems.Icd10Cm, "I10", "Essential (primary) hypertension"), new Code(CodeSystems.Snomed, "59621000", "Essential hypertension (disorder)") }),
        new("Prediabetes", new[] { new Code(CodeSystems.Snomed, "714628002", "Prediabetes (finding)") }),
        new("Viral sinusitis", new[] { new Code(CodeSystems.Snomed, "444814009", "Viral sinusitis (disorder)") }),
    };

    private static readonly MedicationDefinition Medication =
        new("Lisinopril", new[] { new Code(CodeSystems.RxNorm, "314076", "lisinopril 10 MG Oral Tablet") });

    private static readonly ObservationDefinition[] ObservationTypes =
    {
        new("Body Height", new[] { new Code(CodeSystems.Loinc, "8302-2", "Body Height") }) { Units = "cm", Category = "vital-signs" },
        new("Body Weight", new[] { new Code(CodeSystems.Loinc, "29463-7", "Body Weight") }) { Units = "kg", Category = "vital-signs" },
        new("Systolic", new[] { new Code(CodeSystems.Loinc, "8480-6", "Systolic Blood Pressure") }) { Units = "mm[Hg]", Category = "vital-signs" },
        new("Cholesterol", new[] { new Code(CodeSystems.Loinc, "2093-3", "Cholesterol [Mass/volume] in Serum or Plasma") }) { Units = "mg/dL", Category = "laboratory" },
        new("GFR", new[] { new Code(CodeSystems.Loinc, "33914-3", "Glomerular filtration rate/1.73 sq M.predicted, \"MDRD\"") }) { Units = "mL/min/{1.73_m2}", Category = "laboratory" },
    };

    private static readonly ProcedureDefinition Procedure =
        new("Medication review", new[] { new Code(CodeSystems.Snomed, "314529007", "Medication review due (situation)") });

    private static readonly ImmunizationDefinition Immunization =
        new("Influenza", new[] { new Code(CodeSystems.Cvx, "140", "Influenza, seasonal, injectable, preservative free") });

    private static readonly CarePlanDefinition CarePlan =
        new("Lifestyle education", new[] { new Code(CodeSystems.Snomed, "443402002", "Lifestyle education regarding hypertension (procedure)") });

    private static readonly AllergyDefinition Allergy =
        new("Peanut", new[] { new Code(CodeSystems.Snomed, "91935009", "Allergy to peanuts") }) { Category = "food" };

    private static readonly Code Reaction = new(CodeSystems.Snomed, "247472004", "Wheal (finding)");

    public static PatientRecord[] Create(int count)
    {
        var rng = new Random(12345);
        var patients = new PatientRecord[count];
        for (int i = 0; i < count; i++) patients[i] = Create(i, rng);
        return patients;
    }

    private static Guid Id(Random rng)
    {
        Span<byte> b = stackalloc byte[16];
        rng.NextBytes(b);
        return new Guid(b);
    }

    private static PatientRecord Create(long index, Random rng)
    {
        var birth = new DateTime(1940, 1, 1).AddDays(rng.Next(0, 365 * 80));
        var p = new PatientRecord { Index = index };
        p.Demographics = new Demographics
        {
            Id = Id(rng), Ssn = $"999-{rng.Next(10, 99)}-{rng.Next(1000, 9999)}", First = "Anna", Middle = "Maria", Last = "Smith",
            Prefix = "Mrs.", Marital = "M", Gender = Gender.Female, Race = "white", Ethnicity = "nonhispanic", BirthDate = birth,
            SimulationEnd = new DateTime(2026, 1, 1), Birthplace = "Boston, Massachusetts, US", Address = $"{rng.Next(1, 999)} Main Street",
            City = "Boston", State = "Massachusetts", County = "Suffolk County", Fips = "25025", Zip = "02110",
            Latitude = 42.0 + rng.NextDouble(), Longitude = -71.0 - rng.NextDouble(), Income = rng.Next(10_000, 200_000),
            HealthcareExpenses = rng.Next(0, 1_000_000) / 100m, HealthcareCoverage = rng.Next(0, 1_000_000) / 100m,
        };
        var payer = Id(rng);
        var t = birth;
        for (int e = 0; e < 20; e++)
        {
            t = t.AddDays(rng.Next(30, 700)).AddMinutes(rng.Next(0, 600));
            var encounter = Id(rng);
            p.Encounters.Add(new EncounterRecord(encounter, t, t.AddMinutes(30), EncounterTypes[rng.Next(EncounterTypes.Length)], payer, payer,
                payer, rng.Next(5000, 20000) / 100m, null, "baseline"));
            if (e % 2 == 0) p.Conditions.Add(new ConditionRecord(t, e % 4 == 0 ? t.AddDays(10) : null, encounter, ConditionTypes[rng.Next(ConditionTypes.Length)], "baseline"));
            if (e % 5 == 0) p.Medications.Add(new MedicationRecord(t, null, encounter, Medication, payer, 12.34m, rng.Next(1, 24), null, "baseline"));
            for (int o = 0; o < 3; o++)
            {
                var d = ObservationTypes[rng.Next(ObservationTypes.Length)];
                p.Observations.Add(new ObservationRecord(t, encounter, d, Math.Round(50 + rng.NextDouble() * 100, 1), null, "baseline"));
            }
            if (e % 2 == 1) p.Procedures.Add(new ProcedureRecord(t, t.AddMinutes(15), encounter, Procedure, 500m, null, "baseline"));
            if (e % 2 == 0) p.Immunizations.Add(new ImmunizationRecord(t, encounter, Immunization, 136m, "baseline"));
        }
        for (int o = 0; o < 16; o++)
        {
            var d = ObservationTypes[rng.Next(ObservationTypes.Length)];
            p.Observations.Add(new ObservationRecord(t, null, d, Math.Round(50 + rng.NextDouble() * 100, 1), null, "baseline"));
        }
        p.Immunizations.Add(new ImmunizationRecord(t, null, Immunization, 136m, "baseline"));
        p.Immunizations.Add(new ImmunizationRecord(t, null, Immunization, 136m, "baseline"));
        p.Allergies.Add(new AllergyRecord(birth.AddYears(3), null, null, Allergy, "allergy", "food", Reaction, "mild", null, null, "baseline"));
        p.CarePlans.Add(new CarePlanRecord(Id(rng), t, null, null, CarePlan, null, "baseline"));
        p.CarePlans.Add(new CarePlanRecord(Id(rng), t, t.AddDays(90), null, CarePlan, null, "baseline"));
        p.FamilyHistory.Add(new FamilyHistoryRecord(Id(rng), "MTH", "mother", ConditionTypes[0], 55, false, t));
        p.FamilyHistory.Add(new FamilyHistoryRecord(Id(rng), "FTH", "father", ConditionTypes[1], null, true, t));
        p.ModuleAttributes.Add(new ModuleAttributeRecord("sample_hypertension", "severity", "moderate"));
        p.ModuleAttributes.Add(new ModuleAttributeRecord("sample_asthma", "atopic", "true"));
        if (index % 10 == 0) p.Death = new DeathRecord(t.AddDays(5), ConditionTypes[0], null, "natural", "baseline");
        return p;
    }
}
