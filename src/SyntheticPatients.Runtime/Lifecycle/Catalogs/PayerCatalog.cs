namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>Payers by insurance label, with deterministic ids, and the share of costs they cover.</summary>
public static class PayerCatalog
{
    public sealed record Payer(Guid Id, string Name, decimal CoveredShare);

    public static readonly Payer Medicare = Create("Medicare", 0.80m);
    public static readonly Payer Medicaid = Create("Medicaid", 0.95m);
    public static readonly Payer Military = Create("TRICARE", 0.90m);

    public static readonly IReadOnlyList<Payer> Private = new[]
    {
        Create("UnitedHealthcare", 0.80m),
        Create("Blue Cross Blue Shield", 0.80m),
        Create("Aetna", 0.78m),
        Create("Cigna Health", 0.78m),
        Create("Humana", 0.78m),
    };

    private static Payer Create(string name, decimal share) => new(Identifiers.FromName("payer|" + name), name, share);

    /// <summary>
    /// The payer of a visit on <paramref name="date"/>: Medicare only from 65 (a younger "medicare" patient is on a
    /// private plan until then, a "dual" one on Medicaid), private plans chosen by <paramref name="privateIndex"/>,
    /// null for the uninsured.
    /// </summary>
    public static Payer? ForDate(string insurance, double ageAtDate, int privateIndex)
    {
        var privatePlan = Private[Math.Abs(privateIndex) % Private.Count];
        return insurance switch
        {
            "medicare" => ageAtDate >= 65 ? Medicare : privatePlan,
            "dual" => ageAtDate >= 65 ? Medicare : Medicaid,
            "medicaid" => Medicaid,
            "military" => Military,
            "uninsured" => null,
            _ => privatePlan,
        };
    }
}
