using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace SyntheticPatients.Exporters.Tests.Vista;

/// <summary>
/// GT.M (Debian's fis-gtm) as an independent checker: a scratch database in a directory, <c>mupip load</c>,
/// <c>mupip extract</c> and M routines run with <c>mumps -run</c>. Set up as in the GT.M recipe: GDE creates the
/// global directory, <c>mupip create</c> the database file; <c>gtm_dist</c>, <c>gtmgbldir</c> and
/// <c>gtmroutines</c> point at them.
/// </summary>
internal sealed partial class GtmDatabase
{
    public const string InstallHint =
        "GT.M is not installed: run .ci/install-gtm.sh (apt-get update && apt-get install -y fis-gtm), or set gtm_dist to a GT.M or YottaDB directory holding mumps and mupip.";

    private readonly string _dist;

    private GtmDatabase(string dist, string directory)
    {
        _dist = dist;
        Directory = directory;
    }

    public string Directory { get; }

    /// <summary>The GT.M distribution directory ($gtm_dist, else the newest under /usr/lib/x86_64-linux-gnu/fis-gtm/), or null.</summary>
    public static string? FindDistribution()
    {
        static bool Usable(string? dir) => !string.IsNullOrEmpty(dir) && File.Exists(Path.Combine(dir, "mumps")) && File.Exists(Path.Combine(dir, "mupip"));
        var env = Environment.GetEnvironmentVariable("gtm_dist");
        if (Usable(env)) return env;
        foreach (var root in new[] { "/usr/lib/x86_64-linux-gnu/fis-gtm", "/usr/lib/aarch64-linux-gnu/fis-gtm", "/usr/lib/fis-gtm" })
        {
            if (!System.IO.Directory.Exists(root)) continue;
            var dist = System.IO.Directory.GetDirectories(root).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault(Usable);
            if (dist is not null) return dist;
        }
        return null;
    }

    /// <summary>
    /// A new database in <paramref name="directory"/> with VistA-like limits (keys up to 1019 bytes, records up to
    /// 16368, 4 KiB blocks), the M routines of this folder copied next to it. Fails with the install hint when GT.M
    /// is missing.
    /// </summary>
    public static GtmDatabase Create(string directory)
    {
        var dist = FindDistribution();
        Assert.True(dist is not null, InstallHint);
        System.IO.Directory.CreateDirectory(directory);
        foreach (var routine in System.IO.Directory.GetFiles(SourceDirectory(), "*.m"))
        {
            File.Copy(routine, Path.Combine(directory, Path.GetFileName(routine)), overwrite: true);
        }
        var db = new GtmDatabase(dist!, directory);
        var gde = db.Run("mumps", new[] { "-run", "GDE" },
            $"change -segment DEFAULT -file_name={directory}/g.dat -block_size=4096\n" +
            "change -region DEFAULT -key_size=1019 -record_size=16368\n" +
            "exit\n");
        Assert.True(gde.ExitCode == 0 && File.Exists(Path.Combine(directory, "g.gld")), "GDE failed:\n" + gde.Output);
        var create = db.Run("mupip", new[] { "create" });
        Assert.True(create.ExitCode == 0, "mupip create failed:\n" + create.Output);
        return db;
    }

    /// <summary>This source folder (the .m routines live here).</summary>
    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    /// <summary><c>mupip load -format=zwr</c>: the key count from "LOAD TOTAL ... Key Cnt: N" (-1 if absent).</summary>
    public (int ExitCode, long Keys, string Output) Load(string zwrFile)
    {
        var result = Run("mupip", new[] { "load", "-format=zwr", zwrFile });
        var match = KeyCount().Match(result.Output);
        return (result.ExitCode, match.Success ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1, result.Output);
    }

    /// <summary><c>mupip extract -format=zwr</c> of every global: the records (the two label lines dropped).</summary>
    public string[] Extract()
    {
        var path = Path.Combine(Directory, "extract.zwr");
        var result = Run("mupip", new[] { "extract", "-format=zwr", path });
        Assert.True(result.ExitCode == 0, "mupip extract failed:\n" + result.Output);
        return File.ReadAllLines(path, Encoding.UTF8).Skip(2).ToArray();
    }

    /// <summary><c>mumps -run entry^routine argument</c> (the argument is $ZCMDLINE): its output lines.</summary>
    public string[] Mumps(string entry, string argument = "")
    {
        var args = new List<string> { "-run", entry };
        if (argument.Length > 0) args.Add(argument);
        var result = Run("mumps", args);
        Assert.True(result.ExitCode == 0, $"mumps -run {entry} failed:\n{result.Output}");
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public (int ExitCode, string Output) Run(string program, IReadOnlyList<string> arguments, string? input = null)
    {
        var start = new ProcessStartInfo(Path.Combine(_dist, program))
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["gtm_dist"] = _dist;
        start.Environment["gtmgbldir"] = Path.Combine(Directory, "g.gld");
        start.Environment["gtmroutines"] = $"{Directory} {_dist}/libgtmutil.so {_dist}";
        start.Environment["gtm_chset"] = "M";
        start.Environment.Remove("ydb_chset");
        start.Environment.Remove("ydb_gbldir");
        start.Environment.Remove("ydb_routines");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null) process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} timed out.");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [GeneratedRegex(@"LOAD TOTAL\s+Key Cnt: (\d+)")]
    private static partial Regex KeyCount();
}
