using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Orchestrator.Api.Handlers;

namespace Orchestrator.Functions.Http;

public sealed class SubscriptionFunctions(SubscriptionHandlers subscriptions)
{
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
