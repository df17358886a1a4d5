using SyntheticPatients.Exporters.Fhir.Mappers;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Exporters.Fhir;

/// <summary>
/// Writes every resource of one patient into a sink, in a fixed order: the Patient, the organizations and
/// practitioners its encounters reference, then encounters, conditions, allergies, observations, procedures,
/// medication requests, immunizations, care plans and family history. Within a type, records keep their order.
/// </summary>
internal sealed class PatientResources
{
    private readonly PatientScope _scope = new();

    public void Write(PatientRecord patient, ResourceSink sink)
    {
        var scope = _scope;
        scope.Reset(patient, sink);
        PatientMapper.Write(scope);

        var encounters = patient.Encounters;
        foreach (var e in encounters)
        {
            if (e.OrganizationId != Guid.Empty && sink.Claim(FhirResourceType.Organization, e.OrganizationId)) OrganizationMapper.Write(scope, e.OrganizationId);
        }
        foreach (var e in encounters)
        {
            if (e.ProviderId != Guid.Empty && sink.Claim(FhirResourceType.Practitioner, e.ProviderId)) PractitionerMapper.Write(scope, e.ProviderId);
        }
        foreach (var e in encounters) EncounterMapper.Write(scope, e);

        var conditions = patient.Conditions;
        for (int i = 0; i < conditions.Count; i++) ConditionMapper.Write(scope, conditions[i], i);
        var allergies = patient.Allergies;
        for (int i = 0; i < allergies.Count; i++) AllergyIntoleranceMapper.Write(scope, allergies[i], i);
        ObservationMapper.WriteAll(scope);
        if (patient.Death is { } death) ObservationMapper.WriteCauseOfDeath(scope, death);
        var procedures = patient.Procedures;
        for (int i = 0; i < procedures.Count; i++) ProcedureMapper.Write(scope, procedures[i], i);
        var medications = patient.Medications;
        for (int i = 0; i < medications.Count; i++) MedicationRequestMapper.Write(scope, medications[i], i);
        var immunizations = patient.Immunizations;
        for (int i = 0; i < immunizations.Count; i++) ImmunizationMapper.Write(scope, immunizations[i], i);
        foreach (var c in patient.CarePlans) CarePlanMapper.Write(scope, c);
        foreach (var f in patient.FamilyHistory) FamilyMemberHistoryMapper.Write(scope, f);
    }
}
