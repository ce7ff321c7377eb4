using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Orchestrator.Api.Handlers;

namespace Orchestrator.Functions.Http;

public sealed class SubscriptionFunctions(SubscriptionHandlers subscriptions, SubscriptionActionHandlers actions)
{
    [Function("SubscriptionWorkflows")]
    public Task<IActionResult> Workflows([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "subscriptions/workflows/{subscriptionId}")] HttpRequest req, string subscriptionId) =>
        actions.WorkflowsAsync(req, subscriptionId).AsAction();

    [Function("SetSubscriptionInSync")]
    public Task<IActionResult> SetInSync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "subscriptions/{subscriptionId}/set_in_sync")] HttpRequest req, string subscriptionId) =>
        actions.SetInSyncAsync(req, subscriptionId).AsAction();

    [Function("ListSubscriptions")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "subscriptions")] HttpRequest req) =>
        subscriptions.ListAsync(req).AsAction();

    [Function("SubscriptionDomainModel")]
    public Task<IActionResult> DomainModel([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "subscriptions/domain-model/{subscriptionId}")] HttpRequest req, string subscriptionId) =>
        subscriptions.DomainModelAsync(req, subscriptionId).AsAction();

    [Function("SubscriptionInUseBy")]
    public Task<IActionResult> InUseBy([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "subscriptions/in_use_by/{subscriptionId}")] HttpRequest req, string subscriptionId) =>
        subscriptions.InUseByAsync(req, subscriptionId).AsAction();

    [Function("SubscriptionDependsOn")]
    public Task<IActionResult> DependsOn([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "subscriptions/depends_on/{subscriptionId}")] HttpRequest req, string subscriptionId) =>
        subscriptions.DependsOnAsync(req, subscriptionId).AsAction();
}
