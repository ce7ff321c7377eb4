using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Domain.Forms;

/// <summary>The validation of one field of each kind, with pydantic v2's error types and messages. Each method adds its errors and
/// returns <see cref="FieldResult.None"/> when the field is invalid or has no value.</summary>
internal static class FieldValidation
{
    /// <summary>Item errors reported for one list field at most.</summary>
    const int MaxItemErrors = 20;

    public static FieldResult Validate(FormField field, bool present, JsonNode? raw, ErrorCollector errors) => field switch
    {
        TextField f => Text(f, present, raw, errors),
        IntegerField f => Integer(f, present, raw, errors),
        BooleanField f => Boolean(f, present, raw, errors),
        UuidField f => Uuid(f, present, raw, errors),
        ChoiceField f => Choice(f, present, raw, errors),
        ChoiceListField f => ChoiceList(f, present, raw, errors),
        AcceptField f => Accept(f, present, raw, errors),
        LongTextField f => LongText(f, present, raw, errors),
        ReadOnlyField f => ReadOnly(f, present, raw, errors),
        LabelField or DividerField or SummaryField => FieldResult.None,
        _ => throw new ArgumentException($"Unknown form field kind {field.GetType().Name}", nameof(field)),
    };

    static FieldResult Missing(FormField field, ErrorCollector errors)
    {
        errors.Add(new ValidationError([field.Name], "Field required", "missing"));
        return FieldResult.None;
    }

    static FieldResult Fail(ErrorCollector errors, ValidationError error, JsonNode? raw)
    {
        errors.Add(error.WithInput(raw));
        return FieldResult.None;
    }

    static FieldResult Text(TextField f, bool present, JsonNode? raw, ErrorCollector errors)
    {
        if (!present)
            return f.Default is not null ? FieldResult.Of(f.Default) : f.Required ? Missing(f, errors) : FieldResult.Of(null);
        if (raw is null && !f.Required)
            return FieldResult.Of(null);
        if (ReadText(f.Name, raw, errors) is not { } text)
            return FieldResult.None;
        var min = f.Required ? Math.Max(1, f.MinLength) : f.MinLength;
        var length = f.Required && string.IsNullOrWhiteSpace(text) ? 0 : InputReader.CodePoints(text);
        return CheckLength(f.Name, text, length, min, f.MaxLength, raw, errors);
    }

    static FieldResult LongText(LongTextField f, bool present, JsonNode? raw, ErrorCollector errors)
    {
        if (!present)
            return f.Default is not null ? FieldResult.Of(f.Default) : f.Required ? Missing(f, errors) : FieldResult.Of(null);
        if (raw is null && !f.Required)
            return FieldResult.Of(null);
        if (ReadText(f.Name, raw, errors) is not { } text)
            return FieldResult.None;
        return CheckLength(f.Name, text, InputReader.CodePoints(text), 0, f.MaxLength, raw, errors);
    }

    static string? ReadText(string name, JsonNode? raw, ErrorCollector errors)
    {
        if (InputReader.Kind(raw) != JsonValueKind.String)
        {
            Fail(errors, new([name], "Input should be a valid string", "string_type"), raw);
            return null;
        }
        var text = InputReader.StringOf(raw);
        if (text is null)
            Fail(errors, new([name], "Input should be a valid string, unable to parse raw data as a unicode string", "string_unicode"), raw);
        return text;
    }

    static FieldResult CheckLength(string name, string text, int length, int min, int max, JsonNode? raw, ErrorCollector errors)
    {
        if (length < min)
            return Fail(errors, new([name], $"String should have at least {min} character{Plural(min)}", "string_too_short",
                new JsonObject { ["min_length"] = min }), raw);
        if (length > max)
            return Fail(errors, new([name], $"String should have at most {max} character{Plural(max)}", "string_too_long",
                new JsonObject { ["max_length"] = max }), raw);
        return FieldResult.Of(text);
    }

    static FieldResult Integer(IntegerField f, bool present, JsonNode? raw, ErrorCollector errors)
    {
        if (!present)
            return f.Default is { } d ? FieldResult.Of(d) : f.Required ? Missing(f, errors) : FieldResult.Of(null);
        if (raw is null && !f.Required)
            return FieldResult.Of(null);

        ValidationError? error = InputReader.ReadInteger(raw, out var value) switch
        {
            InputReader.IntResult.Ok => null,
            InputReader.IntResult.NotParsable =>
                new([f.Name], "Input should be a valid integer, unable to parse string as an integer", "int_parsing"),
            InputReader.IntResult.Fractional =>
                new([f.Name], "Input should be a valid integer, got a number with a fractional part", "int_from_float"),
            InputReader.IntResult.TooLarge =>
                new([f.Name], "Unable to parse input string as an integer, exceeded maximum size", "int_parsing_size"),
            InputReader.IntResult.NotFinite => new([f.Name], "Input should be a finite number", "finite_number"),
            _ => new([f.Name], "Input should be a valid integer", "int_type"),
        };
        if (error is null && f.Minimum is { } min && value < min)
            error = new([f.Name], $"Input should be greater than or equal to {Invariant(min)}", "greater_than_equal",
                new JsonObject { ["ge"] = min });
        if (error is null && f.Maximum is { } max && value > max)
            error = new([f.Name], $"Input should be less than or equal to {Invariant(max)}", "less_than_equal",
                new JsonObject { ["le"] = max });
        return error is null ? FieldResult.Of(value) : Fail(errors, error, raw);
    }

