using SyntheticPatients.Runtime.Definitions;

namespace SyntheticPatients.Runtime.Pipeline;

/// <summary>Typical length and base cost of an encounter by class, for module encounters with no explicit end.</summary>
internal static class EncounterDurations
{
    public static TimeSpan Default(EncounterClass encounterClass) => encounterClass switch
    {
        EncounterClass.Inpatient => TimeSpan.FromDays(3),
        EncounterClass.Emergency => TimeSpan.FromHours(4),
        EncounterClass.Urgentcare => TimeSpan.FromHours(1),
        EncounterClass.Home => TimeSpan.FromHours(1),
        _ => TimeSpan.FromMinutes(30),
    };

    // Orders of magnitude from Synthea's default cost tables (USD); claims and payers are out of scope here.
    public static decimal BaseCost(EncounterClass encounterClass) => encounterClass switch
    {
        EncounterClass.Inpatient => 2500m,
        EncounterClass.Emergency => 750m,
        EncounterClass.Urgentcare => 180m,
        _ => 125m,
    };
}
