using LanguageEncounterClass = SyntheticPatients.Language.Model.EncounterClass;

namespace SyntheticPatients.Runtime.Definitions;

/// <summary>
/// Where the language's encounter class (parsed from YAML) meets the runtime core's own enum: the core cannot see the
/// YAML front-end, so run-time modules convert here. Member by member rather than a cast, so a member added to one enum
/// and not the other fails loudly instead of shifting every class after it.
/// </summary>
internal static class EncounterClassMapping
{
    public static EncounterClass ToRuntime(LanguageEncounterClass value) => value switch
    {
        LanguageEncounterClass.Ambulatory => EncounterClass.Ambulatory,
        LanguageEncounterClass.Wellness => EncounterClass.Wellness,
        LanguageEncounterClass.Outpatient => EncounterClass.Outpatient,
        LanguageEncounterClass.Emergency => EncounterClass.Emergency,
        LanguageEncounterClass.Urgentcare => EncounterClass.Urgentcare,
        LanguageEncounterClass.Inpatient => EncounterClass.Inpatient,
        LanguageEncounterClass.Virtual => EncounterClass.Virtual,
        LanguageEncounterClass.Home => EncounterClass.Home,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Encounter class without a runtime counterpart."),
    };
}
