using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// Allergies and intolerances at recorded prevalences (about 15% of patients have any), with onset ages typical
/// of the allergen (food allergies in early childhood, pollen in school age, drug allergies at any age), one or two
/// coded reactions with severities, recorded at the first encounter after onset (or a problem visit made for it).
/// Patients with atopic conditions (asthma, allergic rhinitis, eczema) are three times as likely to have
/// food and environmental allergies.
/// </summary>
public sealed class AllergyStep : IPatientStep
{
    public string Name => "allergies";

    public void Run(PatientRecord record, StepContext context)
    {
        if (!record.RunsBaseline(ModuleCategories.Allergies)) return;
        var random = context.Random;
        var d = record.Demographics;
        var end = record.End;
        var vitals = new LateVitals(record, random);
        bool atopic = record.Conditions.Any(c => c.Definition == ConditionCodes.Asthma || c.Definition == ConditionCodes.AllergicRhinitis || c.Definition == ConditionCodes.AtopicDermatitis);

        foreach (var allergen in AllergyCatalog.All)
        {
            double u = random.NextDouble();
            double uOnset = random.NextDouble();
            double uType = random.NextDouble();
            double prevalence = allergen.Prevalence * (atopic && allergen.Category != "medication" ? 3 : 1);
            if (u >= prevalence || record.Allergies.Any(a => ConditionMatch.SameConcept(a.Definition, allergen.Definition))) continue;
            var onset = LifeDates.AtAge(d.BirthDate, allergen.MinOnsetAge + uOnset * (allergen.MaxOnsetAge - allergen.MinOnsetAge)).Date;
            if (onset >= end) continue;

            var encounter = EncounterFactory.FirstBetween(record, onset, onset.AddDays(365));
            if (encounter is null && record.RunsBaseline(ModuleCategories.Encounters))
            {
                encounter = EncounterFactory.Create(record, random, EncounterCatalog.Problem, onset, allergen.Definition.PrimaryCode);
                vitals.For(encounter);
            }
            var start = encounter is null ? onset : EncounterFactory.Inside(encounter, 5);
            var (reaction1, severity1, reaction2, severity2) = Reactions(allergen, random);
            string type = uType < allergen.IntoleranceShare ? "intolerance" : "allergy";
            record.Allergies.Add(new AllergyRecord(start, null, encounter?.Id, allergen.Definition, type, allergen.Category,
                reaction1, severity1, reaction2, severity2, "baseline"));
        }
    }

    private static (Definitions.Code?, string?, Definitions.Code?, string?) Reactions(AllergenSpec allergen, PatientRandom random)
    {
        var found = new List<(Definitions.Code Code, string Severity)>(2);
        foreach (var reaction in allergen.Reactions)
        {
            double u = random.NextDouble();
            string? severity = u < reaction.Severe ? "SEVERE" : u < reaction.Severe + reaction.Moderate ? "MODERATE" : u < reaction.Severe + reaction.Moderate + reaction.Mild ? "MILD" : null;
            if (severity is not null && found.Count < 2) found.Add((reaction.Reaction, severity));
        }
        if (found.Count == 0)
        {
            var first = allergen.Reactions[0];
            found.Add((first.Reaction, first.Severe > 0 && first.Mild == 0 && first.Moderate == 0 ? "SEVERE" : first.Moderate > first.Mild ? "MODERATE" : "MILD"));
        }
        return (found[0].Code, found[0].Severity, found.Count > 1 ? found[1].Code : null, found.Count > 1 ? found[1].Severity : null);
    }
}
