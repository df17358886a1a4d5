using SyntheticPatients.Runtime.Lifecycle.Catalogs;
using SyntheticPatients.Runtime.Records;

namespace SyntheticPatients.Runtime.Lifecycle;

/// <summary>
/// The patient's usual clinic and clinician, the state's hospital, and the private plan, chosen from bits of the
/// patient id, so every step (and every thread) picks the same ones without shared state.
/// </summary>
public readonly struct CareTeam
{
    private readonly byte _clinic;
    private readonly byte _provider;
    private readonly byte _plan;

    private CareTeam(string state, byte clinic, byte provider, byte plan)
    {
        State = state;
        _clinic = clinic;
        _provider = provider;
        _plan = plan;
    }

    public string State { get; }

    public static CareTeam For(Demographics demographics)
    {
        Span<byte> bytes = stackalloc byte[16];
        demographics.Id.TryWriteBytes(bytes);
        return new CareTeam(demographics.State, bytes[3], bytes[4], bytes[5]);
    }

    public Organization Clinic
    {
        get
        {
            var clinics = OrganizationCatalog.Clinics(State);
            return clinics[_clinic % clinics.Count];
        }
    }

    public Guid PrimaryCareProvider
    {
        get
        {
            var providers = Clinic.Providers;
            return providers[_provider % providers.Count];
        }
    }

    public Organization Hospital => OrganizationCatalog.Hospital(State);

    public int PrivatePlan => _plan;
}
