using System;
using System.Linq;
using System.Threading;
using SyntheticPatients.Generators.Tests.Infrastructure;
using SyntheticPatients.Language.Compilation;
using SyntheticPatients.Language.Yaml;
using Xunit;

namespace SyntheticPatients.Generators.Tests.HostileInput;

/// <summary>
/// The YAML reader's limits (<see cref="YamlLimits"/>): an alias bomb, deep nesting and an oversized file are each
/// refused with one located diagnostic, in bounded time, memory and stack, by the run-time front-end and the generator.
/// </summary>
public sealed class YamlLimitTests
{
    private const string File = "modules/demo.yaml";

    /// <summary>10^5 conditions through aliases: small enough that the unlimited front-end finishes, above the budget.</summary>
    private static readonly string ModerateBomb = HostileYaml.AliasBomb(levels: 6, width: 10);

    [Fact]
    public void An_alias_bomb_is_refused_at_the_alias_that_exceeds_the_budget()
    {
        var (result, allocated) = Measure(() => ModuleFrontEnd.Compile(new[] { (File, ModerateBomb) }));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SPM0028", diagnostic.Id);
        // Aliases in l1..l4 produce 39,480 nodes and each *l4 35,555 more: the second *l4 of l5 (line 7) passes 100,000.
        Assert.Equal(7, diagnostic.Span.Line);
        Assert.Equal(BombColumn(2), diagnostic.Span.Column);
        Assert.Contains("*l4", diagnostic.Message);
        Assert.Empty(result.Modules);
        Assert.True(allocated < 64L << 20, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_billion_laughs_module_stops_the_build_with_a_diagnostic()
    {
        // 10^9 scalars: the unlimited pipeline never finishes; the generator must report and stop.
        var diagnostics = GeneratorHarness.Diagnostics((File, HostileYaml.AliasBomb(levels: 9, width: 10)));
        DiagnosticAssert.Single(diagnostics, "SPM0028", File, 7, BombColumn(2));
    }

    [Fact]
    public void Aliases_within_the_budget_still_work()
    {
        var yaml = """
            name: demo
            states:
              start:
                type: start
                transitions: &out
                  - to: end
              middle:
                type: simple
                transitions: *out
              end:
                type: terminal
            """;
        var result = ModuleFrontEnd.Compile(new[] { (File, yaml) });
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SPM0028");
        Assert.Single(result.Modules);
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(YamlLimits.MaxDepth + 1)]
    public void Deep_nesting_is_refused_without_overflowing_the_stack(int levels)
    {
        // On a small stack (as a build or test host thread may have) an unbounded recursive reader dies with exit 134.
        var result = OnSmallStack(() => ModuleFrontEnd.Compile(new[] { (File, HostileYaml.Deep(levels)) }));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SPM0027", diagnostic.Id);
        // The root mapping is the first level and the n-th '[' the (n+1)-th: refused at the '[' one level too deep.
        Assert.Equal(2, diagnostic.Span.Line);
        Assert.Equal("states: ".Length + YamlLimits.MaxDepth, diagnostic.Span.Column);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read()
    {
        var syntax = YamlTreeReader.Read(File, HostileYaml.Deep(YamlLimits.MaxDepth - 1));
        Assert.Empty(syntax.Diagnostics);
        Assert.NotNull(syntax.Root);
    }

    [Fact]
    public void An_oversized_file_is_refused_before_it_is_parsed()
    {
        var yaml = "name: big\ndescription: " + new string('x', YamlLimits.MaxFileLength) + "\n";
        var (syntax, allocated) = Measure(() => YamlTreeReader.Read(File, yaml));
        var diagnostic = Assert.Single(syntax.Diagnostics);
        Assert.Equal("SPM0026", diagnostic.Id);
        Assert.Equal(1, diagnostic.Span.Line);
        Assert.Null(syntax.Root);
        Assert.True(allocated < 1L << 20, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Each_limit_is_reported_by_the_generator_at_its_node()
    {
        DiagnosticAssert.Single(GeneratorHarness.Diagnostics((File, HostileYaml.Deep(1000))), "SPM0027", File, 2, "states: ".Length + YamlLimits.MaxDepth);
        DiagnosticAssert.Single(GeneratorHarness.Diagnostics((File, new string('#', YamlLimits.MaxFileLength + 1))), "SPM0026", File, 1, 1);
    }

    /// <summary>The column of the n-th alias on an "l5: &amp;l5 {type: and, conditions: [*l4, *l4, ..." line.</summary>
    private static int BombColumn(int n) => 1 + "l5: &l5 {type: and, conditions: [".Length + (n - 1) * "*l4, ".Length;

    private static (T Result, long Allocated) Measure<T>(Func<T> work)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = work();
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static T OnSmallStack<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { result = work(); }
            catch (Exception ex) { failure = ex; }
        }, maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        if (failure is not null) throw new InvalidOperationException("front-end threw", failure);
        return result;
    }
}
