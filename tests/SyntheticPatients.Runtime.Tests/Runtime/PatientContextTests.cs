using SyntheticPatients.Runtime;
using SyntheticPatients.Runtime.Events;
using Xunit;
using static SyntheticPatients.Runtime.Tests.Runtime.TestDefinitions;

namespace SyntheticPatients.Runtime.Tests.Runtime;

public class PatientContextTests
{
    private static PatientContext NewPatient(int attributes = 4)
    {
        var patient = new PatientContext(attributes);
        patient.Reset(seed: 1, patientIndex: 0, birthTicks: Day(1970, 3, 15), Gender.Female, endTicks: Day(2025, 1, 1));
        return patient;
    }

    [Fact]
    public void Events_attached_to_an_encounter_are_dated_at_the_encounter()
    {
        var patient = NewPatient();
        long visit = Day(2020, 5, 1);
        int encounter = patient.StartEncounter(visit, Visit);
        long later = visit + TimeSpan.TicksPerDay; // the encounter advanced the clock a day
        int condition = patient.OnsetCondition(later, Hypertension, encounter);
        int unattached = patient.RecordObservation(later, Systolic, 150, -1);

        Assert.Equal(visit, patient.Conditions[condition].Start);
        Assert.Equal(encounter, patient.Conditions[condition].Encounter);
        Assert.Equal(later, patient.Observations[unattached].Start);
        Assert.Equal(-1, patient.Observations[unattached].Encounter);
    }

    [Fact]
    public void Every_kind_of_event_is_recorded_with_its_definition()
    {
        var patient = NewPatient();
        long now = Day(2020, 5, 1);
        int encounter = patient.StartEncounter(now, Visit);
        patient.OnsetCondition(now, Hypertension, encounter);
        patient.StartMedication(now, Lisinopril, encounter);
        patient.RecordObservation(now, Systolic, 142, encounter);
        patient.RecordProcedure(now, Ecg, encounter);
        patient.RecordImmunization(now, Influenza, encounter);
        patient.StartCarePlan(now, LifestylePlan, encounter);
        patient.OnsetAllergy(now, DustMite, encounter);

        Assert.Same(Visit, patient.Encounters[0].Definition);
        Assert.Same(Hypertension, patient.Conditions[0].Definition);
        Assert.Same(Lisinopril, patient.Medications[0].Definition);
        Assert.Equal(142, patient.Observations[0].Value);
        Assert.Same(Ecg, patient.Procedures[0].Definition);
        Assert.Same(Influenza, patient.Immunizations[0].Definition);
        Assert.Same(LifestylePlan, patient.CarePlans[0].Definition);
        Assert.Same(DustMite, patient.Allergies[0].Definition);
        Assert.True(double.IsNaN(patient.Conditions[0].Value));
    }

    [Fact]
    public void Ending_sets_end_and_status_once()
    {
        var patient = NewPatient();
        int index = patient.OnsetCondition(Day(2020, 1, 1), Hypertension, -1);
        Assert.False(patient.Conditions[index].HasEnded);
        patient.EndCondition(index, Day(2021, 1, 1), "resolved");
        patient.EndCondition(index, Day(2022, 1, 1), "other"); // the first end stays
        Assert.Equal(Day(2021, 1, 1), patient.Conditions[index].End);
        Assert.Equal("resolved", patient.Conditions[index].Status);
    }

    [Fact]
    public void Active_queries_are_evaluated_at_a_point_in_time()
    {
        var patient = NewPatient();
        int index = patient.OnsetCondition(Day(2020, 1, 1), Hypertension, -1);
        patient.EndCondition(index, Day(2022, 1, 1), "resolved");

        Assert.False(patient.HasActiveCondition(Day(2019, 12, 31), "I10")); // not yet
        Assert.True(patient.HasActiveCondition(Day(2021, 6, 1), "I10")); // by ICD-10 code
        Assert.True(patient.HasActiveCondition(Day(2021, 6, 1), "38341003")); // by SNOMED code
        Assert.True(patient.HasActiveCondition(Day(2021, 6, 1), "Essential hypertension")); // by name
        Assert.False(patient.HasActiveCondition(Day(2022, 1, 1), "I10")); // ended
        Assert.False(patient.HasActiveCondition(Day(2021, 6, 1), "E11.9"));
    }

    [Fact]
    public void Latest_observation_is_the_most_recent_at_or_before_now()
    {
        var patient = NewPatient();
        patient.RecordObservation(Day(2020, 1, 1), Systolic, 150, -1);
        patient.RecordObservation(Day(2021, 1, 1), Systolic, 130, -1);
        patient.RecordObservation(Day(2020, 6, 1), Systolic, 170, -1); // recorded later by another module, dated earlier

        Assert.True(patient.LatestObservationValue(Day(2022, 1, 1), "8480-6", out var latest));
        Assert.Equal(130, latest);
        Assert.True(patient.LatestObservationValue(Day(2020, 7, 1), "8480-6", out var mid));
        Assert.Equal(170, mid);
        Assert.False(patient.LatestObservationValue(Day(2019, 1, 1), "8480-6", out _));
        Assert.False(patient.LatestObservationValue(Day(2022, 1, 1), "8462-4", out _));

        patient.RecordObservation(Day(2020, 1, 1), Smoking, double.NaN, -1);
        Assert.False(patient.LatestObservationValue(Day(2022, 1, 1), "72166-2", out _)); // text results have no number
        Assert.Equal("Never smoker", patient.LatestObservationText(Day(2022, 1, 1), "72166-2"));
    }

