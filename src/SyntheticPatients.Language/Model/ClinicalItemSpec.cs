using SyntheticPatients.Language.Text;

namespace SyntheticPatients.Language.Model;

/// <summary>
/// One clinical entry a state records: a condition, medication, observation, procedure, immunization,
/// care plan or allergy. Which optional fields apply depends on the state kind.
/// </summary>
public sealed record ClinicalItemSpec(
    string Name,
    SourceSpan Span,
    EquatableArray<CodeSpec> Codes,
    string? Category,
    string? Status,
    string? Units,
    QuantitySpec? Value,
    string? ValueText,
    string? Dose,
    string? TherapyCategory,
    string? Reason,
    string? Goal,
    string? Panel,
    string? ReferenceRange,
    string? Severity,
    int DoseNumber,
    EquatableArray<CarePlanActivitySpec> Activities)
{
    /// <summary>observation: the body measure it records, named by <c>vital_sign:</c> (else found by its LOINC code).</summary>
    public string? VitalSign { get; init; }
}

/// <summary>
/// A coded concept: system (SNOMED-CT, ICD-10-CM, LOINC, RxNorm, CVX, NDC, CPT), code and optional display.
/// <see cref="Span"/> is the code's node; <see cref="DisplaySpan"/> the node the display came from (an entry's
/// <c>display:</c>, else its <c>name:</c>; <see cref="SourceSpan.None"/> when there is none).
/// </summary>
public sealed record CodeSpec(string System, string Code, string? Display, SourceSpan Span, SourceSpan DisplaySpan = default);

public sealed record CarePlanActivitySpec(string Name, string? Status, EquatableArray<CodeSpec> Codes);
