using SyntheticPatients.Language.Compilation;
using SyntheticPatients.Runtime.Modules;
using Xunit;

namespace SyntheticPatients.Runtime.Tests.Emitter;

/// <summary>A death state names its cause by a listed condition or by the condition an attribute references.</summary>
public sealed class DeathCauseTests
{
    [Fact]
    public void Death_referenced_by_attribute_records_the_referenced_condition_as_cause()
    {
        var front = ModuleFrontEnd.Compile(new[] { ("/p/modules/fatal.yaml", """
            name: fatal
            states:
              start:
                type: start
                transitions:
                  - to: diagnose
              diagnose:
                type: condition_onset
                assign_to_attribute: dx
                conditions:
                  - name: Hypertensive disorder
                    snomed: "38341003"
                transitions:
                  - to: die
              die:
                type: death
                referenced_by_attribute: dx
            """) });
        Assert.DoesNotContain(front.Diagnostics, d => d.Level == Language.Diagnostics.DiagnosticLevel.Error);
        var compiled = InMemoryCompiler.Compile(front.Modules.ToArray());
        var patient = new PatientContext(8);
        var birth = new DateTime(1950, 1, 1).Ticks;
        patient.Reset(1, 0, birth, Gender.Male, new DateTime(2026, 1, 1).Ticks);

        var result = ModuleExecutor.Run(compiled.Module("fatal"), patient, birth);

        Assert.Equal(ModuleRunOutcome.Died, result.Outcome);
        Assert.Equal("38341003", patient.CauseOfDeath?.PrimaryCode?.Value);
    }
}
