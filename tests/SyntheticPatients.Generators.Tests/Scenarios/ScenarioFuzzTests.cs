using System;
using System.Linq;
using SyntheticPatients.Language.Parameters;
using SyntheticPatients.Language.Scenarios;
using Xunit;

namespace SyntheticPatients.Generators.Tests.Scenarios;

/// <summary>Random damage to the shipped scenarios never makes the scenario front-end throw: output or diagnostics.</summary>
public sealed class ScenarioFuzzTests
{
    private static readonly string[] Tokens =
    {
        ":", "- ", "[", "]", "{", "}", "'", "\"", "#", ",", "-", "0-", "-1", "110-0", "0.5", "1e308", "NaN", "remainder",
        "~", "Hispanic", "use: ", "use: nowhere.x", "M:0.5,F:", ":0.5", "age_dist:", "modules:", "terminology:", "é", "\t",
    };

    [Fact]
    public void Scenario_front_end_never_throws_on_mutated_scenarios()
    {
        var files = ShippedScenarioTests.ScenarioFiles();
        var modules = new[] { "sample_asthma", "sample_hypertension", "sample_asthma_exacerbation" };
        var random = new Random(20261126);
        int withDiagnostics = 0;
        for (int i = 0; i < 3000; i++)
        {
            var text = Mutate(files[random.Next(files.Length)].Text, random, 1 + random.Next(3));

            var compilation = ScenarioFrontEnd.Compile("scenarios/fuzz.yaml", text, ParameterSet.Empty, modules);

            Assert.DoesNotContain(compilation.Diagnostics, d => d.Id == "SPM0999");
            Assert.True(compilation.Spec is not null || compilation.HasErrors, $"iteration {i}: no model and no error\n{text}");
            if (!compilation.Diagnostics.IsEmpty) withDiagnostics++;
        }
        Assert.True(withDiagnostics > 1000, "mutations should mostly break scenarios; the fuzzer is not biting");
    }

    private static string Mutate(string source, Random random, int count)
    {
        var lines = source.Split('\n').ToList();
        for (int n = 0; n < count && lines.Count > 0; n++)
        {
            int at = random.Next(lines.Count);
            switch (random.Next(5))
            {
                case 0: lines.RemoveAt(at); break;
                case 1: lines.Insert(at, lines[random.Next(lines.Count)]); break;
                case 2: lines[at] = new string(' ', 1 + random.Next(4)) + lines[at]; break;
                case 3: lines[at] = lines[at].Insert(random.Next(lines[at].Length + 1), Tokens[random.Next(Tokens.Length)]); break;
                default:
                {
                    var line = lines[at];
                    lines[at] = line.Length == 0 ? line : line.Remove(random.Next(line.Length), 1);
                    break;
                }
            }
        }
        return string.Join('\n', lines);
    }
}
