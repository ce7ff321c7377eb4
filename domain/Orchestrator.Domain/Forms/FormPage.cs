namespace Orchestrator.Domain.Forms;

/// <summary>One page of a multi-page form. <paramref name="HasNext"/> becomes <c>meta.hasNext</c> in the 510 body: the GUI labels
/// its button "Next" when true and "Start workflow" (or "Submit") when false.</summary>
public sealed record FormPage(string Title, IReadOnlyList<FormField> Fields, bool HasNext = true);
