using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Orchestrator.Domain.Json;

namespace Orchestrator.Domain.Forms;

/// <summary>The HTTP bodies of the form protocol as orchestrator-core (HEAD) sends them (without the debug-only <c>traceback</c>).</summary>
public static class FormResponses
{
    /// <summary>The 510 body: the schema of the next page and <c>meta.hasNext</c>. As in pydantic-forms, <c>detail</c> is the form
    /// rendered as text.</summary>
    public static JsonObject NotComplete(FormPage page)
    {
        var form = FormSchema.ToJsonSchema(page);
        return new JsonObject
        {
            ["type"] = "FormNotCompleteError",
            ["title"] = "Form not complete",
            ["status"] = 510,
            ["detail"] = form.ToJsonString(DomainJson.Options),
            ["form"] = form,
            ["meta"] = new JsonObject { ["hasNext"] = page.HasNext },
        };
    }

    /// <summary>The 400 body for an invalid page.</summary>
    public static JsonObject Invalid(FormPage page, IReadOnlyList<ValidationError> errors)
    {
        var list = new JsonArray();
        foreach (var error in errors)
            list.Add(error.ToJson());
        return new JsonObject
        {
            ["type"] = "FormValidationError",
            ["title"] = "Form not valid",
            ["status"] = 400,
            ["detail"] = InvalidDetail(page, errors),
            ["validation_errors"] = list,
        };
    }

    /// <summary>The 400 body when more pages were submitted than the form consumed (pydantic-forms raises FormOverflowError).</summary>
    public static JsonObject TooManyPages(int submitted, int consumed) => new()
    {
        ["type"] = "FormOverflowError",
        ["title"] = "Too many form pages",
        ["status"] = 400,
        ["detail"] = $"Did not process all user_inputs ({submitted - consumed} remaining): {submitted} page(s) were submitted " +
                     $"but the form consumed only {consumed}",
    };

    /// <summary>pydantic-forms' <c>str(FormValidationError)</c>: "N validation error(s) for Title" and one entry per error.</summary>
    internal static string InvalidDetail(FormPage page, IReadOnlyList<ValidationError> errors)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{errors.Count} validation error{(errors.Count == 1 ? "" : "s")} for {page.Title}");
        foreach (var error in errors)
        {
            builder.Append('\n').Append(string.Join(" -> ", error.Loc));
            builder.Append("\n  ").Append(error.Msg).Append(" (type=").Append(error.Type);
            if (error.Ctx is not null)
                foreach (var (key, value) in error.Ctx)
                    builder.Append("; ").Append(key).Append('=').Append(value?.ToString() ?? "None");
            builder.Append(')');
        }
        return builder.ToString();
    }
}
