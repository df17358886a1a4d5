namespace SyntheticPatients.Runtime.Definitions;

public sealed class ProcedureDefinition : ClinicalDefinition
{
    public ProcedureDefinition(string name, Code[]? codes)
        : base(name, codes)
    {
    }

    public string? Reason { get; init; }

    public string? Status { get; init; }
}
