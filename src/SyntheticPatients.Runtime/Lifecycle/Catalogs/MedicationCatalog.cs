using SyntheticPatients.Runtime.Definitions;
using static SyntheticPatients.Runtime.Lifecycle.Catalogs.Terms;

namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>A drug product with its price per dispense (USD, rounded from NADAC / Synthea cost tables).</summary>
public sealed record MedicationOption(MedicationDefinition Medication, double Weight, decimal CostPerDispense);

/// <summary>First-line treatment of a condition: who gets it, which products, and an optional later add-on.</summary>
public sealed class TherapySpec
{
    public required ConditionDefinition Condition { get; init; }

    /// <summary>Share of diagnosed patients who get a prescription.</summary>
    public double TreatedShare { get; init; } = 0.8;

    public required IReadOnlyList<MedicationOption> FirstLine { get; init; }

    /// <summary>A second agent added at a later follow-up for this share of treated patients.</summary>
    public IReadOnlyList<MedicationOption> AddOn { get; init; } = Array.Empty<MedicationOption>();

    public double AddOnShare { get; init; }

    /// <summary>Chronic therapy runs until the condition resolves (or the record ends); acute has a course length.</summary>
    public bool Chronic { get; init; } = true;

    public int CourseMinDays { get; init; } = 5;

    public int CourseMaxDays { get; init; } = 10;

    public double MinAge { get; init; }
}

/// <summary>First-line medications by condition, as RxNorm semantic clinical drugs (SCD) with their display names.</summary>
public static class MedicationCatalog
{
    private static MedicationDefinition Drug(string code, string display, string therapeuticClass, string? reason = null)
        => new(display, new[] { Rx(code, display) }) { TherapeuticClass = therapeuticClass, Reason = reason };

    // Cardiovascular and metabolic.
    public static readonly MedicationDefinition Lisinopril = Drug("314076", "lisinopril 10 MG Oral Tablet", "ACE inhibitor");
    public static readonly MedicationDefinition Losartan = Drug("979492", "losartan potassium 50 MG Oral Tablet", "angiotensin II receptor blocker");
    public static readonly MedicationDefinition Amlodipine = Drug("197361", "amlodipine 5 MG Oral Tablet", "calcium channel blocker");
    public static readonly MedicationDefinition Hydrochlorothiazide = Drug("310798", "hydrochlorothiazide 25 MG Oral Tablet", "thiazide diuretic");
    public static readonly MedicationDefinition Metformin = Drug("860975", "24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet", "biguanide");
    public static readonly MedicationDefinition Atorvastatin20 = Drug("617310", "atorvastatin 20 MG Oral Tablet", "HMG-CoA reductase inhibitor");
    public static readonly MedicationDefinition Atorvastatin40 = Drug("617311", "atorvastatin 40 MG Oral Tablet", "HMG-CoA reductase inhibitor");
    public static readonly MedicationDefinition Atorvastatin80 = Drug("259255", "atorvastatin 80 MG Oral Tablet", "HMG-CoA reductase inhibitor");
    public static readonly MedicationDefinition Simvastatin20 = Drug("312961", "simvastatin 20 MG Oral Tablet", "HMG-CoA reductase inhibitor");
    public static readonly MedicationDefinition Rosuvastatin10 = Drug("859747", "rosuvastatin calcium 10 MG Oral Tablet", "HMG-CoA reductase inhibitor");
    public static readonly MedicationDefinition Aspirin81 = Drug("243670", "aspirin 81 MG Oral Tablet", "antiplatelet");
    public static readonly MedicationDefinition Clopidogrel = Drug("309362", "clopidogrel 75 MG Oral Tablet", "antiplatelet");
    public static readonly MedicationDefinition Nitroglycerin = Drug("705129", "nitroglycerin 0.4 MG/ACTUAT Mucosal Spray", "nitrate");
    public static readonly MedicationDefinition MetoprololSuccinate50 = Drug("866436", "24 HR metoprolol succinate 50 MG Extended Release Oral Tablet", "beta blocker");
    public static readonly MedicationDefinition Carvedilol12 = Drug("200032", "carvedilol 12.5 MG Oral Tablet", "beta blocker");
    public static readonly MedicationDefinition Furosemide40 = Drug("313988", "furosemide 40 MG Oral Tablet", "loop diuretic");
    public static readonly MedicationDefinition Warfarin5 = Drug("855332", "warfarin sodium 5 MG Oral Tablet", "anticoagulant");
    public static readonly MedicationDefinition Levothyroxine75 = Drug("966222", "levothyroxine sodium 0.075 MG Oral Tablet", "thyroid hormone");

