using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Lifecycle.Catalogs;

namespace SyntheticPatients.Runtime.Tests.Lifecycle;

/// <summary>Every code of every baseline catalog (Lifecycle/Catalogs/*.cs), with where it comes from.</summary>
internal static class BaselineCatalogCodes
{
    public static IEnumerable<(string Where, Code Code)> All()
    {
        IEnumerable<(string, Code)> Of(string where, ClinicalDefinition definition) => definition.Codes.Select(c => (where + " " + definition.Name, c));

        var conditions = typeof(ConditionCodes).GetFields().Select(f => f.GetValue(null)).OfType<ConditionDefinition>();
        foreach (var condition in conditions) foreach (var x in Of("condition", condition)) yield return x;
        foreach (var spec in ChronicConditionCatalog.All) foreach (var x in Of("chronic", spec.Definition)) yield return x;
        foreach (var spec in AcuteConditionCatalog.All) foreach (var x in Of("acute", spec.Definition)) yield return x;
        foreach (var cause in DeathCauseCatalog.AllDefinitions()) foreach (var x in Of("death cause", cause)) yield return x;
        foreach (var encounter in EncounterCatalog.All) foreach (var x in Of("encounter", encounter)) yield return x;
        foreach (var medication in MedicationCatalog.AllMedications()) foreach (var x in Of("medication", medication)) yield return x;
        foreach (var procedure in ProcedureCatalog.All) foreach (var x in Of("procedure", procedure.Definition)) yield return x;
        foreach (var observation in ObservationCatalog.All) foreach (var x in Of("observation", observation)) yield return x;
        foreach (var allergen in AllergyCatalog.All) foreach (var x in Of("allergen", allergen.Definition)) yield return x;
        foreach (var reaction in AllergyCatalog.Reactions()) yield return ("reaction", reaction);
        foreach (var vaccine in ImmunizationCatalog.All()) foreach (var x in Of("vaccine", vaccine.Definition)) yield return x;
        foreach (var plan in CarePlanCatalog.All)
        {
            foreach (var x in Of("care plan", plan.Plan)) yield return x;
            foreach (var activity in plan.Plan.Activities) foreach (var code in activity.Codes) yield return ("care plan activity " + activity.Name, code);
        }
        foreach (var fh in FamilyHistoryCatalog.All) foreach (var x in Of("family history", fh.Condition)) yield return x;
    }

}
