using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using SyntheticPatients.Generators.Tests.Infrastructure;
using SyntheticPatients.Language.Compilation;
using Xunit;
using Xunit.Abstractions;

namespace SyntheticPatients.Generators.Tests.Fuzz;

/// <summary>
/// Random hostile YAML (alias trees, deep or unclosed nesting, binary bytes, all spliced into real modules) through the
/// whole front-end as module, scenario and parameters file: every input must end in diagnostics or a model, never an
/// exception or SPM0999, within a time and allocation budget per input (the YAML limits bound both, whatever the input).
/// </summary>
public sealed class HostileYamlFuzzTests(ITestOutputHelper output)
{
    private const int Iterations = 400;

    /// <summary>Generous for a shared 2-core machine; an unbounded alias tree or nesting takes minutes or overflows the stack.</summary>
    private static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(5);

    /// <summary>About ten times what the largest accepted input needs; an alias bomb allocates gigabytes.</summary>
    private const long AllocationBudget = 256L << 20;

    [Fact]
    public void The_front_end_stays_within_its_budget_on_hostile_yaml()
    {
        var modules = RepositoryFiles.ModuleLibrary().Where(f => f.Path.StartsWith("modules/", StringComparison.Ordinal)).ToArray();
        var random = new Random(20261206);
        long worstAllocation = 0;
        var worstTime = TimeSpan.Zero;
        for (int i = 0; i < Iterations; i++)
        {
            var text = Input(random, modules[random.Next(modules.Length)].Text);
            var files = new[] { ("modules/fuzz.yaml", text), ("scenarios/fuzz.yaml", text), ("data/parameters/fuzz.yaml", text) };

            long before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            var result = ModuleFrontEnd.Compile(files);
            var elapsed = clock.Elapsed;
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            var sample = text.Length > 300 ? text.Substring(0, 300) + "..." : text;
            Assert.True(elapsed < TimeBudget, $"iteration {i}: {elapsed} for {text.Length} characters\n{sample}");
            Assert.True(allocated < AllocationBudget, $"iteration {i}: allocated {allocated:N0} bytes for {text.Length} characters\n{sample}");
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SPM0999");
            worstAllocation = Math.Max(worstAllocation, allocated);
            if (elapsed > worstTime) worstTime = elapsed;
        }
        output.WriteLine($"{Iterations} inputs: worst {worstTime.TotalMilliseconds:F0} ms, worst {worstAllocation:N0} bytes allocated.");
    }

    private static string Input(Random random, string module) => random.Next(5) switch
    {
        0 => Binary(random),
        1 => AliasTree(random),
        2 => Nesting(random),
        3 => Splice(random, module, AliasTree(random)),
        _ => Splice(random, module, random.Next(2) == 0 ? Nesting(random) : Binary(random)),
    };

    /// <summary>Anchored levels, each a list or mapping of random aliases of earlier levels; used under a state's condition.</summary>
    private static string AliasTree(Random random)
    {
        var text = new StringBuilder("name: fuzz\nl0: &l0 {type: true}\n");
        int levels = 2 + random.Next(14);
        for (int level = 1; level < levels; level++)
        {
            int width = 1 + random.Next(16);
            var items = Enumerable.Range(0, width).Select(_ => "*l" + random.Next(Math.Max(0, level - 2), level));
            text.Append($"l{level}: &l{level} ");
            text.Append(random.Next(3) switch
            {
                0 => "[" + string.Join(", ", items) + "]",
                1 => "{" + string.Join(", ", items.Select((item, k) => $"k{k}: {item}")) + "}",
                _ => "{type: and, conditions: [" + string.Join(", ", items) + "]}",
            });
            text.Append('\n');
        }
        int last = levels - 1;
        return text.Append($"parameters: {{p: *l{last}}}\nstates:\n  start:\n    type: start\n    transitions:\n      - to: end\n        condition: *l{last}\n  end:\n    type: terminal\n").ToString();
    }

    /// <summary>Flow or block nesting up to 200,000 levels, closed or not.</summary>
    private static string Nesting(Random random)
    {
        int depth = random.Next(3) == 0 ? random.Next(200_000) : random.Next(200);
        var text = new StringBuilder("name: deep\nstates: ");
        for (int k = 0; k < depth; k++) text.Append(random.Next(2) == 0 ? "[" : "{a: ");
        if (random.Next(2) == 0) return text.ToString();
        for (int k = 0; k < depth; k++) text.Append(random.Next(2) == 0 ? "]" : "}");
        return text.ToString();
    }

    /// <summary>Random UTF-16 units: control characters, NUL, lone surrogates, YAML indicators.</summary>
    private static string Binary(Random random)
    {
        var chars = new char[random.Next(4096)];
        for (int k = 0; k < chars.Length; k++) chars[k] = (char)(random.Next(4) == 0 ? random.Next(0x10000) : random.Next(128));
        return new string(chars);
    }

    private static string Splice(Random random, string into, string piece)
    {
        int at = random.Next(into.Length + 1);
        return into.Substring(0, at) + piece + into.Substring(at);
    }
}
