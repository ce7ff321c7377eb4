using System.Diagnostics;
using System.Text;

namespace Orchestrator.Reliability.Tests;

/// <summary>
/// The local durable host (with the test workflows) as a child process on a free loopback port. Killed with SIGKILL, never
/// stopped politely; disposing kills it too, so no test leaves one behind.
/// </summary>
public sealed class HostProcess : IDisposable
{
    readonly Process process;
    readonly StringBuilder output = new();

    HostProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
        Http = new HttpClient { BaseAddress = new Uri(address, "/api/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }
    public HttpClient Http { get; }
    public bool HasExited => process.HasExited;
    public string Output { get { lock (output) return output.ToString(); } }

    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, string? crashAt = null)
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet", [HostDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(HostDll)!,
        };
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["ORCHESTRATOR_CRASH_AT"] = crashAt;
        var host = new HostProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"));
        host.process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host.process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReadyAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return host;
    }

    async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The host exited with {process.ExitCode}:\n{Output}");
            try
            {
                using var response = await Http.GetAsync("health");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The host did not answer /api/health within 90 s:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown, no flush, as a crash or an OOM kill would leave it.</summary>
    public void Kill()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    /// <summary>Waits until the host has killed itself at its crash point.</summary>
    public async Task WaitForCrashAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The host did not reach its crash point within {timeout.TotalSeconds} s:\n{Output}");
        }
    }

    void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    static string HostDll
    {
        get
        {
            var here = new DirectoryInfo(AppContext.BaseDirectory);   // tests/Orchestrator.Reliability.Tests/bin/<config>/net10.0/
            var configuration = here.Parent!.Name;
            var tests = here.Parent.Parent!.Parent!.Parent!.FullName;
            var dll = Path.Combine(tests, "Orchestrator.Reliability.Host", "bin", configuration, "net10.0", "Orchestrator.Reliability.Host.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build tests/Orchestrator.Reliability.Host first: {dll} is missing");
        }
    }

    public void Dispose()
    {
        Kill();
        Http.Dispose();
        process.Dispose();
    }
}
