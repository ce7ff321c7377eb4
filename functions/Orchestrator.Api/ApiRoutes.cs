using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Orchestrator.Api.Handlers;

namespace Orchestrator.Api;

/// <summary>
/// Every HTTP route of the API, with the function name the Functions app gives it. The local host maps exactly this list;
/// a test compares it with the Functions app's generated functions.metadata, so the two hosts cannot drift apart.
/// Templates are relative to <c>/api</c>; a trailing slash is accepted by both hosts' routing.
/// </summary>
public static class ApiRoutes
{
    public sealed record Route(string FunctionName, string Method, string Template, Delegate Handler);

    public static readonly IReadOnlyList<Route> All =
    [
        new("Health", "GET", "health", (HttpRequest r, HealthHandlers h) => h.GetAsync(r)),
        new("ListProducts", "GET", "products", (HttpRequest r, ProductHandlers h) => h.ListAsync(r)),
        new("ProductTags", "GET", "products/tags/all", (HttpRequest r, ProductHandlers h) => h.TagsAsync(r)),
        new("ProductTypes", "GET", "products/types/all", (HttpRequest r, ProductHandlers h) => h.TypesAsync(r)),
        new("ProductStatuses", "GET", "products/statuses/all", (HttpRequest r, ProductHandlers h) => h.StatusesAsync(r)),
        new("GetProduct", "GET", "products/{productId}", (HttpRequest r, string productId, ProductHandlers h) => h.GetAsync(r, productId)),
        new("ListProductBlocks", "GET", "product_blocks", (HttpRequest r, ProductBlockHandlers h) => h.ListAsync(r)),
        new("GetProductBlock", "GET", "product_blocks/{productBlockId}", (HttpRequest r, string productBlockId, ProductBlockHandlers h) => h.GetAsync(r, productBlockId)),
        new("ListResourceTypes", "GET", "resource_types", (HttpRequest r, ResourceTypeHandlers h) => h.ListAsync(r)),
        new("GetResourceType", "GET", "resource_types/{resourceTypeId}", (HttpRequest r, string resourceTypeId, ResourceTypeHandlers h) => h.GetAsync(r, resourceTypeId)),
        new("ListWorkflows", "GET", "workflows", (HttpRequest r, WorkflowHandlers h) => h.ListAsync(r)),
        new("FixedInputConfiguration", "GET", "fixed_inputs/configuration", (HttpRequest r, FixedInputHandlers h) => h.ConfigurationAsync(r)),
        new("ListSubscriptions", "GET", "subscriptions", (HttpRequest r, SubscriptionHandlers h) => h.ListAsync(r)),
        new("SubscriptionDomainModel", "GET", "subscriptions/domain-model/{subscriptionId}", (HttpRequest r, string subscriptionId, SubscriptionHandlers h) => h.DomainModelAsync(r, subscriptionId)),
        new("SubscriptionInUseBy", "GET", "subscriptions/in_use_by/{subscriptionId}", (HttpRequest r, string subscriptionId, SubscriptionHandlers h) => h.InUseByAsync(r, subscriptionId)),
        new("SubscriptionDependsOn", "GET", "subscriptions/depends_on/{subscriptionId}", (HttpRequest r, string subscriptionId, SubscriptionHandlers h) => h.DependsOnAsync(r, subscriptionId)),
        new("SubscriptionWorkflows", "GET", "subscriptions/workflows/{subscriptionId}", (HttpRequest r, string subscriptionId, SubscriptionActionHandlers h) => h.WorkflowsAsync(r, subscriptionId)),
        new("SetSubscriptionInSync", "PUT", "subscriptions/{subscriptionId}/set_in_sync", (HttpRequest r, string subscriptionId, SubscriptionActionHandlers h) => h.SetInSyncAsync(r, subscriptionId)),
        new("GetEngineStatus", "GET", "settings/status", (HttpRequest r, SettingsHandlers h) => h.GetStatusAsync(r)),
        new("SetEngineStatus", "PUT", "settings/status", (HttpRequest r, SettingsHandlers h, DurableTaskClient c) => h.SetStatusAsync(r, c)),
        new("ListProcesses", "GET", "processes", (HttpRequest r, ProcessHandlers h) => h.ListAsync(r)),
        new("ProcessStatusCounts", "GET", "processes/status-counts", (HttpRequest r, ProcessHandlers h) => h.StatusCountsAsync(r)),
        new("ProcessesBySubscription", "GET", "processes/process-subscriptions-by-subscription-id/{subscriptionId}", (HttpRequest r, string subscriptionId, ProcessHandlers h) => h.BySubscriptionAsync(r, subscriptionId)),
        new("ProcessCallback", "POST", "processes/{processId}/callback/{token}", (HttpRequest r, string processId, string token, ProcessHandlers h, DurableTaskClient c) => h.CallbackAsync(r, processId, token, c)),
        new("ResumeAllProcesses", "PUT", "processes/resume-all", (HttpRequest r, ProcessHandlers h, DurableTaskClient c) => h.ResumeAllAsync(r, c)),
        new("DeleteProcess", "DELETE", "processes/{processId}", (HttpRequest r, string processId, ProcessHandlers h, DurableTaskClient c) => h.DeleteAsync(r, processId, c)),
        new("StartProcess", "POST", "processes/{workflowKey}", (HttpRequest r, string workflowKey, ProcessHandlers h, DurableTaskClient c) => h.StartAsync(r, workflowKey, c)),
        new("GetProcess", "GET", "processes/{processId}", (HttpRequest r, string processId, ProcessHandlers h) => h.GetAsync(r, processId)),
        new("ProcessStatus", "GET", "processes/{processId}/status", (HttpRequest r, string processId, ProcessHandlers h, DurableTaskClient c) => h.StatusAsync(r, processId, c)),
        new("ResumeProcess", "PUT", "processes/{processId}/resume", (HttpRequest r, string processId, ProcessHandlers h, DurableTaskClient c) => h.ResumeAsync(r, processId, c)),
        new("AbortProcess", "PUT", "processes/{processId}/abort", (HttpRequest r, string processId, ProcessHandlers h, DurableTaskClient c) => h.AbortAsync(r, processId, c)),
        new("ListSchedules", "GET", "schedules", (HttpRequest r, ScheduleHandlers h) => h.ListAsync(r)),
        new("CreateSchedule", "POST", "schedules", (HttpRequest r, ScheduleHandlers h) => h.CreateAsync(r)),
        new("UpdateSchedule", "PUT", "schedules/{scheduleId}", (HttpRequest r, string scheduleId, ScheduleHandlers h) => h.UpdateAsync(r, scheduleId)),
        new("DeleteSchedule", "DELETE", "schedules/{scheduleId}", (HttpRequest r, string scheduleId, ScheduleHandlers h) => h.DeleteAsync(r, scheduleId)),
    ];
}
