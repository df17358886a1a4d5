using SyntheticPatients.Runtime.Definitions;
using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>When each catalog condition (baseline or module, matched by code) and each medication is active.</summary>
public sealed class ClinicalTimeline
{
    private readonly List<(string Key, DateTime Start, DateTime? Stop)> _conditions = new();
    private readonly List<(MedicationDefinition Medication, DateTime Start, DateTime? Stop)> _medications = new();

    public ClinicalTimeline(PatientRecord record)
    {
        foreach (var condition in record.Conditions)
        {
            var spec = ChronicConditionCatalog.Find(condition.Definition);
            if (spec is not null) _conditions.Add((spec.Key, condition.Start, condition.Stop));
        }
        foreach (var medication in record.Medications) _medications.Add((medication.Definition, medication.Start, medication.Stop));
    }

    /// <summary>Whether the chronic condition <paramref name="key"/> is active at <paramref name="date"/>.</summary>
    public bool Has(string key, DateTime date)
    {
        foreach (var (k, start, stop) in _conditions)
        {
            if (k == key && start <= date && (stop is null || stop > date)) return true;
        }
        return false;
    }

    /// <summary>Onset of the condition <paramref name="key"/> active at <paramref name="date"/>, or null.</summary>
    public DateTime? OnsetOf(string key, DateTime date)
    {
        foreach (var (k, start, stop) in _conditions)
        {
            if (k == key && start <= date && (stop is null || stop > date)) return start;
        }
        return null;
    }

    /// <summary>Whether a medication of <paramref name="therapeuticClass"/> (or that exact drug) is active.</summary>
    public bool OnMedication(DateTime date, string? therapeuticClass = null, MedicationDefinition? drug = null)
    {
        foreach (var (medication, start, stop) in _medications)
        {
            if (start > date || (stop is not null && stop <= date)) continue;
            if (drug is not null && ConditionMatch.SameConcept(medication, drug)) return true;
            if (therapeuticClass is not null && medication.TherapeuticClass == therapeuticClass) return true;
        }
        return false;
    }
}
