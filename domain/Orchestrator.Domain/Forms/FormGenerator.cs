using System.Text.Json.Nodes;

namespace Orchestrator.Domain.Forms;

/// <summary>A multi-page form: asks its pages in order through <see cref="FormSession.AskAsync"/> and returns the values that go
/// into the process state. It is re-run from the first page on every request, so apart from its reads it must be pure.</summary>
public delegate Task<JsonObject> FormGenerator(FormSession session);