    [Fact]
    public void A_reference_ends_every_event_its_state_created()
    {
        var patient = NewPatient();
        long start = Day(2020, 1, 1);
        patient.StartMedication(start, Amlodipine, -1); // another module's drug, not referenced
        int first = patient.StartMedication(start, Lisinopril, -1);
        patient.StartMedication(start, Amlodipine, -1);
        var regimen = AttributeValue.Reference(EventKind.Medication, first, 2);

        Assert.True(patient.IsReferenceActive(regimen, EventKind.Medication, Day(2020, 2, 1)));
        Assert.False(patient.EndReferenced(regimen, EventKind.Condition, Day(2021, 1, 1), "stopped")); // wrong kind: no-op
        Assert.True(patient.EndReferenced(regimen, EventKind.Medication, Day(2021, 1, 1), "stopped"));

        Assert.False(patient.Medications[0].HasEnded);
        Assert.Equal("stopped", patient.Medications[1].Status);
        Assert.Equal(Day(2021, 1, 1), patient.Medications[2].End);
        Assert.False(patient.IsReferenceActive(regimen, EventKind.Medication, Day(2021, 2, 1)));
        Assert.False(patient.EndReferenced(AttributeValue.Unset, EventKind.Medication, Day(2021, 1, 1), null));
    }

    [Fact]
    public void Ending_by_code_ends_the_most_recent_active_match()
    {
        var patient = NewPatient();
        patient.StartMedication(Day(2019, 1, 1), Lisinopril, -1);
        patient.StartMedication(Day(2020, 1, 1), Lisinopril, -1);
        Assert.True(patient.EndLatestActive(EventKind.Medication, "314076", Day(2021, 1, 1), "completed"));
        Assert.False(patient.Medications[0].HasEnded);
        Assert.True(patient.Medications[1].HasEnded);
        Assert.True(patient.EndLatestActive(EventKind.Medication, "314076", Day(2021, 1, 1), "completed"));
        Assert.False(patient.EndLatestActive(EventKind.Medication, "314076", Day(2021, 1, 1), "completed"));
    }

    [Fact]
    public void Death_keeps_the_earliest_time()
    {
        var patient = NewPatient();
        Assert.False(patient.HasDied);
        Assert.True(patient.IsAliveAt(Day(2024, 1, 1)));
        patient.RecordDeath(Day(2023, 1, 1), Hypertension, -1);
        patient.SetDeath(Day(2024, 1, 1)); // later: ignored
        Assert.Equal(Day(2023, 1, 1), patient.DeathTicks);
        Assert.Same(Hypertension, patient.CauseOfDeath);
        Assert.False(patient.IsAliveAt(Day(2023, 1, 1)));
    }

    [Fact]
    public void Age_turns_over_exactly_on_the_birthday()
    {
        var patient = new PatientContext(0);
        patient.Reset(1, 0, Day(2000, 2, 29), Gender.Male, Day(2030, 1, 1));
        Assert.Equal(0, patient.AgeInYears(Day(2000, 2, 29)));
        Assert.True(patient.AgeInYears(Day(2018, 2, 27)) < 18);
        Assert.Equal(18, patient.AgeInYears(Day(2018, 2, 28))); // a leap-day birthday falls on Feb 28 in common years
        Assert.InRange(patient.AgeInYears(Day(2018, 8, 30)), 18.49, 18.51);
    }

    [Fact]
    public void Reset_clears_everything_but_keeps_buffer_capacity()
    {
        var patient = NewPatient(attributes: 3);
        for (int i = 0; i < 1000; i++)
        {
            int encounter = patient.StartEncounter(Day(2000, 1, 1) + i * TimeSpan.TicksPerDay, Visit);
            patient.RecordObservation(Day(2000, 1, 1), Systolic, i, encounter);
            patient.OnsetCondition(Day(2000, 1, 1), Hypertension, encounter);
        }
        patient.Attributes[2] = AttributeValue.FromText("x");
        patient.RecordDeath(Day(2010, 1, 1), null, -1);
        int encounterCapacity = patient.Encounters.Capacity;
        int observationCapacity = patient.Observations.Capacity;
        int conditionCapacity = patient.Conditions.Capacity;
        var random = patient.Random;

        patient.Reset(seed: 2, patientIndex: 1, birthTicks: Day(1980, 1, 1), Gender.Male, endTicks: Day(2025, 1, 1));

        Assert.Equal(0, patient.Encounters.Count);
        Assert.Equal(0, patient.Observations.Count);
        Assert.Equal(0, patient.Conditions.Count);
        Assert.Equal(encounterCapacity, patient.Encounters.Capacity);
        Assert.Equal(observationCapacity, patient.Observations.Capacity);
        Assert.Equal(conditionCapacity, patient.Conditions.Capacity);
        Assert.True(observationCapacity >= 1000);
        Assert.All(patient.Attributes, value => Assert.False(value.IsSet));
        Assert.False(patient.HasDied);
        Assert.Same(random, patient.Random);
        Assert.Equal(Gender.Male, patient.Gender);
        Assert.Equal(new PatientRandom(2, 1).NextUInt64(), patient.Random.NextUInt64());
    }

    [Fact]
    public void Buffers_expose_read_only_spans()
    {
        var patient = NewPatient();
        patient.RecordObservation(Day(2020, 1, 1), Systolic, 120, -1);
        patient.RecordObservation(Day(2020, 2, 1), Systolic, 125, -1);
        double sum = 0;
        foreach (ref readonly var observation in patient.Observations) sum += observation.Value;
        Assert.Equal(245, sum);
        Assert.Equal(2, patient.Observations.AsSpan().Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => patient.Observations[2]);
    }
}
