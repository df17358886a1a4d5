using System.Buffers.Binary;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace SyntheticPatients.Reporting.Tests;

/// <summary>
/// dashboard.html renders in a real browser (Debian's Chromium, headless) without errors and without asking for
/// anything outside the file, and its screenshot is a real picture. Chromium is required: install it with
/// <c>bash .ci/install-chromium.sh</c>.
/// </summary>
[Collection(GeneratedRunCollection.Name)]
public sealed partial class ChromiumRenderTests(GeneratedRun run, ITestOutputHelper output)
{
    /// <summary>
    /// Put first in &lt;head&gt;, before the page's Content-Security-Policy (a meta policy governs only what follows
    /// it, so this script still runs): it records script errors, failed loads, CSP violations and console errors into
    /// a &lt;pre id="__errors"&gt; that --dump-dom prints.
    /// </summary>
    private const string Hook = """
        <script>
        (function () {
          var errors = [];
          function show() {
            var pre = document.getElementById('__errors');
            if (!pre && document.body) { pre = document.createElement('pre'); pre.id = '__errors'; document.body.appendChild(pre); }
            if (pre) pre.textContent = JSON.stringify(errors);
          }
          function add(text) { errors.push(String(text)); show(); }
          window.onerror = function (message, source, line) { add('error: ' + message + ' at ' + source + ':' + line); };
          window.addEventListener('error', function (e) {
            if (e.target && e.target !== window) add('failed to load: ' + (e.target.src || e.target.href || e.target.tagName));
          }, true);
          window.addEventListener('unhandledrejection', function (e) { add('unhandled rejection: ' + e.reason); });
          document.addEventListener('securitypolicyviolation', function (e) { add('blocked: ' + e.blockedURI + ' (' + e.violatedDirective + ')'); });
          var consoleError = console.error;
          console.error = function () { add('console.error: ' + Array.prototype.join.call(arguments, ' ')); return consoleError.apply(console, arguments); };
          document.documentElement.setAttribute('data-hook', 'ready');
          document.addEventListener('DOMContentLoaded', show);
          window.addEventListener('load', show);
        })();
        </script>
        """;

    private static readonly string[] CommonFlags =
    {
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-extensions", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
    };

    private static string FindChromium()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } configured) candidates.Add(configured);
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" }) candidates.Add(Path.Combine(dir, name));
        }
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "Chromium is not installed, and the dashboard tests render dashboard.html in it. Install it with " +
                "'bash .ci/install-chromium.sh' (apt-get install -y chromium), or set CHROMIUM to a Chromium or Chrome executable.");
    }

    private sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    private static Outcome RunChromium(params string[] args)
    {
        var start = new ProcessStartInfo(FindChromium()) { RedirectStandardOutput = true, RedirectStandardError = true };
        var profile = GeneratedRun.TempDirectory();
        foreach (var flag in CommonFlags) start.ArgumentList.Add(flag);
        start.ArgumentList.Add("--user-data-dir=" + profile);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium " + string.Join(' ', args) + " did not finish in 2 minutes");
        }
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
        return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Loads a page carrying the hook and returns the errors it recorded (and the console lines Chromium logged).</summary>
    private (List<string> Errors, List<string> Console) Render(string html)
    {
        int head = html.IndexOf("<head>", StringComparison.Ordinal);
        Assert.True(head >= 0, "the page has a <head>");
        var page = Path.Combine(GeneratedRun.TempDirectory(), "checked.html");
        File.WriteAllText(page, html.Insert(head + "<head>".Length, "\n" + Hook));
        var outcome = RunChromium("--dump-dom", "--virtual-time-budget=3000", new Uri(page).AbsoluteUri);
        Assert.True(outcome.ExitCode == 0, $"chromium exited with {outcome.ExitCode}\n{outcome.Stderr}");
        Assert.Contains("data-hook=\"ready\"", outcome.Stdout); // the hook ran: an empty error list means something
        var match = ErrorsElement().Match(outcome.Stdout);
        Assert.True(match.Success, "the hook's error list is in the DOM\n" + outcome.Stdout[..Math.Min(2000, outcome.Stdout.Length)]);
        var json = System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
        var errors = JsonSerializer.Deserialize<List<string>>(json)!;
        // Chromium logs console messages and uncaught errors as "CONSOLE" lines; CSP refusals too.
        var console = outcome.Stderr.Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal) || l.Contains("Refused to", StringComparison.Ordinal)).ToList();
        return (errors, console);
    }

    [GeneratedRegex("<pre id=\"__errors\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ErrorsElement();

    private string DashboardHtml => File.ReadAllText(Path.Combine(run.Directory, "dashboard", "dashboard.html"));

    [Fact]
    public void Dashboard_renders_without_errors_or_outside_requests()
    {
        var (errors, console) = Render(DashboardHtml);
        Assert.True(errors.Count == 0, "page errors:\n" + string.Join("\n", errors));
        Assert.True(console.Count == 0, "console:\n" + string.Join("\n", console));
    }

    [Fact]
    public void The_error_hook_catches_script_errors_and_outside_requests()
    {
        // The same page with an outside image, an outside font and a failing script: each must be reported,
        // so that "no errors" above is not just a hook that never reports anything.
        var broken = DashboardHtml.Replace("</body>",
            "<img src=\"https://example.invalid/pixel.png\" alt=\"\">\n<link rel=\"stylesheet\" href=\"https://example.invalid/font.css\">\n" +
            "<script>undefinedFunction();</script>\n</body>", StringComparison.Ordinal);
        var (errors, _) = Render(broken);
        output.WriteLine(string.Join("\n", errors));
        Assert.Contains(errors, e => e.Contains("pixel.png", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("font.css", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("script-src", StringComparison.Ordinal) || e.Contains("undefinedFunction", StringComparison.Ordinal));
    }

    [Fact]
    public void Dashboard_screenshot_is_a_real_picture()
    {
        const int width = 1400, height = 3000;
        var png = Path.Combine(AppContext.BaseDirectory, "dashboard-screenshot.png");
        File.Delete(png);
        var html = Path.Combine(run.Directory, "dashboard", "dashboard.html");
        var outcome = RunChromium($"--screenshot={png}", $"--window-size={width},{height}", new Uri(html).AbsoluteUri);
        Assert.True(outcome.ExitCode == 0, $"chromium exited with {outcome.ExitCode}\n{outcome.Stderr}");
        Assert.True(File.Exists(png), "no screenshot written\n" + outcome.Stderr);
        output.WriteLine("screenshot: " + png);

        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG file");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        // A blank or nearly blank page of this size compresses to a few kilobytes; charts, text and tables do not.
        Assert.True(bytes.Length > 100_000, $"the screenshot is only {bytes.Length} bytes: the page looks empty");
    }
}
