using System.Text.Json.Nodes;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Forms;

namespace Orchestrator.Domain.Workflows;

/// <summary>The form that starts a workflow: its result is merged into the initial state.</summary>
public delegate Task<JsonObject> InitialForm(FormSession session, IFormContext context);

/// <summary>A workflow's own pages after the wrapper's first page; <c>initial</c> is that page's result (product or subscription).</summary>
public delegate Task<JsonObject> WorkflowForm(FormSession session, IFormContext context, JsonObject initial);

/// <summary>A workflow as code: a versioned list of steps and the form that starts it.</summary>
public sealed record WorkflowDefinition(
    string Name,
    WorkflowTarget Target,
    string Description,
    int Version,
    InitialForm Form,
    IReadOnlyList<Step> Steps)
{
    public bool IsTask => Target == WorkflowTarget.System;

    public Step StepAt(int index) => Steps[index];

    public int IndexOf(string key) => Steps.ToList().FindIndex(s => s.Key == key);
}
