using System.Diagnostics;

namespace Orchestrator.Reliability.Tests;

/// <summary>
/// An Azurite of the test's own, on free ports and on disk (a temporary folder), so it can be stopped and started again
/// with its data: the storage outage of the fault tests. Disposing stops it and deletes the folder.
/// </summary>
public sealed class AzuriteProcess : IDisposable
{
    const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    readonly string location = Directory.CreateTempSubdirectory("azurite-").FullName;
    readonly int blob = FreePort.Next(), queue = FreePort.Next(), table = FreePort.Next();
    Process? process;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("node",
        [
            AzuriteJs, "--silent", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--location", location,
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", $"{blob}", "--queuePort", $"{queue}", "--tablePort", $"{table}",
        ])
        { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        foreach (var port in new[] { blob, queue, table }) await WaitForPortAsync(port);
    }

    /// <summary>SIGTERM: Azurite saves its metadata and exits, as a storage service that goes away does.</summary>
    public async Task StopAsync()
    {
        if (process is null || process.HasExited) return;
        using (var term = Process.Start("kill", ["-TERM", $"{process.Id}"])) await term.WaitForExitAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    static async Task WaitForPortAsync(int port)
    {
        for (var i = 0; i < 150; i++)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(200);
            }
        }
        throw new TimeoutException($"Azurite did not listen on {port}");
    }

    static string AzuriteJs
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Orchestrator.sln"))) dir = dir.Parent;
            var js = Path.Combine(dir?.FullName ?? ".", "tools", "emulators", "node_modules", "azurite", "dist", "src", "azurite.js");
            return File.Exists(js) ? js : throw new FileNotFoundException($"Azurite is not installed (npm ci in tools/emulators): {js}");
        }
    }

    public void Dispose()
    {
        if (process is { HasExited: false }) process.Kill(entireProcessTree: true);
        process?.Dispose();
        try
        {
            Directory.Delete(location, recursive: true);
        }
        catch (IOException)
        {
            // a file still held; the temp folder is cleaned by the OS
        }
    }
}
