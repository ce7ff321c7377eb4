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

    /// <summary>
    /// What a start must claim before it is accepted (a device, a port, a unique name), computed from the completed form.
    /// Of two starts that claim the same key at the same moment, one is refused with a 400 before anything is written.
    /// An aborted process gives its claims back; a terminate workflow releases them with a step.
    /// </summary>
    public Func<JsonObject, IReadOnlyList<StartClaim>>? StartClaims { get; init; }

    public Step StepAt(int index) => Steps[index];

    public int IndexOf(string key) => Steps.ToList().FindIndex(s => s.Key == key);
}

/// <summary>A key a start claims, the form field it came from, and the message when someone else holds it.</summary>
public sealed record StartClaim(string Key, string Field, string Message);
