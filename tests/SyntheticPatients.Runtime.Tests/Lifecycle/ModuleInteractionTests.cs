using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Lifecycle;
using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Modules;
using SyntheticPatients.Runtime.Pipeline;
using SyntheticPatients.Runtime.Records;
using Xunit;

namespace SyntheticPatients.Runtime.Tests.Lifecycle;

/// <summary>How the baseline steps treat what the module step recorded: replace, merge, and trimming to the lifespan.</summary>
public sealed class ModuleInteractionTests
{
    private static readonly EncounterDefinition ModuleVisit = new("Module visit", EncounterClass.Ambulatory, new[] { new Code("SNOMED-CT", "185349003", "Encounter for check up (procedure)") });

    /// <summary>A stand-in for the module step: records whatever the test asks, as module "sample".</summary>
    private sealed class FakeModuleStep : IPatientStep
    {
        private readonly Action<PatientRecord> _run;

        public FakeModuleStep(Action<PatientRecord> run) => _run = run;

        public string Name => "modules";

        public void Run(PatientRecord record, StepContext context) => _run(record);
    }

    private static IReadOnlyList<IPatientStep> With(Action<PatientRecord> module) => BaselineSteps.Create(new FakeModuleStep(module));

    [Fact]
    public void Module_step_goes_right_after_demographics_in_the_seed_order()
    {
        var names = BaselineSteps.Create(new FakeModuleStep(_ => { })).Select(s => s.Name).ToArray();
        Assert.Equal(new[] { "demographics", "modules", "conditions", "family_history", "death", "encounters", "medications", "procedures", "observations", "allergies", "immunizations", "care_plans", "lifespan" }, names);
        Assert.DoesNotContain("modules", BaselineSteps.Create().Select(s => s.Name));
    }

    [Fact]
    public void Replaced_conditions_get_no_baseline_conditions()
    {
        var steps = With(r =>
        {
            r.Replaced = ModuleCategories.Conditions;
            r.Conditions.Add(new ConditionRecord(r.Demographics.BirthDate.AddYears(1), null, null, ConditionCodes.Asthma, "sample"));
        });
        LifecycleFixtures.Generate(300, steps, r =>
        {
            Assert.All(r.Conditions, c => Assert.Equal("sample", c.Source));
            // Kept unless the patient was not alive a year after birth (then the lifespan step drops it).
            Assert.Equal(r.Demographics.BirthDate.AddYears(1) <= r.End ? 1 : 0, r.Conditions.Count);
        });
    }

    [Fact]
    public void Replaced_encounters_and_medications_get_no_baseline_ones()
    {
        var steps = With(r => r.Replaced = ModuleCategories.Encounters | ModuleCategories.Medications | ModuleCategories.Immunizations);
        LifecycleFixtures.Generate(200, steps, r =>
        {
            // The only encounters are the visits made for rows recorded outside one (EncounterLinks): each starts
            // at the time of a row it holds, and none is a scheduled baseline visit.
            var linkVisits = new[] { EncounterCatalog.Problem, EncounterCatalog.OutpatientProcedure, EncounterCatalog.DeathCertification };
            var rowTimes = r.Conditions.Select(c => (c.EncounterId, c.Start)).Concat(r.Observations.Select(o => (o.EncounterId, o.Date)))
                .Concat(r.Procedures.Select(p => (p.EncounterId, p.Start))).Concat(r.Allergies.Select(a => (a.EncounterId, a.Start)))
                .Concat(r.CarePlans.Select(p => (p.EncounterId, p.Start))).Append((r.Death?.EncounterId, r.Death?.Date ?? default)).ToHashSet();
            Assert.All(r.Encounters, e => Assert.Contains(e.Definition, linkVisits));
            Assert.All(r.Encounters, e => Assert.Contains(((Guid?)e.Id, e.Start), rowTimes));
            Assert.Empty(r.Medications);
            Assert.Empty(r.Immunizations);
            Assert.Empty(RecordInvariants.Check(r));
        });
    }

