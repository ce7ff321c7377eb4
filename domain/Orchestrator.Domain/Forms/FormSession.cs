using System.Text.Json.Nodes;

namespace Orchestrator.Domain.Forms;

/// <summary>Feeds the pages a client submitted, in order, to one run of a <see cref="FormGenerator"/>.</summary>
public sealed class FormSession
{
    readonly IReadOnlyList<JsonNode?> _submittedPages;
    FormPage? _lastPage;
    JsonNode? _lastInput;

    public FormSession(IReadOnlyList<JsonNode?> submittedPages)
    {
        ArgumentNullException.ThrowIfNull(submittedPages);
        _submittedPages = submittedPages;
    }

    /// <summary>How many submitted pages the generator has asked for so far.</summary>
    public int PagesConsumed { get; private set; }

    /// <summary>The validated values of the next submitted page. Faults with <see cref="FormNotCompleteException"/> when the client
    /// has not sent it yet and with <see cref="FormValidationException"/> when it is invalid.</summary>
    public Task<JsonObject> AskAsync(FormPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (PagesConsumed >= _submittedPages.Count)
            return Task.FromException<JsonObject>(new FormNotCompleteException(page));

        var input = _submittedPages[PagesConsumed];
        PagesConsumed++;
        _lastPage = page;
        _lastInput = input;

        var result = FormValidator.Validate(page, input);
        return result.IsValid
            ? Task.FromResult(result.Values!)
            : Task.FromException<JsonObject>(new FormValidationException(page, result.Errors));
    }

    /// <summary>An error on <paramref name="field"/> of the page just asked, for checks the generator makes itself
    /// (<c>throw session.Invalid("product", "Product not found")</c>). The submitted value of the field is echoed as <c>input</c>.</summary>
    public Exception Invalid(string field, string message, string type = "value_error")
    {
        if (_lastPage is null)
            throw new InvalidOperationException("Invalid(...) needs a page: call AskAsync first.");

        var error = new ValidationError([field], message, type);
        if (_lastInput is JsonObject submitted && InputReader.TryGetProperty(submitted, field, out var value))
            error = error.WithInput(value);
        return new FormValidationException(_lastPage, [error]);
    }
}
