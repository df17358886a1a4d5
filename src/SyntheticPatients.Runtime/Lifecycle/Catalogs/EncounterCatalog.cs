using SyntheticPatients.Runtime.Definitions;
using static SyntheticPatients.Runtime.Lifecycle.Catalogs.Terms;

namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>Baseline encounter types (SNOMED CT codes as Synthea records them) and their base costs in USD.</summary>
public static class EncounterCatalog
{
    public static readonly EncounterDefinition WellChild = new("Well child visit", EncounterClass.Wellness, new[] { Sct("410620009", "Well child visit (procedure)") }) { ProviderRole = "pediatrics" };
    public static readonly EncounterDefinition GeneralExamination = new("General examination of patient", EncounterClass.Wellness, new[] { Sct("162673000", "General examination of patient (procedure)") }) { ProviderRole = "general practice" };
    public static readonly EncounterDefinition CheckUp = new("Encounter for check up", EncounterClass.Wellness, new[] { Sct("185349003", "Encounter for check up (procedure)") }) { ProviderRole = "general practice" };
    public static readonly EncounterDefinition Problem = new("Encounter for problem", EncounterClass.Ambulatory, new[] { Sct("185347001", "Encounter for problem (procedure)") }) { ProviderRole = "general practice" };
    public static readonly EncounterDefinition Symptom = new("Encounter for symptom", EncounterClass.Ambulatory, new[] { Sct("185345009", "Encounter for symptom (procedure)") }) { ProviderRole = "general practice" };
    public static readonly EncounterDefinition FollowUp = new("Follow-up encounter", EncounterClass.Ambulatory, new[] { Sct("390906007", "Follow-up encounter (procedure)") }) { ProviderRole = "general practice" };
    // A nurse visit for a vaccine due between check-ups: an office visit, not a second wellness exam that year.
    public static readonly EncounterDefinition VaccineVisit = new("Administration of vaccine", EncounterClass.Ambulatory, new[] { Sct("33879002", "Administration of vaccine to produce active immunity (procedure)") }) { ProviderRole = "general practice" };
    public static readonly EncounterDefinition UrgentCare = new("Urgent care clinic", EncounterClass.Urgentcare, new[] { Sct("702927004", "Urgent care clinic (environment)") }) { Location = "urgent care" };
    public static readonly EncounterDefinition Emergency = new("Emergency room admission", EncounterClass.Emergency, new[] { Sct("50849002", "Emergency room admission (procedure)") }) { Location = "emergency department" };
    public static readonly EncounterDefinition Admission = new("Hospital admission", EncounterClass.Inpatient, new[] { Sct("32485007", "Hospital admission (procedure)") }) { Location = "hospital" };
    public static readonly EncounterDefinition OutpatientProcedure = new("Outpatient procedure", EncounterClass.Outpatient, new[] { Sct("371883000", "Outpatient procedure (procedure)") });
    // Synthea records a death in an ambulatory "Death Certification" encounter; rows recorded outside a visit get one too.
    public static readonly EncounterDefinition DeathCertification = new("Death Certification", EncounterClass.Ambulatory, new[] { Sct("308646001", "Death certification (procedure)") }) { ProviderRole = "general practice" };

    public static readonly IReadOnlyList<EncounterDefinition> All = new[] { WellChild, GeneralExamination, CheckUp, Problem, Symptom, FollowUp, VaccineVisit, UrgentCare, Emergency, Admission, OutpatientProcedure, DeathCertification };

    /// <summary>Base cost (USD) of an encounter of this class, before payer adjustment.</summary>
    public static decimal BaseCost(EncounterDefinition definition) => definition.Class switch
    {
        EncounterClass.Wellness => 185.00m,
        EncounterClass.Emergency => 1150.00m,
        EncounterClass.Urgentcare => 175.00m,
        EncounterClass.Outpatient => 350.00m,
        EncounterClass.Inpatient => 2500.00m,
        _ => 125.00m,
    };
}
