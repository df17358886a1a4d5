using SyntheticPatients.Runtime.Definitions;
using static SyntheticPatients.Runtime.Lifecycle.Catalogs.Terms;

namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>A possible reaction of an allergy and the chance of each severity (the rest: not present).</summary>
public sealed record ReactionSpec(Code Reaction, double Mild, double Moderate, double Severe);

/// <summary>An allergen: substance (SNOMED CT) or drug ingredient (RxNorm), its category, prevalence and usual onset ages.</summary>
public sealed record AllergenSpec(AllergyDefinition Definition, string Category, double Prevalence, double MinOnsetAge, double MaxOnsetAge, double IntoleranceShare, IReadOnlyList<ReactionSpec> Reactions);

/// <summary>
/// Allergens with recorded prevalence (any allergy in ~15% of patients overall). Codes and reactions follow
/// Synthea's allergy modules; prevalences are rounded from the sources in the comments.
/// </summary>
public static class AllergyCatalog
{
    public static readonly Code Cough = Sct("49727002", "Cough (finding)");
    public static readonly Code Angioedema = Sct("402387002", "Allergic angioedema (disorder)");
    public static readonly Code Dyspnea = Sct("267036007", "Dyspnea (finding)");
    public static readonly Code Wheal = Sct("247472004", "Wheal (finding)");
    public static readonly Code Anaphylaxis = Sct("39579001", "Anaphylaxis (disorder)");
    public static readonly Code SkinEruption = Sct("271807003", "Eruption of skin (disorder)");
    public static readonly Code Vomiting = Sct("300359004", "Finding of vomiting (finding)");
    public static readonly Code Diarrhea = Sct("62315008", "Diarrhea (finding)");
    public static readonly Code Wheezing = Sct("56018004", "Wheezing (finding)");
    public static readonly Code Rhinoconjunctivitis = Sct("878820003", "Rhinoconjunctivitis (disorder)");
    public static readonly Code Itching = Sct("418290006", "Itching (finding)");
    public static readonly Code AbdominalPain = Sct("21522001", "Abdominal pain (finding)");
    public static readonly Code Sneezing = Sct("76067001", "Sneezing (finding)");
    public static readonly Code Nausea = Sct("422587007", "Nausea (finding)");

    private static AllergyDefinition Substance(string code, string display, string category)
        => new(display, new[] { Sct(code, display) }) { Category = category };

    private static AllergyDefinition Drug(string code, string display)
        => new(display, new[] { Rx(code, display) }) { Category = "medication" };

    private static ReactionSpec R(Code code, double mild, double moderate, double severe) => new(code, mild, moderate, severe);

