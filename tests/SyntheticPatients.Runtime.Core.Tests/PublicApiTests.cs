using ApprovalTests;
using ApprovalTests.Namers;
using ApprovalTests.Reporters;
using PublicApiGenerator;
using SyntheticPatients.Runtime.Modules;
using Xunit;

namespace SyntheticPatients.Runtime.Core.Tests;

/// <summary>
/// The core's public API is the ABI every compiled module library is built against: a change to it shows up here as a
/// diff of declarations, to accept on purpose (copy the .received.txt over the .approved.txt in approved/).
/// </summary>
[UseReporter(typeof(QuietReporter))]
[UseApprovalSubdirectory("approved")]
public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_of_the_runtime_core()
    {
        var api = typeof(CompiledModule).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            // Assembly attributes carry the build's version and target framework, which are not API.
            ExcludeAttributes = new[]
            {
                "System.Runtime.Versioning.TargetFrameworkAttribute",
                "System.Reflection.AssemblyMetadataAttribute",
            },
        });

        // Line endings normalised so the snapshot is the same on every OS.
        Approvals.Verify(api.Replace("\r\n", "\n"));
    }
}
