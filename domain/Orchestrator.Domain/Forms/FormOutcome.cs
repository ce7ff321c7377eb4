using System.Text.Json.Nodes;

namespace Orchestrator.Domain.Forms;

/// <summary>What one run of a <see cref="FormGenerator"/> over the submitted pages came to.</summary>
public abstract record FormOutcome
{
    FormOutcome() { }

    /// <summary>Every page was submitted and valid; <see cref="Values"/> is what the generator returned.</summary>
    public sealed record Complete(JsonObject Values) : FormOutcome;

    /// <summary>The client must fill in <see cref="Page"/> next (HTTP 510).</summary>
    public sealed record NotComplete(FormPage Page) : FormOutcome;

    /// <summary>The first invalid page and its errors (HTTP 400).</summary>
    public sealed record Invalid(FormPage Page, IReadOnlyList<ValidationError> Errors) : FormOutcome;

    /// <summary>More pages were submitted than the generator consumed (HTTP 400).</summary>
    public sealed record TooManyPages(int Submitted, int Consumed) : FormOutcome;
}
