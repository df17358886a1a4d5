namespace SyntheticPatients.Runtime.Definitions;

/// <summary>A medication a medication_start state orders.</summary>
public sealed class MedicationDefinition : ClinicalDefinition
{
    public MedicationDefinition(string name, Code[]? codes)
        : base(name, codes)
    {
    }

    public string? Dose { get; init; }

    public string? TherapyCategory { get; init; }

    /// <summary>Therapeutic class (<c>class:</c> in the module).</summary>
    public string? TherapeuticClass { get; init; }

    /// <summary>Indication (<c>condition:</c> in the module).</summary>
    public string? Reason { get; init; }

    public string? Status { get; init; }
}
