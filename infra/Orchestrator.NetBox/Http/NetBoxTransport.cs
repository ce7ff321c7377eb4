using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orchestrator.NetBox.Models;
using Polly;

namespace Orchestrator.NetBox.Http;

/// <summary>
/// Sends requests and maps outcomes: 2xx → value, 404 → null where asked, 4xx → <see cref="NetBoxRequestException"/>,
/// anything that may succeed later → <see cref="NetBoxTransientException"/>. Retries live below, in the HTTP pipeline (GETs only).
/// </summary>
internal sealed class NetBoxTransport(HttpClient http, int pageSize)
{
    public async Task<T?> GetOrNullAsync<T>(string path, CancellationToken ct) where T : class
    {
        using var response = await ExchangeAsync(HttpMethod.Get, path, body: null, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        return await ReadAsync<T>(response, HttpMethod.Get, path, ct);
    }

    public async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await ExchangeAsync(HttpMethod.Get, path, body: null, ct);
        return await ReadAsync<T>(response, HttpMethod.Get, path, ct);
    }

    /// <summary>Reads every page, following NetBox's <c>next</c> links to the end.</summary>
    public async Task<IReadOnlyList<T>> ListAsync<T>(string path, IEnumerable<KeyValuePair<string, string>> query, CancellationToken ct)
    {
        var parameters = query.Append(KeyValuePair.Create("limit", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        string? next = path + "?" + string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var results = new List<T>();
        while (next is not null)
        {
            var page = await GetAsync<Page<T>>(next, ct);
            results.AddRange(page.Results);
            next = page.Next is null ? null : OnOurBaseAddress(page.Next);
        }
        return results;
    }

    public async Task<T> SendAsync<T>(HttpMethod method, string path, object body, CancellationToken ct)
    {
        using var response = await ExchangeAsync(method, path, body, ct);
        return await ReadAsync<T>(response, method, path, ct);
    }

    /// <summary>DELETE; an object that is already gone counts as deleted.</summary>
    public async Task DeleteAsync(string path, CancellationToken ct)
    {
        using var response = await ExchangeAsync(HttpMethod.Delete, path, body: null, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return;
        await ThrowIfFailedAsync(response, HttpMethod.Delete, path, ct);
    }

    private async Task<HttpResponseMessage> ExchangeAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: NetBoxJson.Options);
        try
        {
            return await http.SendAsync(request, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException or ExecutionRejectedException)
        {
            var what = e is OperationCanceledException or ExecutionRejectedException ? "timed out" : "failed";
            throw new NetBoxTransientException($"NetBox {method} {path} {what}: {e.Message}", innerException: e);
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpMethod method, string path, CancellationToken ct)
    {
        await ThrowIfFailedAsync(response, method, path, ct);
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(NetBoxJson.Options, ct)
                ?? throw new NetBoxTransientException($"NetBox {method} {path} answered {(int)response.StatusCode} with an empty body.", response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new NetBoxTransientException($"NetBox {method} {path}: the response broke off: {e.Message}", response.StatusCode, e);
        }
        catch (JsonException e)
        {
            throw new NetBoxRequestException(response.StatusCode, method.Method, path, $"unreadable response ({e.Message})");
        }
    }

    private static async Task ThrowIfFailedAsync(HttpResponseMessage response, HttpMethod method, string path, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await SafeReadBodyAsync(response, ct);
        var status = response.StatusCode;
        if (IsTransient(status))
            throw new NetBoxTransientException($"NetBox {method} {path} answered {(int)status} {status}: {body}", status);
        throw new NetBoxRequestException(status, method.Method, path, body);
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static async Task<string> SafeReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadAsStringAsync(ct);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return $"(body unreadable: {e.Message})";
        }
    }

    /// <summary>NetBox builds <c>next</c> from the host it thinks it has (proxies get this wrong); keep path and query, use our address.</summary>
    private string OnOurBaseAddress(string next)
    {
        if (!Uri.TryCreate(next, UriKind.Absolute, out var absolute)) return next.TrimStart('/');
        var basePath = http.BaseAddress?.AbsolutePath ?? "/";
        var pathAndQuery = absolute.PathAndQuery;
        return pathAndQuery.StartsWith(basePath, StringComparison.Ordinal) ? pathAndQuery[basePath.Length..] : pathAndQuery.TrimStart('/');
    }
}
