using System.Text.Json.Nodes;

namespace Orchestrator.Domain.Forms;

/// <summary>The replay protocol: run the generator from the first page over every page submitted so far.</summary>
public static class FormRunner
{
    /// <summary>Exceptions other than the two form exceptions (a bug, or a failing look-up the generator makes) propagate.</summary>
    public static async Task<FormOutcome> RunAsync(FormGenerator generator, IReadOnlyList<JsonNode?> submittedPages)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(submittedPages);
        var session = new FormSession(submittedPages);
        JsonObject values;
        try
        {
            values = await generator(session).ConfigureAwait(false) ?? [];
        }
        catch (FormNotCompleteException e)
        {
            return new FormOutcome.NotComplete(e.Page);
        }
        catch (FormValidationException e)
        {
            return new FormOutcome.Invalid(e.Page, e.Errors);
        }

        return submittedPages.Count > session.PagesConsumed
            ? new FormOutcome.TooManyPages(submittedPages.Count, session.PagesConsumed)
            : new FormOutcome.Complete(values);
    }
}
