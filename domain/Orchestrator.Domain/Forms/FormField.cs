namespace Orchestrator.Domain.Forms;

/// <summary>A field of a <see cref="FormPage"/>. <see cref="Name"/> is the JSON property name of the page.</summary>
public abstract record FormField(string Name)
{
    /// <summary>The title shown to the user; when null it is generated from the name as pydantic does
    /// ("select_device_choice" becomes "Select Device Choice").</summary>
    public string? Title { get; init; }

    internal string SchemaTitle => Title ?? FieldTitles.FromName(Name);
}
