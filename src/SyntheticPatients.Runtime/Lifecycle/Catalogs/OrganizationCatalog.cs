namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>A clinic or hospital of the deterministic provider pool, with its clinicians.</summary>
public sealed record Organization(Guid Id, string Name, string StateCode, bool IsHospital, IReadOnlyList<Guid> Providers);

/// <summary>
/// Deterministic organizations per state (three primary care clinics and a hospital) and their providers: ids are
/// name-based GUIDs, so every run and every thread sees the same pool.
/// </summary>
public static class OrganizationCatalog
{
    private const int ProvidersPerOrganization = 4;

    private static readonly Dictionary<string, Organization[]> ByState = GeographyCatalog.States.ToDictionary(
        s => s.Code,
        s => new[]
        {
            Build($"{s.Places[0].City} Primary Care Associates", s.Code, false),
            Build($"{s.Places[^1].City} Family Medicine", s.Code, false),
            Build($"{s.Name} Community Health Center", s.Code, false),
            Build($"{s.Places[0].City} General Hospital", s.Code, true),
        },
        StringComparer.Ordinal);

    private static Organization Build(string name, string state, bool hospital)
    {
        var providers = new Guid[ProvidersPerOrganization];
        for (int i = 0; i < providers.Length; i++) providers[i] = Identifiers.FromName($"provider|{name}|{i}");
        return new Organization(Identifiers.FromName("organization|" + name), name, state, hospital, providers);
    }

    // Every encounter asks for its clinic or hospital: filtered once here, not per call.
    private static readonly Dictionary<string, Organization[]> ClinicsByState = ByState.ToDictionary(
        p => p.Key, p => p.Value.Where(o => !o.IsHospital).ToArray(), StringComparer.Ordinal);

    private static readonly Dictionary<string, Organization> HospitalByState = ByState.ToDictionary(
        p => p.Key, p => p.Value.First(o => o.IsHospital), StringComparer.Ordinal);

    public static IReadOnlyList<Organization> All => ByState.Values.SelectMany(o => o).ToArray();

    /// <summary>The clinics of a state (falls back to the first state's when the code is unknown).</summary>
    public static IReadOnlyList<Organization> Clinics(string stateCode)
        => ClinicsByState.TryGetValue(stateCode, out var clinics) ? clinics : ClinicsByState[GeographyCatalog.States[0].Code];

    public static Organization Hospital(string stateCode)
        => HospitalByState.TryGetValue(stateCode, out var hospital) ? hospital : HospitalByState[GeographyCatalog.States[0].Code];

    private static Organization[] Pool(string stateCode)
        => ByState.TryGetValue(stateCode, out var pool) ? pool : ByState[GeographyCatalog.States[0].Code];
}