    [Fact]
    public void A_module_condition_is_not_duplicated_by_the_baseline()
    {
        // Everyone gets hypertension from the module (coded only in ICD-10-CM): the baseline must not add its own.
        var moduleHypertension = new ConditionDefinition("Hypertension", new[] { new Code("ICD-10-CM", "I10", "Essential (primary) hypertension") });
        var steps = With(r => r.Conditions.Add(new ConditionRecord(r.Demographics.BirthDate.AddDays(30), null, null, moduleHypertension, "sample")));
        LifecycleFixtures.Generate(400, steps, r =>
        {
            int expected = r.Demographics.BirthDate.AddDays(30) <= r.End ? 1 : 0;
            Assert.Equal(expected, r.Conditions.Count(c => ConditionMatch.SameConcept(c.Definition, ConditionCodes.Hypertension)));
        });
    }

    [Fact]
    public void A_module_death_wins_and_module_events_after_it_are_trimmed()
    {
        var steps = With(r =>
        {
            var d = r.Demographics;
            var death = d.BirthDate.AddDays(200).AddHours(12);
            r.Death = new DeathRecord(death, ConditionCodes.Pneumonia, null, "natural", "sample");
            var before = new EncounterRecord(Guid.NewGuid(), death.AddDays(-10), death.AddDays(-10).AddHours(1), ModuleVisit, Guid.Empty, Guid.Empty, null, 100m, null, "sample");
            var straddling = new EncounterRecord(Guid.NewGuid(), death.AddHours(-2), death.AddDays(3), ModuleVisit, Guid.Empty, Guid.Empty, null, 100m, null, "sample");
            var after = new EncounterRecord(Guid.NewGuid(), death.AddDays(5), death.AddDays(5).AddHours(1), ModuleVisit, Guid.Empty, Guid.Empty, null, 100m, null, "sample");
            r.Encounters.AddRange(new[] { before, straddling, after });
            r.Conditions.Add(new ConditionRecord(death.AddDays(6), null, after.Id, ConditionCodes.Asthma, "sample"));
            r.Medications.Add(new MedicationRecord(death.AddDays(-10).AddMinutes(10), death.AddYears(1), before.Id, MedicationCatalog.Albuterol, null, 1m, 1, null, "sample"));
            // Attached to "before" but dated 20 minutes after it ends: the encounter is widened to enclose it.
            r.Observations.Add(new ObservationRecord(death.AddDays(-10).AddHours(1).AddMinutes(20), before.Id, ObservationCatalog.HeartRate, 80, null, "sample"));
            r.Observations.Add(new ObservationRecord(death.AddDays(5).AddMinutes(5), after.Id, ObservationCatalog.HeartRate, 80, null, "sample"));
        });
        var record = LifecycleFixtures.GenerateOne(5, steps);
        var end = record.Death!.Date;
        Assert.Equal("sample", record.Death.Source);
        Assert.Empty(RecordInvariants.Check(record));
        Assert.All(record.Encounters, e => Assert.True(e.Stop <= end));
        Assert.DoesNotContain(record.Conditions, c => c.Source == "sample");
        var medication = Assert.Single(record.Medications, m => m.Source == "sample");
        Assert.Equal(end, medication.Stop);
        Assert.Single(record.Observations, o => o.Source == "sample");
        Assert.Equal(2, record.Encounters.Count(e => e.Source == "sample"));
    }

    [Fact]
    public void Baseline_events_never_follow_a_module_death()
    {
        var steps = With(r => r.Death = new DeathRecord(r.Demographics.SimulationEnd.AddYears(-3), ConditionCodes.Pneumonia, null, "natural", "sample"));
        LifecycleFixtures.Generate(300, steps, r =>
        {
            if (r.Death!.Date < r.Demographics.BirthDate) return;
            Assert.Empty(RecordInvariants.Check(r));
            Assert.All(r.Immunizations, i => Assert.True(i.Date <= r.Death.Date));
            Assert.All(r.Encounters, e => Assert.True(e.Stop <= r.Death.Date));
        });
    }
}
