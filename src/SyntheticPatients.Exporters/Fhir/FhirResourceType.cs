namespace SyntheticPatients.Exporters.Fhir;

/// <summary>The resource types the FHIR exporter writes, in the order they appear in a bundle and in the file list.</summary>
public enum FhirResourceType
{
    Patient,
    Organization,
    Practitioner,
    Encounter,
    Condition,
    AllergyIntolerance,
    Observation,
    Procedure,
    MedicationRequest,
    Immunization,
    CarePlan,
    FamilyMemberHistory,
}

/// <summary>Names of <see cref="FhirResourceType"/> values, as FHIR spells them (UTF-8 and text).</summary>
public static class FhirResourceTypes
{
    /// <summary>Every type, in <see cref="FhirResourceType"/> order.</summary>
    public static IReadOnlyList<FhirResourceType> All { get; } = Enum.GetValues<FhirResourceType>();

    private static readonly string[] Names = All.Select(t => t.ToString()).ToArray();
    private static readonly byte[][] Utf8Names = Names.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();

    public static string Name(FhirResourceType type) => Names[(int)type];

    public static ReadOnlySpan<byte> Utf8Name(FhirResourceType type) => Utf8Names[(int)type];
}
