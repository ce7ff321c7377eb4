using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Orchestrator.NetBox;

public static class NetBoxServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="INetBoxClient"/>, configured from the <c>NetBox</c> section. The HTTP pipeline retries
    /// GETs with exponential backoff and times out each attempt; POST, PATCH and DELETE are never re-sent by it.
    /// </summary>
    public static IServiceCollection AddNetBoxClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NetBoxOptions>().Bind(configuration.GetSection(NetBoxOptions.SectionName));

        services.AddHttpClient<INetBoxClient, NetBoxClient>((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<NetBoxOptions>>().Value;
                if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url))
                    throw new InvalidOperationException($"NetBox:Url must be an absolute URL (env NetBox__Url), got '{options.Url}'.");
                http.BaseAddress = new Uri(url.AbsoluteUri.TrimEnd('/') + "/");
                http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Token", options.Token);
                http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
                // A safety net only: each attempt has its own timeout in the resilience pipeline.
                http.Timeout = options.Timeout * (options.RetryCount + 1) + options.RetryDelay * (1 << Math.Min(options.RetryCount, 10)) + TimeSpan.FromSeconds(5);
            })
            .AddResilienceHandler("netbox", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<NetBoxOptions>>().Value;
                var retry = new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(options.RetryCount, 1),
                    Delay = options.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                };
                retry.DisableForUnsafeHttpMethods();
                if (options.RetryCount > 0) pipeline.AddRetry(retry);
                pipeline.AddTimeout(options.Timeout);
            });

        return services;
    }
}
