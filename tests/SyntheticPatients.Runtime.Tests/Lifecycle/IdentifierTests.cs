using SyntheticPatients.Runtime.Lifecycle;
using Xunit;

namespace SyntheticPatients.Runtime.Tests.Lifecycle;

public sealed class IdentifierTests
{
    [Fact]
    public void New_guid_is_a_version_4_rfc4122_guid_and_deterministic()
    {
        var a = Identifiers.NewGuid(new PatientRandom(7, 3));
        var b = Identifiers.NewGuid(new PatientRandom(7, 3));
        var c = Identifiers.NewGuid(new PatientRandom(7, 4));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(4, a.Version);
        Assert.Equal('4', a.ToString()[14]);
        Assert.Contains(a.ToString()[19], "89ab");
    }

    [Fact]
    public void Name_based_guid_is_stable()
    {
        Assert.Equal(Identifiers.FromName("organization|x"), Identifiers.FromName("organization|x"));
        Assert.NotEqual(Identifiers.FromName("organization|x"), Identifiers.FromName("organization|y"));
        Assert.Equal(5, Identifiers.FromName("a").Version);
    }

    [Fact]
    public void Ssn_is_in_the_999_area_and_unique_for_a_million_patients()
    {
        var random = new PatientRandom(1, 1);
        var seen = new HashSet<string>();
        for (long i = 0; i < 1_000_000; i++)
        {
            var ssn = Identifiers.Ssn(i, random);
            Assert.True(seen.Add(ssn), ssn);
        }
        Assert.All(seen.Take(1000), s => Assert.Matches(@"^999-\d{2}-\d{4}$", s));
        Assert.Matches(@"^999-\d{2}-\d{4}$", Identifiers.Ssn(5_000_000, random));
    }

    [Fact]
    public void Mrn_is_derived_from_the_index()
    {
        Assert.Equal("MRN000000042", Identifiers.Mrn(42));
        Assert.NotEqual(Identifiers.Mrn(1), Identifiers.Mrn(2));
    }
}
