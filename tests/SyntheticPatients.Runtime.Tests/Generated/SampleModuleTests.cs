using SyntheticPatients.Generated;
using SyntheticPatients.Runtime.Events;
using SyntheticPatients.Runtime.Modules;
using Xunit;

namespace SyntheticPatients.Runtime.Tests.Generated;

/// <summary>The sample modules as the build compiles them: YAML → generator → C# → run on the runtime.</summary>
public class SampleModuleTests
{
    [Fact]
    public void The_registry_holds_the_sample_modules_in_name_order()
    {
        var names = ModuleRegistry.All.Select(m => m.Name).ToList();
        Assert.Contains("sample_asthma", names);
        Assert.Contains("sample_asthma_exacerbation", names);
        Assert.Contains("sample_hypertension", names);
        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), names);
        Assert.Same(SampleAsthmaModule.Instance, ModuleRegistry.Find("sample_asthma"));
        Assert.Null(ModuleRegistry.Find("no_such_module"));
        Assert.Equal(AttributeSlots.Count, AttributeSlots.Names.Count);
        Assert.Equal(AttributeSlots.atopic, AttributeSlots.IndexOf("atopic"));
        Assert.Equal(AttributeSlots.Count, ModuleRegistry.CreatePatientContext().Attributes.Length);
    }

    [Fact]
    public void Module_metadata_comes_from_the_yaml()
    {
        var module = SampleHypertensionModule.Instance;
        Assert.Equal("modules/sample_hypertension.yaml", module.SourcePath);
        Assert.Equal("start", module.StateName(module.InitialState));
        Assert.Equal("wait_until_adult", module.StateName((int)SampleHypertensionModule.State.wait_until_adult));
        Assert.Equal(Enum.GetValues<SampleHypertensionModule.State>().Length, module.StateCount);
        Assert.Equal(ModuleCategories.None, module.Replaces);
        Assert.True(module.Augments.HasFlag(ModuleCategories.Encounters | ModuleCategories.Medications | ModuleCategories.CarePlans));
        Assert.True(SampleAsthmaModule.Instance.Augments.HasFlag(ModuleCategories.Allergies | ModuleCategories.Immunizations));
    }

    [Fact]
    public void A_seed_reproduces_the_population_exactly_and_another_seed_does_not()
    {
        var first = Fingerprint(Population(seed: 1, count: 300));
        var again = Fingerprint(Population(seed: 1, count: 300));
        var other = Fingerprint(Population(seed: 2, count: 300));
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Hypertension_starts_at_18_and_its_events_stay_inside_the_simulation()
    {
        var patient = ModuleRegistry.CreatePatientContext();
        int diagnosed = 0;
        for (long i = 0; i < 300; i++)
        {
            SamplePopulation.ResetPatient(patient, i);
            var result = ModuleExecutor.Run(SampleHypertensionModule.Instance, patient, patient.BirthTicks);
            Assert.NotEqual(ModuleRunOutcome.StepLimit, result.Outcome);
            foreach (ref readonly var encounter in patient.Encounters)
            {
                Assert.True(patient.AgeInYears(encounter.Start) >= 18);
                Assert.True(encounter.Start <= patient.EndTicks);
                Assert.True(encounter.Start < patient.DeathTicks);
            }
            foreach (ref readonly var observation in patient.Observations)
            {
                // Attached to the visit and dated at it; whole mm[Hg] (decimals: 0).
                Assert.Equal(patient.Encounters[observation.Encounter].Start, observation.Start);
                Assert.Equal(Math.Round(observation.Value), observation.Value);
            }
            if (patient.Conditions.Count > 0)
            {
                diagnosed++;
                Assert.True(patient.Attributes[AttributeSlots.hypertension].IsReferenceTo(EventKind.Condition));
                Assert.NotEmpty(patient.Medications.AsSpan().ToArray());
            }
        }
        Assert.InRange(diagnosed, 30, 299);
    }

    [Fact]
    public void Asthma_calls_its_exacerbation_submodule_which_shares_attributes_and_encounters()
    {
        var patient = ModuleRegistry.CreatePatientContext();
        int withExacerbations = 0, remissions = 0;
        for (long i = 0; i < 2000; i++)
        {
            SamplePopulation.ResetPatient(patient, i);
            var result = ModuleExecutor.Run(SampleAsthmaModule.Instance, patient, patient.BirthTicks);
            Assert.NotEqual(ModuleRunOutcome.StepLimit, result.Outcome);
            var exacerbations = patient.Attributes[AttributeSlots.asthma_exacerbations];
            if (!exacerbations.IsSet) continue;
            withExacerbations++;

            // Every exacerbation: an ED or urgent care visit, a condition ended through assign/referenced_by, and a
            // prednisone burst ended by code.
            int acuteVisits = 0;
            foreach (ref readonly var encounter in patient.Encounters)
            {
                if (encounter.Definition.Name is "Emergency department visit" or "Urgent care visit") acuteVisits++;
            }
            Assert.True(exacerbations.Equals((double)acuteVisits));
            foreach (ref readonly var condition in patient.Conditions)
            {
                if (condition.Definition.Matches("J45.901") && condition.Start < patient.EndTicks - 30 * TimeSpan.TicksPerDay && patient.IsAliveAt(condition.Start + 30 * TimeSpan.TicksPerDay))
                {
                    Assert.True(condition.HasEnded);
                    Assert.Equal("resolved", condition.Status);
                }
            }
            foreach (ref readonly var medication in patient.Medications)
            {
                if (medication.Definition.Matches("312617") && medication.Start < patient.EndTicks - 30 * TimeSpan.TicksPerDay)
                {
                    Assert.True(medication.HasEnded);
                    Assert.InRange(medication.End - medication.Start, 5 * TimeSpan.TicksPerDay, 12 * TimeSpan.TicksPerDay);
                }
            }
            if (result.Outcome == ModuleRunOutcome.Terminated && patient.Conditions[0].HasEnded) remissions++;
        }
        Assert.InRange(withExacerbations, 20, 2000);
        Assert.True(remissions > 0);
    }

    private static List<string> Population(ulong seed, int count)
    {
        var patient = ModuleRegistry.CreatePatientContext();
        var lines = new List<string>();
        for (long i = 0; i < count; i++)
        {
            SamplePopulation.Simulate(patient, i, seed);
            foreach (ref readonly var e in patient.Encounters) lines.Add($"{i} E {e.Start} {e.Definition.Name} {e.End}");
            foreach (ref readonly var e in patient.Conditions) lines.Add($"{i} C {e.Start} {e.Definition.Name} {e.End} {e.Status}");
            foreach (ref readonly var e in patient.Medications) lines.Add($"{i} M {e.Start} {e.Definition.Name} {e.End}");
            foreach (ref readonly var e in patient.Observations) lines.Add($"{i} O {e.Start} {e.Definition.Name} {e.Value:R}");
            lines.Add($"{i} D {patient.DeathTicks}");
        }
        return lines;
    }

    private static string Fingerprint(List<string> lines) => string.Join("\n", lines);
}