    // Respiratory and allergy.
    public static readonly MedicationDefinition Albuterol = Drug("745679", "200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler", "short-acting beta agonist");
    public static readonly MedicationDefinition Fluticasone = Drug("895994", "120 ACTUAT fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler", "inhaled corticosteroid");
    public static readonly MedicationDefinition FluticasoneSalmeterol = Drug("896209", "60 ACTUAT fluticasone propionate 0.25 MG/ACTUAT / salmeterol 0.05 MG/ACTUAT Dry Powder Inhaler", "inhaled corticosteroid and long-acting beta agonist");
    public static readonly MedicationDefinition Cetirizine = Drug("1014678", "cetirizine hydrochloride 10 MG Oral Tablet", "antihistamine");
    public static readonly MedicationDefinition Loratadine = Drug("311372", "loratadine 10 MG Oral Tablet", "antihistamine");

    // Mental health and neurology.
    public static readonly MedicationDefinition Sertraline50 = Drug("312941", "sertraline 50 MG Oral Tablet", "SSRI");
    public static readonly MedicationDefinition Escitalopram10 = Drug("349332", "escitalopram 10 MG Oral Tablet", "SSRI");
    public static readonly MedicationDefinition Fluoxetine20 = Drug("310385", "fluoxetine 20 MG Oral Capsule", "SSRI");
    public static readonly MedicationDefinition Methylphenidate10 = Drug("1091150", "methylphenidate hydrochloride 10 MG Oral Tablet", "CNS stimulant");
    public static readonly MedicationDefinition Donepezil10 = Drug("997223", "donepezil hydrochloride 10 MG Oral Tablet", "cholinesterase inhibitor");

    // Musculoskeletal, pain and others.
    public static readonly MedicationDefinition Acetaminophen325 = Drug("313782", "acetaminophen 325 MG Oral Tablet", "analgesic");
    public static readonly MedicationDefinition Acetaminophen500 = Drug("198440", "acetaminophen 500 MG Oral Tablet", "analgesic");
    public static readonly MedicationDefinition Ibuprofen200 = Drug("310965", "ibuprofen 200 MG Oral Tablet", "NSAID");
    public static readonly MedicationDefinition NaproxenSodium220 = Drug("849574", "naproxen sodium 220 MG Oral Tablet", "NSAID");
    public static readonly MedicationDefinition Naproxen500 = Drug("198014", "naproxen 500 MG Oral Tablet", "NSAID");
    public static readonly MedicationDefinition Allopurinol100 = Drug("197319", "allopurinol 100 MG Oral Tablet", "xanthine oxidase inhibitor");
    public static readonly MedicationDefinition Colchicine = Drug("197541", "colchicine 0.6 MG Oral Tablet", "antigout");
    public static readonly MedicationDefinition Methotrexate = Drug("105585", "methotrexate 2.5 MG Oral Tablet", "DMARD");
    public static readonly MedicationDefinition Alendronate10 = Drug("904419", "alendronic acid 10 MG Oral Tablet", "bisphosphonate");
    public static readonly MedicationDefinition FerrousSulfate = Drug("310325", "ferrous sulfate 325 MG Oral Tablet", "iron supplement");
    public static readonly MedicationDefinition Hydrocortisone = Drug("106258", "hydrocortisone 10 MG/ML Topical Cream", "topical corticosteroid");

    // Antibiotics.
    public static readonly MedicationDefinition AmoxicillinSuspension = Drug("239191", "amoxicillin 50 MG/ML Oral Suspension", "penicillin antibiotic");
    public static readonly MedicationDefinition Amoxicillin500 = Drug("308191", "amoxicillin 500 MG Oral Capsule", "penicillin antibiotic");
    public static readonly MedicationDefinition AmoxicillinClavulanate = Drug("562508", "amoxicillin 875 MG / clavulanate 125 MG Oral Tablet", "penicillin antibiotic");
    public static readonly MedicationDefinition PenicillinV500 = Drug("834102", "penicillin V potassium 500 MG Oral Tablet", "penicillin antibiotic");
    public static readonly MedicationDefinition Azithromycin250 = Drug("308460", "azithromycin 250 MG Oral Tablet", "macrolide antibiotic");
    public static readonly MedicationDefinition Nitrofurantoin100 = Drug("1648759", "nitrofurantoin, macrocrystals 100 MG Oral Capsule", "urinary anti-infective");
    public static readonly MedicationDefinition SulfamethoxazoleTrimethoprim = Drug("198335", "sulfamethoxazole 800 MG / trimethoprim 160 MG Oral Tablet", "sulfonamide antibiotic");
    public static readonly MedicationDefinition Cephalexin500 = Drug("309114", "cephalexin 500 MG Oral Capsule", "cephalosporin antibiotic");

    private static MedicationOption O(MedicationDefinition drug, double weight, decimal cost) => new(drug, weight, cost);

