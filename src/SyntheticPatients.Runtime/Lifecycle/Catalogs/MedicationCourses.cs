using SyntheticPatients.Runtime.Definitions;

namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>How long an order of a drug may stay open, by kind (see docs/outputs.md, "Medication orders").</summary>
public enum MedicationKind
{
    /// <summary>Maintenance therapy: stays open while it is renewed (<see cref="MedicationCourses.RenewalValidity"/>).</summary>
    Chronic,

    /// <summary>Skin preparations (RxNorm "Topical" dose forms, topical classes).</summary>
    Topical,

    /// <summary>Symptom relief: analgesics, NSAIDs, antihistamines, on-demand and acute-attack treatment.</summary>
    Symptom,

    /// <summary>Short courses: antibiotics and systemic corticosteroid bursts.</summary>
    Acute,
}

/// <summary>
/// The kind of a drug (from its therapeutic class, therapy category and RxNorm dose form) and the longest course
/// an order of that kind covers. Modules and the baseline name drugs by class and category, not by kind, so the
/// kind is read from those words; anything not matched is chronic (renewed, never cut to a course).
/// </summary>
public static class MedicationCourses
{
    /// <summary>
    /// Topical corticosteroids: 4 weeks, the longest continuous course the AAD-NPF psoriasis guideline gives even
    /// class 1 steroids (Elmets et al., J Am Acad Dermatol, 2021), beyond which a new order is needed.
    /// </summary>
    public static readonly TimeSpan TopicalCourse = TimeSpan.FromDays(28);

    /// <summary>
    /// Symptom drugs: one 30-day supply. OTC analgesic labelling says to stop and see a doctor when pain lasts more
    /// than 10 days (FDA, internal analgesic monograph, 1988), and NSAID labels ask for the shortest duration
    /// (FDA Drug Safety Communication, 2015); a prescriber renews a symptom drug with a new order, not an open one.
    /// </summary>
    public static readonly TimeSpan SymptomCourse = TimeSpan.FromDays(30);

    /// <summary>
    /// Antibiotics and steroid bursts: 14 days, the longest of the usual outpatient courses (community-acquired
    /// pneumonia 5-7 days, ATS/IDSA 2019; streptococcal pharyngitis 10 days, IDSA 2012; COPD exacerbation
    /// prednisone 5 days, GOLD 2023; asthma burst 5-7 days, GINA 2023).
    /// </summary>
    public static readonly TimeSpan AcuteCourse = TimeSpan.FromDays(14);

    /// <summary>
    /// A chronic order stays open only while the patient is seen: it ends one year after the last encounter at
    /// which it could have been renewed (Synthea renews chronic medications at visits; one year is the validity
    /// most US state pharmacy rules give a non-controlled prescription).
    /// </summary>
    public static readonly TimeSpan RenewalValidity = TimeSpan.FromDays(365);

    public static MedicationKind KindOf(MedicationDefinition drug)
    {
        string name = drug.Name;
        string therapeuticClass = drug.TherapeuticClass ?? "";
        string category = drug.TherapyCategory ?? "";
        if (Has(name, "Topical") || Has(therapeuticClass, "topical") || Has(category, "topical")) return MedicationKind.Topical;
        if (Has(therapeuticClass, "antibiotic") || Has(category, "antibiotic") || Has(therapeuticClass, "systemic corticosteroid") || Has(category, "systemic_steroid")) return MedicationKind.Acute;
        if (Is(therapeuticClass, "NSAID") || Is(therapeuticClass, "analgesic") || Is(therapeuticClass, "antihistamine")
            || Is(category, "analgesic") || Is(category, "symptomatic") || Is(category, "acute") || Has(category, "on-demand")) return MedicationKind.Symptom;
        return MedicationKind.Chronic;
    }

    /// <summary>The longest course of a drug of this kind; null for chronic drugs (renewed instead).</summary>
    public static TimeSpan? Course(MedicationKind kind) => kind switch
    {
        MedicationKind.Topical => TopicalCourse,
        MedicationKind.Symptom => SymptomCourse,
        MedicationKind.Acute => AcuteCourse,
        _ => null,
    };

    private static bool Has(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);

    private static bool Is(string text, string word) => string.Equals(text, word, StringComparison.OrdinalIgnoreCase);
}
