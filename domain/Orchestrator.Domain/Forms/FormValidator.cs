using System.Text.Json.Nodes;

namespace Orchestrator.Domain.Forms;

/// <summary>Validates one submitted page as pydantic v2 validates the page model (<c>extra="forbid"</c>).</summary>
public static class FormValidator
{
    /// <summary>At most this many errors are reported for one page, so a hostile page cannot make the response unbounded.</summary>
    internal const int MaxErrors = 100;

    /// <summary>The validated values (defaults filled in, read-only fields set to their value, labels, dividers and summaries
    /// omitted, types normalised) or all errors of the page. Never throws for any input.</summary>
    public static FormValidationResult Validate(FormPage page, JsonNode? input)
    {
        ArgumentNullException.ThrowIfNull(page);
        var errors = new ErrorCollector();

        if (!TryReadObject(input, out var submitted))
        {
            errors.Add(new ValidationError(["__root__"], "Input should be a valid dictionary", "model_type").WithInput(input));
            return new FormValidationResult(null, errors.Errors);
        }
        if (submitted is null)
        {
            errors.Add(new ValidationError(["__root__"], "Duplicate keys are not permitted", "value_error"));
            return new FormValidationResult(null, errors.Errors);
        }

        var values = new JsonObject();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in page.Fields)
        {
            known.Add(field.Name);
            var present = submitted.TryGetValue(field.Name, out var raw);
            var before = errors.Count;
            FieldResult result;
            try
            {
                result = FieldValidation.Validate(field, present, raw, errors);
            }
            catch (Exception e) when (InputReader.IsInputFault(e))
            {
                errors.Add(new ValidationError([field.Name], "Input could not be validated", "value_error"));
                continue;
            }
            if (result.HasValue && errors.Count == before)
                values[field.Name] = result.Value;
        }

        foreach (var (name, raw) in submitted)
        {
            if (errors.IsFull)
                break;
            if (!known.Contains(name))
                errors.Add(new ValidationError([name], "Extra inputs are not permitted", "extra_forbidden").WithInput(raw));
        }

        return errors.Count == 0 ? new FormValidationResult(values, []) : new FormValidationResult(null, errors.Errors);
    }

    /// <summary>The properties of a page; <paramref name="properties"/> is null when the object cannot be read (duplicate keys).</summary>
    static bool TryReadObject(JsonNode? input, out Dictionary<string, JsonNode?>? properties)
    {
        properties = null;
        if (input is not JsonObject obj)
            return false;
        try
        {
            properties = new Dictionary<string, JsonNode?>(obj.Count, StringComparer.Ordinal);
            foreach (var (name, value) in obj)
                if (!properties.TryAdd(name, value))
                {
                    properties = null;
                    break;
                }
        }
        catch (Exception e) when (InputReader.IsInputFault(e))
        {
            properties = null;
        }
        return true;
    }
}

internal readonly record struct FieldResult(bool HasValue, JsonNode? Value)
{
    public static FieldResult None => default;
    public static FieldResult Of(JsonNode? value) => new(true, value);
}

internal sealed class ErrorCollector
{
    readonly List<ValidationError> _errors = [];

    public int Count => _errors.Count;
    public bool IsFull => _errors.Count >= FormValidator.MaxErrors;
    public IReadOnlyList<ValidationError> Errors => _errors;

    public void Add(ValidationError error)
    {
        if (!IsFull)
            _errors.Add(error);
    }
}
