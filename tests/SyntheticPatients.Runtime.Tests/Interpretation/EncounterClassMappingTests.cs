using SyntheticPatients.Generated;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Modules.Interpretation;
using Xunit;
using LanguageEncounterClass = SyntheticPatients.Language.Model.EncounterClass;
using RuntimeEncounterClass = SyntheticPatients.Runtime.Definitions.EncounterClass;

namespace SyntheticPatients.Runtime.Tests.Interpretation;

/// <summary>
/// The runtime core has its own EncounterClass (it cannot see the YAML front-end). The generator writes a member by the
/// language enum's name and the interpreter maps member by member, so the two enums must stay the same list.
/// </summary>
public sealed class EncounterClassMappingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("encounter-classes-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_core_enum_has_the_language_enum_members_in_the_same_order()
    {
        Assert.Equal(Enum.GetNames<LanguageEncounterClass>(), Enum.GetNames<RuntimeEncounterClass>());
        Assert.Equal(Enum.GetValues<LanguageEncounterClass>().Select(v => (int)v), Enum.GetValues<RuntimeEncounterClass>().Select(v => (int)v));
    }

    [Fact]
    public void A_run_time_module_records_each_encounter_class_as_the_member_of_the_same_name()
    {
        var classes = Enum.GetNames<LanguageEncounterClass>();
        File.WriteAllText(Path.Combine(_folder, "encounter_classes.yaml"), ModuleVisiting(classes));

        var set = RuntimeModuleLoader.Load(_folder, ModuleRegistry.All, AttributeSlots.Names);
        Assert.False(set.HasErrors, string.Join("\n", set.Diagnostics));
        var patient = new PatientContext(set.AttributeCount);
        patient.Reset(1, 0, new DateTime(1980, 1, 1).Ticks, Gender.Female, new DateTime(2026, 1, 1).Ticks);
        ModuleExecutor.Run(Assert.Single(set.Modules), patient, patient.BirthTicks);

        Assert.Equal(classes, patient.Encounters.AsSpan().ToArray().Select(e => e.Definition.Class.ToString()));
    }

    /// <summary>A module with one encounter state per class, visited in enum order.</summary>
    private static string ModuleVisiting(string[] classes)
    {
        var yaml = new System.Text.StringBuilder("""
            name: encounter_classes
            terminology: lenient
            states:
              start:
                type: start
                transitions: [{to: visit0}]

            """);
        for (int i = 0; i < classes.Length; i++)
        {
            var next = i + 1 < classes.Length ? "visit" + (i + 1) : "end";
            yaml.Append($$"""
                  visit{{i}}:
                    type: encounter
                    encounter_type: Visit {{i}}
                    encounter_class: {{classes[i].ToLowerInvariant()}}
                    codes:
                      - {system: SNOMED-CT, code: "185349003", display: "Encounter for check up"}
                    transitions: [{to: {{next}}}]

                """);
        }
        yaml.Append("""
              end:
                type: terminal

            """);
        return yaml.ToString();
    }
}
