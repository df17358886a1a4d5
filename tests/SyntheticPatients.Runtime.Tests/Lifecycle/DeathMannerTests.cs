using SyntheticPatients.Runtime.Lifecycle;
using Xunit;

namespace SyntheticPatients.Runtime.Tests.Lifecycle;

/// <summary>The manner of a module death follows from its cause's ICD-10 code (ICD-10 chapter XX blocks).</summary>
public sealed class DeathMannerTests
{
    [Theory]
    [InlineData("X83.8XXA", "suicide")] // intentional self-harm
    [InlineData("T50.901A", "accident")] // poisoning, accidental intent
    [InlineData("T50.902A", "suicide")] // poisoning, intentional self-harm
    [InlineData("T40.1X3A", "homicide")] // heroin poisoning, assault
    [InlineData("T40.604A", "undetermined")] // narcotic poisoning, undetermined intent
    [InlineData("S72.001A", "accident")] // hip fracture
    [InlineData("W19.XXXA", "accident")] // fall
    [InlineData("V89.2XXA", "accident")] // traffic
    [InlineData("Y09", "homicide")] // assault
    [InlineData("Y33", "undetermined")]
    [InlineData("A41.9", "natural")] // sepsis
    [InlineData("F10.20", "natural")] // alcohol dependence
    [InlineData("C34.90", "natural")]
    public void Manner_follows_the_ICD10_cause(string code, string manner) => Assert.Equal(manner, DeathManner.OfIcd10(code));
}