    /// <summary>Treatments by condition code (the condition's primary SNOMED CT code).</summary>
    public static readonly IReadOnlyList<TherapySpec> Therapies = new TherapySpec[]
    {
        // JNC8 / ACC-AHA 2017: ACE inhibitor, ARB, CCB or thiazide first; a second agent when not at goal.
        new() { Condition = ConditionCodes.Hypertension, TreatedShare = 0.75, FirstLine = new[] { O(Lisinopril, 0.45, 12m), O(Losartan, 0.2, 14m), O(Amlodipine, 0.2, 12m), O(Hydrochlorothiazide, 0.15, 8m) }, AddOn = new[] { O(Amlodipine, 0.5, 12m), O(Hydrochlorothiazide, 0.5, 8m) }, AddOnShare = 0.35 },
        // ADA Standards of Care: metformin first-line.
        new() { Condition = ConditionCodes.Diabetes2, TreatedShare = 0.85, FirstLine = new[] { O(Metformin, 1, 10m) } },
        new() { Condition = ConditionCodes.Hyperlipidemia, TreatedShare = 0.65, FirstLine = new[] { O(Atorvastatin20, 0.45, 15m), O(Atorvastatin40, 0.15, 15m), O(Simvastatin20, 0.25, 10m), O(Rosuvastatin10, 0.15, 18m) } },
        new() { Condition = ConditionCodes.CoronaryArteryDisease, TreatedShare = 0.9, FirstLine = new[] { O(Aspirin81, 0.6, 5m), O(Clopidogrel, 0.4, 20m) }, AddOn = new[] { O(Atorvastatin80, 0.7, 18m), O(Nitroglycerin, 0.3, 45m) }, AddOnShare = 0.6 },
        new() { Condition = ConditionCodes.HeartFailure, TreatedShare = 0.9, FirstLine = new[] { O(Furosemide40, 1, 8m) }, AddOn = new[] { O(Carvedilol12, 0.5, 12m), O(MetoprololSuccinate50, 0.5, 15m) }, AddOnShare = 0.7 },
        new() { Condition = ConditionCodes.AtrialFibrillation, TreatedShare = 0.8, FirstLine = new[] { O(MetoprololSuccinate50, 1, 15m) }, AddOn = new[] { O(Warfarin5, 1, 10m) }, AddOnShare = 0.6 },
        new() { Condition = ConditionCodes.ChronicKidneyDisease, TreatedShare = 0.5, FirstLine = new[] { O(Lisinopril, 0.6, 12m), O(Losartan, 0.4, 14m) } },
        new() { Condition = ConditionCodes.Hypothyroidism, TreatedShare = 0.95, FirstLine = new[] { O(Levothyroxine75, 1, 14m) } },
        // GINA: a reliever for everyone, inhaled corticosteroid for persistent asthma.
        new() { Condition = ConditionCodes.Asthma, TreatedShare = 0.95, FirstLine = new[] { O(Albuterol, 1, 45m) }, AddOn = new[] { O(Fluticasone, 1, 60m) }, AddOnShare = 0.5 },
        new() { Condition = ConditionCodes.Copd, TreatedShare = 0.9, FirstLine = new[] { O(Albuterol, 1, 45m) }, AddOn = new[] { O(FluticasoneSalmeterol, 1, 120m) }, AddOnShare = 0.55 },
        new() { Condition = ConditionCodes.AllergicRhinitis, TreatedShare = 0.6, FirstLine = new[] { O(Cetirizine, 0.55, 15m), O(Loratadine, 0.45, 12m) } },
        new() { Condition = ConditionCodes.Depression, TreatedShare = 0.6, MinAge = 12, FirstLine = new[] { O(Sertraline50, 0.45, 10m), O(Escitalopram10, 0.35, 10m), O(Fluoxetine20, 0.2, 8m) } },
        new() { Condition = ConditionCodes.Anxiety, TreatedShare = 0.45, MinAge = 12, FirstLine = new[] { O(Sertraline50, 0.5, 10m), O(Escitalopram10, 0.5, 10m) } },
        new() { Condition = ConditionCodes.Adhd, TreatedShare = 0.65, MinAge = 6, FirstLine = new[] { O(Methylphenidate10, 1, 40m) } },
        new() { Condition = ConditionCodes.Alzheimers, TreatedShare = 0.6, FirstLine = new[] { O(Donepezil10, 1, 25m) } },
        new() { Condition = ConditionCodes.Osteoarthritis, TreatedShare = 0.6, FirstLine = new[] { O(NaproxenSodium220, 0.4, 8m), O(Acetaminophen325, 0.4, 6m), O(Ibuprofen200, 0.2, 8m) } },
        new() { Condition = ConditionCodes.ChronicLowBackPain, TreatedShare = 0.5, FirstLine = new[] { O(Ibuprofen200, 0.5, 8m), O(Naproxen500, 0.5, 10m) } },
        new() { Condition = ConditionCodes.Migraine, TreatedShare = 0.5, FirstLine = new[] { O(Naproxen500, 0.6, 10m), O(Acetaminophen500, 0.4, 6m) } },
        new() { Condition = ConditionCodes.Gout, TreatedShare = 0.7, FirstLine = new[] { O(Colchicine, 0.4, 30m), O(Allopurinol100, 0.6, 10m) } },
        new() { Condition = ConditionCodes.RheumatoidArthritis, TreatedShare = 0.85, FirstLine = new[] { O(Methotrexate, 1, 40m) } },
        new() { Condition = ConditionCodes.Osteoporosis, TreatedShare = 0.55, FirstLine = new[] { O(Alendronate10, 1, 12m) } },
        new() { Condition = ConditionCodes.Anemia, TreatedShare = 0.6, FirstLine = new[] { O(FerrousSulfate, 1, 5m) } },
        new() { Condition = ConditionCodes.AtopicDermatitis, TreatedShare = 0.7, FirstLine = new[] { O(Hydrocortisone, 1, 10m) } },
        // Acute courses (IDSA / AAP guidelines: amoxicillin for otitis media, penicillin or amoxicillin for strep, nitrofurantoin for cystitis).
        new() { Condition = ConditionCodes.OtitisMedia, TreatedShare = 0.8, Chronic = false, CourseMinDays = 7, CourseMaxDays = 10, FirstLine = new[] { O(AmoxicillinSuspension, 1, 12m) } },
        new() { Condition = ConditionCodes.StrepThroat, TreatedShare = 0.95, Chronic = false, CourseMinDays = 10, CourseMaxDays = 10, FirstLine = new[] { O(PenicillinV500, 0.5, 10m), O(Amoxicillin500, 0.4, 10m), O(Azithromycin250, 0.1, 15m) } },
        new() { Condition = ConditionCodes.ViralSinusitis, TreatedShare = 0.4, Chronic = false, CourseMinDays = 5, CourseMaxDays = 10, FirstLine = new[] { O(AmoxicillinClavulanate, 0.7, 20m), O(Acetaminophen500, 0.3, 6m) } },
        new() { Condition = ConditionCodes.ViralPharyngitis, TreatedShare = 0.4, Chronic = false, CourseMinDays = 3, CourseMaxDays = 7, FirstLine = new[] { O(Acetaminophen500, 0.6, 6m), O(Ibuprofen200, 0.4, 8m) } },
        new() { Condition = ConditionCodes.AcuteBronchitis, TreatedShare = 0.4, Chronic = false, CourseMinDays = 5, CourseMaxDays = 10, FirstLine = new[] { O(Acetaminophen500, 0.7, 6m), O(Albuterol, 0.3, 45m) } },
        new() { Condition = ConditionCodes.UrinaryTractInfection, TreatedShare = 0.95, Chronic = false, CourseMinDays = 3, CourseMaxDays = 7, FirstLine = new[] { O(Nitrofurantoin100, 0.5, 15m), O(SulfamethoxazoleTrimethoprim, 0.3, 8m), O(Cephalexin500, 0.2, 10m) } },
        new() { Condition = ConditionCodes.AnkleSprain, TreatedShare = 0.6, Chronic = false, CourseMinDays = 7, CourseMaxDays = 14, FirstLine = new[] { O(Ibuprofen200, 0.6, 8m), O(NaproxenSodium220, 0.4, 8m) } },
        new() { Condition = ConditionCodes.Pneumonia, TreatedShare = 0.95, Chronic = false, CourseMinDays = 5, CourseMaxDays = 7, FirstLine = new[] { O(Amoxicillin500, 0.5, 10m), O(Azithromycin250, 0.5, 15m) } },
        new() { Condition = ConditionCodes.Covid19, TreatedShare = 0.5, Chronic = false, CourseMinDays = 5, CourseMaxDays = 10, FirstLine = new[] { O(Acetaminophen500, 1, 6m) } },
    };

    private static readonly Dictionary<string, TherapySpec> ByCode = Therapies.ToDictionary(t => t.Condition.PrimaryCode!.Value, StringComparer.Ordinal);

    /// <summary>The therapy for a condition, matched by any of its codes, or null.</summary>
    public static TherapySpec? For(ConditionDefinition condition)
    {
        foreach (var code in condition.Codes)
        {
            if (ByCode.TryGetValue(code.Value, out var therapy)) return therapy;
        }
        return null;
    }

    public static IEnumerable<MedicationDefinition> AllMedications()
        => Therapies.SelectMany(t => t.FirstLine.Concat(t.AddOn)).Select(o => o.Medication).Distinct();
}
