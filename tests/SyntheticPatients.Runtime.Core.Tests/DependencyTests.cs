using SyntheticPatients.Runtime.Modules;
using Xunit;

namespace SyntheticPatients.Runtime.Core.Tests;

/// <summary>
/// What the core may load: only the .NET runtime. A compiled module library depends on the core alone, so a reference
/// to the YAML front-end or a third-party package here would ship with every generated assembly.
/// </summary>
public sealed class DependencyTests
{
    [Theory]
    [InlineData("SyntheticPatients.Language")]
    [InlineData("YamlDotNet")]
    [InlineData("Bogus")]
    public void The_core_does_not_reference(string assembly)
    {
        var references = typeof(CompiledModule).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.NotEmpty(references); // the check below means something only if the references were read
        Assert.DoesNotContain(assembly, references);
    }

    [Fact]
    public void The_core_references_only_the_framework()
    {
        var references = typeof(CompiledModule).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, name => Assert.True(name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "netstandard" or "mscorlib", $"unexpected reference {name}"));
    }
}