    static FieldResult Boolean(BooleanField f, bool present, JsonNode? raw, ErrorCollector errors)
    {
        if (!present)
            return FieldResult.Of(f.Default);
        var value = InputReader.ReadBoolean(raw, out var wrongType);
        if (value is { } b)
            return FieldResult.Of(b);
        return wrongType
            ? Fail(errors, new([f.Name], "Input should be a valid boolean", "bool_type"), raw)
            : Fail(errors, new([f.Name], "Input should be a valid boolean, unable to interpret input", "bool_parsing"), raw);
    }

    static FieldResult Uuid(UuidField f, bool present, JsonNode? raw, ErrorCollector errors)
    {
        if (!present)
            return Missing(f, errors);
        return InputReader.TryReadUuid(raw, out var uuid)
            ? FieldResult.Of(uuid.ToString("D"))
            : Fail(errors, new([f.Name], "Input should be a valid UUID", "uuid_parsing"), raw);
    }

    static FieldResult Choice(ChoiceField f, bool present, JsonNode? raw, ErrorCollector errors)
    {
        if (!present)
            return f.Default is not null ? FieldResult.Of(f.Default) : Missing(f, errors);
        var error = EnumError([f.Name], f.Choices, raw);
        return error is null ? FieldResult.Of(InputReader.StringOf(raw)) : Fail(errors, error, raw);
    }

    static FieldResult ChoiceList(ChoiceListField f, bool present, JsonNode? raw, ErrorCollector errors)
    {
        if (!present)
            return f.Default is not null ? FieldResult.Of(new JsonArray([.. f.Default.Select(v => (JsonNode?)v)])) : Missing(f, errors);
        if (raw is not JsonArray items)
            return Fail(errors, new([f.Name], "Input should be a valid list", "list_type"), raw);

        // Too long: report only that, without looking at (possibly very many) items.
        if (items.Count > f.MaxItems)
            return Fail(errors, new([f.Name],
                $"List should have at most {f.MaxItems} item{Plural(f.MaxItems)} after validation, not {items.Count}", "too_long",
                new JsonObject { ["field_type"] = "List", ["max_length"] = f.MaxItems, ["actual_length"] = items.Count }), raw);

        var valid = true;
        var itemErrors = 0;
        var result = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicate = false;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var error = EnumError([f.Name, i.ToString(CultureInfo.InvariantCulture)], f.Choices, item);
            if (error is not null)
            {
                valid = false;
                if (++itemErrors > MaxItemErrors || errors.IsFull)
                    break;
                errors.Add(error.WithInput(item));
                continue;
            }
            var value = InputReader.StringOf(item)!;
            duplicate |= !seen.Add(value);
            result.Add(value);
        }

        if (items.Count < f.MinItems)
        {
            errors.Add(new ValidationError([f.Name],
                $"List should have at least {f.MinItems} item{Plural(f.MinItems)} after validation, not {items.Count}", "too_short",
                new JsonObject { ["field_type"] = "List", ["min_length"] = f.MinItems, ["actual_length"] = items.Count }).WithInput(raw));
            return FieldResult.None;
        }
        if (valid && duplicate)
            return Fail(errors, new([f.Name], "Items must be unique", "value_error"), raw);
        return valid ? FieldResult.Of(result) : FieldResult.None;
    }

    static FieldResult Accept(AcceptField f, bool present, JsonNode? raw, ErrorCollector errors)
    {
        if (present && InputReader.StringOf(raw) == "ACCEPTED")
            return FieldResult.Of(true);
        var error = new ValidationError([f.Name], "Not all tasks are done", "value_error");
        errors.Add(present ? error.WithInput(raw) : error);
        return FieldResult.None;
    }

    static FieldResult ReadOnly(ReadOnlyField f, bool present, JsonNode? raw, ErrorCollector errors)
    {
        if (!present || SameValue(raw, f.Value))
            return FieldResult.Of(f.Value?.DeepClone());
        var expected = PythonRepr(f.Value);
        return Fail(errors, new([f.Name], $"Input should be {expected}", "literal_error", new JsonObject { ["expected"] = expected }), raw);
    }

    static bool SameValue(JsonNode? sent, JsonNode? expected)
    {
        if (InputReader.Kind(sent) != InputReader.Kind(expected))
            return false;
        if (sent is null || expected is null)
            return true;
        if (sent.GetValueKind() == JsonValueKind.Number)
            return InputReader.RawNumber(sent) is { } a && InputReader.RawNumber(expected) is { } b &&
                   (a == b || decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) &&
                    decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y) && x == y);
        return JsonNode.DeepEquals(sent, expected);
    }

    /// <summary>The enum error of pydantic v2 when <paramref name="raw"/> is not one of the values, null when it is.</summary>
    static ValidationError? EnumError(IReadOnlyList<string> loc, IReadOnlyList<Choice> choices, JsonNode? raw)
    {
        if (InputReader.StringOf(raw) is { } text)
        {
            foreach (var choice in choices)
                if (choice.Value == text)
                    return null;
        }
        var expected = Expected(choices.Select(c => $"'{c.Value}'").ToList());
        var msg = choices.Count == 0 ? "Input should be one of the choices, but there are none" : $"Input should be {expected}";
        return new ValidationError(loc, msg, "enum", new JsonObject { ["expected"] = expected });
    }

    /// <summary>pydantic's list of expected values: "'a'", "'a' or 'b'", "'a', 'b' or 'c'".</summary>
    internal static string Expected(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} or {items[^1]}",
    };

    static string PythonRepr(JsonNode? value) => InputReader.Kind(value) switch
    {
        JsonValueKind.Null => "None",
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.String => $"'{InputReader.StringOf(value)}'",
        _ => value!.ToJsonString(),
    };

    static string Plural(long n) => n == 1 ? "" : "s";

    static string Invariant(long n) => n.ToString(CultureInfo.InvariantCulture);
}
