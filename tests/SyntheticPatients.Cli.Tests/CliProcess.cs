using System.Diagnostics;
using System.Text;

namespace SyntheticPatients.Cli.Tests;

/// <summary>A running synthpatients process: its output is collected as it comes, and it can be signalled like a user would.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _description;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    public CliProcess(Process process, string description)
    {
        _process = process;
        _description = description;
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Waits (up to five minutes) for the process to end; the result holds everything it printed.</summary>
    public CliRunner.Result WaitForExit()
    {
        if (!_process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException("synthpatients " + _description + " did not finish in 5 minutes");
        }
        _process.WaitForExit(); // flushes the asynchronous output readers
        lock (_stdout)
        {
            return new CliRunner.Result(_process.ExitCode, _stdout.ToString(), _stderr.ToString());
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds while the process runs; fails the test if it ends first.</summary>
    public void WaitUntil(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (_process.HasExited) throw new InvalidOperationException($"synthpatients ended before {what}: exit {_process.ExitCode}\n{_stderr}");
            if (clock.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException($"no {what} after 2 minutes");
            Thread.Sleep(20);
        }
    }

    /// <summary>SIGKILL: no chance to clean up, as after kill -9, the OOM killer or a power cut.</summary>
    public void KillHard() => _process.Kill();

    /// <summary>Sends a signal by name (INT is Ctrl-C) with kill(1), which .NET has no API for.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -{name} {Id} failed");
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private void Append(StringBuilder builder, string? line)
    {
        if (line is null) return;
        lock (_stdout) builder.AppendLine(line);
    }
}
