namespace SyntheticPatients.Runtime.Definitions;

/// <summary>
/// The class of an encounter (<c>encounter_class:</c> in a module). The core's own copy of the language's
/// <c>SyntheticPatients.Language.Model.EncounterClass</c>, so generated code and the runtime need no YAML front-end:
/// same members in the same order (the generator writes a member by its name; a test checks the two stay equal).
/// </summary>
public enum EncounterClass : byte
{
    Ambulatory,
    Wellness,
    Outpatient,
    Emergency,
    Urgentcare,
    Inpatient,
    Virtual,
    Home,
}
