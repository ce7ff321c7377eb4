using System.Net;
using System.Text;

namespace Orchestrator.Infra.Cosmos;

/// <summary>
/// LOCAL EMULATOR ONLY. The one place that papers over what the local cosmosdb-server lacks, so that production code
/// paths stay plain SDK calls:
/// (a) it does not implement the gateway's query-plan request, which the SDK on Linux sends before every query, so this
///     handler answers it with a pass-through plan and lets the server evaluate the whole SQL;
/// (b) it answers a point read of a missing item with a 500 unless cross-partition queries are enabled, so the header is
///     added to every request (a missing item is then a proper 404).
/// Enabled by <c>Cosmos__UseLocalEmulatorShim=true</c>; against Azure Cosmos DB it must stay off.
/// </summary>
public sealed class LocalEmulatorShim : DelegatingHandler
{
    const string PassThroughPlan =
        """{"partitionedQueryExecutionInfoVersion":2,"queryInfo":{"distinctType":"None","top":null,"offset":null,"limit":null,"orderBy":[],"orderByExpressions":[],"groupByExpressions":[],"groupByAliases":[],"aggregates":[],"groupByAliasToAggregateType":{},"rewrittenQuery":"","hasSelectValue":false,"dCountInfo":null,"hasNonStreamingOrderBy":false},"queryRanges":[{"min":"","max":"FF","isMinInclusive":true,"isMaxInclusive":false}]}""";

    public LocalEmulatorShim() : base(new HttpClientHandler()) { }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.TryGetValues("x-ms-cosmos-is-query-plan-request", out var values)
            && values.Any(v => v.Equals("True", StringComparison.OrdinalIgnoreCase)))
        {
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(PassThroughPlan, Encoding.UTF8, "application/json"),
                RequestMessage = request,
            };
        }
        request.Headers.Remove("x-ms-documentdb-query-enablecrosspartition");
        request.Headers.TryAddWithoutValidation("x-ms-documentdb-query-enablecrosspartition", "True");
        return await base.SendAsync(request, cancellationToken);
    }
}
