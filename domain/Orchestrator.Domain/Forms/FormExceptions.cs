namespace Orchestrator.Domain.Forms;

/// <summary>The client has not sent <see cref="Page"/> yet: answer 510 with its schema.</summary>
public sealed class FormNotCompleteException(FormPage page) : Exception($"Form not complete: the next page is '{page.Title}'")
{
    public FormPage Page { get; } = page;
}

/// <summary>The submitted <see cref="Page"/> is invalid: answer 400 with <see cref="Errors"/>.</summary>
public sealed class FormValidationException(FormPage page, IReadOnlyList<ValidationError> errors)
    : Exception(FormResponses.InvalidDetail(page, errors))
{
    public FormPage Page { get; } = page;
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}
