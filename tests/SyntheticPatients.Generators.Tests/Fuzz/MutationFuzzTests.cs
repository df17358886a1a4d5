using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SyntheticPatients.Generators.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SyntheticPatients.Generators.Tests.Fuzz;

/// <summary>
/// Random damage to real modules (deleted or duplicated lines, shifted indentation, random tokens, truncation)
/// must never crash the generator: each run yields clean output or at least one diagnostic, never SPM0999.
/// </summary>
public sealed class MutationFuzzTests(ITestOutputHelper output)
{
    private const int Iterations = 10_000;

    private static readonly string[] Tokens =
    {
        ":", "- ", "[", "]", "{", "}", "&anchor ", "*anchor", "*missing", "!!str ", "!!map ", "'", "\"", "#", "use: ", "use: nowhere.x",
        "type: delay", "type: guard", "to: start", "to: ", "~", "%", "@", "\t", "0.5", "-1", "probability: 2", "remainder", "é",
        "---", "...", "? ", "|", ">", "null", "true", "1e308", "NaN", "condition:", "  - to: end", "states:", "name:", "\u0000",
    };

    [Fact]
    public void Generator_never_throws_on_mutated_modules()
    {
        var library = RepositoryFiles.ModuleLibrary();
        var modules = library.Where(f => f.Path.StartsWith("modules/", StringComparison.Ordinal)).ToArray();
        var parameters = library.Where(f => !f.Path.StartsWith("modules/", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(modules);

        var random = new Random(20261125);
        var compilation = GeneratorHarness.Compilation();
        int clean = 0, withDiagnostics = 0;
        var mutated = new InMemoryAdditionalText(GeneratorHarness.Root + "modules/fuzz_target.yaml", modules[0].Text);
        var driver = GeneratorHarness.CreateDriver(
            parameters.Select(p => (AdditionalText)new InMemoryAdditionalText(GeneratorHarness.Root + p.Path, p.Text)).Append(mutated));

        for (int i = 0; i < Iterations; i++)
        {
            var source = modules[random.Next(modules.Length)].Text;
            var text = Mutate(source, random, 1 + random.Next(3));
            var next = new InMemoryAdditionalText(mutated.Path, text);
            driver = driver.ReplaceAdditionalText(mutated, next);
            mutated = next;

            driver = driver.RunGenerators(compilation);
            var result = driver.GetRunResult();
            var exception = result.Results.Single().Exception;
            Assert.True(exception is null, $"iteration {i}: generator threw {exception}\n--- input ---\n{text}");
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SPM0999");

            var moduleDiagnostics = result.Diagnostics.Where(d => d.Location.GetLineSpan().Path == mutated.Path).ToList();
            bool emitted = result.Results.Single().GeneratedSources.Length > 2; // the module's class plus the registry and the catalog
            Assert.True(emitted || moduleDiagnostics.Count > 0, $"iteration {i}: no output and no diagnostic\n--- input ---\n{text}");
            if (moduleDiagnostics.Count == 0) clean++; else withDiagnostics++;
        }

        output.WriteLine($"{Iterations} mutations: {clean} compiled cleanly, {withDiagnostics} produced diagnostics, 0 exceptions.");
        Assert.True(withDiagnostics > Iterations / 2, "mutations should mostly break modules; the fuzzer is not biting");
    }

    private static string Mutate(string source, Random random, int count)
    {
        var lines = source.Split('\n').ToList();
        for (int n = 0; n < count && lines.Count > 0; n++)
        {
            int at = random.Next(lines.Count);
            switch (random.Next(7))
            {
                case 0: lines.RemoveAt(at); break;
                case 1: lines.Insert(at, lines[random.Next(lines.Count)]); break;
                case 2: lines[at] = new string(' ', 1 + random.Next(4)) + lines[at]; break;
                case 3: lines[at] = lines[at].TrimStart().PadLeft(lines[at].TrimStart().Length + random.Next(3)); break;
                case 4:
                {
                    var line = lines[at];
                    int position = random.Next(line.Length + 1);
                    lines[at] = line.Substring(0, position) + Tokens[random.Next(Tokens.Length)] + line.Substring(position);
                    break;
                }
                case 5:
                {
                    int other = random.Next(lines.Count);
                    (lines[at], lines[other]) = (lines[other], lines[at]);
                    break;
                }
                default:
                {
                    var joined = string.Join('\n', lines);
                    lines = joined.Substring(0, random.Next(joined.Length + 1)).Split('\n').ToList();
                    break;
                }
            }
        }
        return string.Join('\n', lines);
    }
}
