using SyntheticPatients.Language.Model;
using Xunit;

namespace SyntheticPatients.Runtime.Tests.Body;

/// <summary>The language names the runtime's vital signs by ordinal and member name: the two lists must agree.</summary>
public sealed class BodyVitalSignTableTests
{
    [Fact]
    public void The_language_table_matches_the_runtime_enum()
    {
        var names = Enum.GetNames<VitalSign>();
        Assert.Equal(names, BodyVitalSigns.All.OrderBy(s => s.Ordinal).Select(s => s.Member));
        Assert.Equal(Enumerable.Range(0, names.Length), BodyVitalSigns.All.Select(s => s.Ordinal));
        Assert.Equal(VitalSigns.Count, names.Length);
    }
}
