using Microsoft.AspNetCore.Http;
using Orchestrator.Api.Http;
using Orchestrator.Domain.Forms;

namespace Orchestrator.Api.Processes;

/// <summary>The 510 / 400 answers of the multi-page form protocol (spec §4.2).</summary>
static class FormResults
{
    public static IResult? ForIncomplete(FormOutcome outcome) => outcome switch
    {
        FormOutcome.NotComplete n => Results.Json(FormResponses.NotComplete(n.Page), Domain.Json.DomainJson.Options, "application/json", 510),
        FormOutcome.Invalid i => Results.Json(FormResponses.Invalid(i.Page, i.Errors), Domain.Json.DomainJson.Options, "application/json", 400),
        FormOutcome.TooManyPages t => Results.Json(FormResponses.TooManyPages(t.Submitted, t.Consumed), Domain.Json.DomainJson.Options, "application/json", 400),
        _ => null,
    };

    public static IResult Refused(Workflows.Engine.Gating.StartRefusal refusal) => Results.Json(
        FormResponses.Invalid(new FormPage("unknown", []), [new ValidationError([refusal.Field], refusal.Message, "value_error")]),
        Domain.Json.DomainJson.Options, "application/json", StatusCodes.Status400BadRequest);
}
