using Microsoft.Azure.Cosmos;

namespace Orchestrator.Infra.Cosmos;

public static class CosmosClientFactory
{
    public static CosmosClient Create(CosmosOptions options)
    {
        var clientOptions = new CosmosClientOptions
        {
            ConnectionMode = ConnectionMode.Gateway,
            ApplicationName = "orchestrator",
            MaxRetryAttemptsOnRateLimitedRequests = 9,
        };
        if (options.UseLocalEmulatorShim)
        {
            clientOptions.LimitToEndpoint = true;
            clientOptions.HttpClientFactory = () => new HttpClient(new LocalEmulatorShim());
        }
        return new CosmosClient(options.Endpoint, options.Key, clientOptions);
    }
}
