using System.Text.Json.Nodes;

namespace Orchestrator.Domain.Forms;

/// <summary>A single-line string (<c>str</c>). A required text refuses an empty or whitespace-only string.
/// When not required and without a default it is <c>Optional[str] = None</c>.</summary>
public sealed record TextField(string Name) : FormField(Name)
{
    public string? Default { get; init; }
    public int MinLength { get; init; }
    public int MaxLength { get; init; } = 10_000;
    public bool Required { get; init; } = true;
}

/// <summary>An integer (<c>int</c>); when not required it is <c>Optional[int]</c>: <c>anyOf [integer, null]</c>, default null.</summary>
public sealed record IntegerField(string Name) : FormField(Name)
{
    public long? Default { get; init; }
    public long? Minimum { get; init; }
    public long? Maximum { get; init; }
    public bool Required { get; init; } = true;
}

/// <summary>A checkbox (<c>bool</c>); never required, it always has a default.</summary>
public sealed record BooleanField(string Name) : FormField(Name)
{
    public bool Default { get; init; }
}

/// <summary>A UUID (<c>{"type":"string","format":"uuid"}</c>); always required. The validated value is the lowercase hyphenated form.</summary>
public sealed record UuidField(string Name) : FormField(Name);

/// <summary>A single select over <see cref="Choices"/> (pydantic-forms <c>Choice</c>), emitted as an enum in <c>$defs</c>
/// under <see cref="EnumTitle"/>. Required unless <see cref="Default"/> is set.</summary>
public sealed record ChoiceField(string Name, string EnumTitle, IReadOnlyList<Choice> Choices) : FormField(Name)
{
    public string? Default { get; init; }
}

/// <summary>A multi-select (<c>choice_list(Choice, min_items, max_items, unique_items=True)</c>). Required unless
/// <see cref="Default"/> is set. The validated value is an array of the chosen values, in the order sent.</summary>
public sealed record ChoiceListField(string Name, string EnumTitle, IReadOnlyList<Choice> Choices) : FormField(Name)
{
    public int MinItems { get; init; }
    public int MaxItems { get; init; } = int.MaxValue;
    public IReadOnlyList<string>? Default { get; init; }
}

/// <summary>pydantic-forms <c>Accept</c>: the value must be "ACCEPTED", otherwise "Not all tasks are done".
/// As in pydantic-forms (whose validator returns <c>v == "ACCEPTED"</c>) the validated value is the boolean <c>true</c>.</summary>
public sealed record AcceptField(string Name) : FormField(Name);

/// <summary>A textarea (<c>LongText</c>, <c>format: "long"</c>). Not required by default; when not required and without a default
/// its value is null. <see cref="MaxLength"/> (an addition to pydantic-forms) bounds what a client may store.</summary>
public sealed record LongTextField(string Name) : FormField(Name)
{
    public string? Default { get; init; }
    public bool Required { get; init; }
    public int MaxLength { get; init; } = 100_000;
}

/// <summary>pydantic-forms <c>read_only_field(value)</c>: shown disabled; the validated value is always <see cref="Value"/>, and a
/// client sending anything else gets a <c>literal_error</c>. <see cref="Format"/> is e.g. "long" for a read-only config text.</summary>
public sealed record ReadOnlyField(string Name, JsonNode? Value) : FormField(Name)
{
    public string? Format { get; init; }
}

/// <summary>pydantic-forms <c>Label</c> (<c>format: "label"</c>): text only, never required; its input is ignored and it has no value.</summary>
public sealed record LabelField(string Name) : FormField(Name)
{
    public string? Text { get; init; }
}

/// <summary>pydantic-forms <c>Divider</c> (<c>format: "divider"</c>); input ignored, no value.</summary>
public sealed record DividerField(string Name) : FormField(Name);

/// <summary>pydantic-forms <c>migration_summary(data)</c> (<c>format: "summary"</c>, <c>uniforms.data</c> = <see cref="Data"/>,
/// e.g. <c>{"headers": [..], "labels": [..], "columns": [[..]]}</c>); input ignored, no value.</summary>
public sealed record SummaryField(string Name, JsonObject Data) : FormField(Name);