    public static readonly IReadOnlyList<AllergenSpec> All = new AllergenSpec[]
    {
        // Food (Gupta et al., JAMA Netw Open 2019 and Pediatrics 2018: convincing food allergy 10.8% of adults, 7.6% of children; recorded far less).
        new(Substance("762952008", "Peanut (substance)", "food"), "food", 0.010, 0.5, 4, 0, new[] { R(Wheal, 0.2, 0.5, 0), R(Angioedema, 0, 0.4, 0.1), R(Anaphylaxis, 0, 0, 0.18), R(Vomiting, 0.25, 0, 0) }),
        new(Substance("442571000124108", "Tree nut (substance)", "food"), "food", 0.006, 1, 10, 0, new[] { R(Wheal, 0.3, 0.5, 0), R(Itching, 0.8, 0, 0), R(Anaphylaxis, 0, 0, 0.2) }),
        new(Substance("735029006", "Shellfish (substance)", "food"), "food", 0.012, 5, 50, 0, new[] { R(Wheal, 0.5, 0.3, 0), R(Nausea, 0.2, 0.2, 0), R(Anaphylaxis, 0, 0, 0.1) }),
        new(Substance("735971005", "Fish (substance)", "food"), "food", 0.004, 2, 40, 0, new[] { R(SkinEruption, 0.7, 0.1, 0), R(Vomiting, 0.3, 0, 0) }),
        new(Substance("102263004", "Eggs (edible) (substance)", "food"), "food", 0.005, 0.5, 3, 0, new[] { R(SkinEruption, 0.4, 0.1, 0), R(Wheal, 0, 0.4, 0), R(Anaphylaxis, 0, 0, 0.05) }),
        new(Substance("3718001", "Cow's milk (substance)", "food"), "food", 0.005, 0.3, 2, 0.3, new[] { R(Diarrhea, 0.5, 0.1, 0), R(Vomiting, 0.3, 0.1, 0), R(Wheal, 0.2, 0, 0) }),
        new(Substance("412071004", "Wheat (substance)", "food"), "food", 0.003, 0.5, 5, 0.2, new[] { R(SkinEruption, 0, 0.8, 0), R(Diarrhea, 0, 0.2, 0) }),
        // Environment (Synthea environmental_allergy_incidence; pollen and mite sensitisation with allergic rhinitis).
        new(Substance("782576004", "Tree pollen (substance)", "environment"), "environment", 0.020, 3, 20, 0, new[] { R(Rhinoconjunctivitis, 0.6, 0.3, 0), R(Sneezing, 0.5, 0, 0) }),
        new(Substance("256277009", "Grass pollen (substance)", "environment"), "environment", 0.020, 3, 20, 0, new[] { R(Rhinoconjunctivitis, 0.6, 0.3, 0), R(Sneezing, 0.5, 0, 0) }),
        new(Substance("264287008", "Animal dander (substance)", "environment"), "environment", 0.015, 2, 30, 0, new[] { R(Rhinoconjunctivitis, 0.2, 0.6, 0), R(Wheal, 0.3, 0, 0), R(Dyspnea, 0.2, 0, 0) }),
        new(Substance("260147004", "House dust mite (organism)", "environment"), "environment", 0.012, 2, 25, 0, new[] { R(Rhinoconjunctivitis, 0.5, 0.3, 0), R(Cough, 0.3, 0, 0) }),
        new(Substance("84489001", "Mold (organism)", "environment"), "environment", 0.006, 5, 40, 0, new[] { R(Sneezing, 0.3, 0, 0), R(Wheezing, 0.1, 0, 0) }),
        new(Substance("288328004", "Bee venom (substance)", "environment"), "environment", 0.006, 3, 60, 0, new[] { R(SkinEruption, 0.3, 0.3, 0), R(Anaphylaxis, 0, 0, 0.05) }),
        // Medications (CDC: ~10% of patients report a penicillin allergy; sulfonamides 3-8%: Synthea drug_allergy_incidence).
        new(Drug("7984", "penicillin V"), "medication", 0.060, 1, 60, 0.1, new[] { R(Wheal, 0.5, 0, 0), R(SkinEruption, 0.35, 0, 0), R(Angioedema, 0.1, 0, 0), R(Anaphylaxis, 0, 0, 0.03) }),
        new(Drug("10831", "sulfamethoxazole / trimethoprim"), "medication", 0.025, 5, 70, 0.1, new[] { R(SkinEruption, 0, 0.6, 0), R(Wheal, 0, 0.45, 0), R(Anaphylaxis, 0, 0, 0.01) }),
        new(Drug("1191", "aspirin"), "medication", 0.008, 10, 70, 0.6, new[] { R(AbdominalPain, 0, 0.35, 0), R(Wheal, 0, 0.2, 0), R(Anaphylaxis, 0, 0, 0.03) }),
        new(Drug("5640", "ibuprofen"), "medication", 0.008, 5, 70, 0.4, new[] { R(Itching, 0, 0.4, 0), R(Wheal, 0, 0.3, 0) }),
        new(Drug("2231", "cephalexin"), "medication", 0.008, 5, 70, 0.1, new[] { R(SkinEruption, 0, 0.2, 0), R(Anaphylaxis, 0, 0, 0.1), R(Angioedema, 0, 0.1, 0) }),
        new(Drug("2670", "codeine"), "medication", 0.006, 15, 80, 0.7, new[] { R(Nausea, 0.4, 0.3, 0), R(Itching, 0.3, 0, 0) }),
    };

    public static IEnumerable<Code> Reactions() => new[] { Cough, Angioedema, Dyspnea, Wheal, Anaphylaxis, SkinEruption, Vomiting, Diarrhea, Wheezing, Rhinoconjunctivitis, Itching, AbdominalPain, Sneezing, Nausea };
}
