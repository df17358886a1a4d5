using System.Diagnostics;
using System.Text.Json;

namespace SyntheticPatients.Exporters.Tests.Hl7;

/// <summary>The result of one run of tests/checkers/hl7/check.mjs.</summary>
public sealed record CheckerRun(int ExitCode, JsonElement Summary, string StandardError)
{
    public long Count(string name) => Summary.GetProperty(name).GetInt64();

    public long Errors => Count("errors");

    public long Accepted(string parser) => Summary.GetProperty("parsers").GetProperty(parser).GetProperty("accepted").GetInt64();

    public long Rejected(string parser) => Summary.GetProperty("parsers").GetProperty(parser).GetProperty("rejected").GetInt64();

    public IReadOnlyDictionary<string, long> ErrorsByRule =>
        Summary.GetProperty("errorsByRule").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());

    /// <summary>The summary as the checker printed it, for assertion messages.</summary>
    public override string ToString() => Summary.ToString();
}

/// <summary>
/// Runs the independent node checker (tests/checkers/hl7) via Process. The checker's npm packages must be installed
/// first: <c>.ci/install-hl7-checker.sh</c> (npm ci in tests/checkers/hl7).
/// </summary>
public static class NodeHl7Checker
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SyntheticPatients.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Repository root (SyntheticPatients.sln) not found above " + AppContext.BaseDirectory);
    }

    public static string Directory => Path.Combine(RepositoryRoot(), "tests", "checkers", "hl7");

    /// <summary>Runs <c>node check.mjs</c> with <paramref name="arguments"/>; fails the test with an install hint when the checker is not installed.</summary>
    public static CheckerRun Run(params string[] arguments)
    {
        var directory = Directory;
        foreach (var package in new[] { "@redoxengine/redox-hl7-v2", "hl7v2", "hl7v2-dictionary", "hl7-dictionary", "simple-hl7" })
        {
            if (!System.IO.Directory.Exists(Path.Combine(directory, "node_modules", package)))
            {
                Assert.Fail($"The HL7 checker's npm packages are not installed ({package} is missing in {directory}/node_modules). "
                    + "Install them with: bash .ci/install-hl7-checker.sh   (runs 'npm ci --no-audit --no-fund' in tests/checkers/hl7; needs node >= 20).");
            }
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("check.mjs");
        foreach (var a in arguments) start.ArgumentList.Add(a);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"node is not on PATH ({e.Message}); the HL7 checker needs node >= 20 and 'bash .ci/install-hl7-checker.sh'.");
            throw;
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("The HL7 checker did not finish within 5 minutes.");
            }
            process.WaitForExit();
            Assert.True(process.ExitCode is 0 or 1, $"The HL7 checker failed (exit {process.ExitCode}): {stderr.Result}{stdout.Result}");
            using var json = JsonDocument.Parse(stdout.Result);
            return new CheckerRun(process.ExitCode, json.RootElement.Clone(), stderr.Result);
        }
    }
}
