namespace Orchestrator.NetBox;

/// <summary>Where NetBox is and how to talk to it; bound from the <c>NetBox</c> section (env <c>NetBox__Url</c>, <c>NetBox__Token</c>).</summary>
public sealed record NetBoxOptions
{
    public const string SectionName = "NetBox";

    /// <summary>NetBox's base address, e.g. <c>http://netbox:8080</c> (the part before <c>/api/</c>).</summary>
    public string Url { get; init; } = "";

    /// <summary>An API token, sent as <c>Authorization: Token &lt;token&gt;</c>.</summary>
    public string Token { get; init; } = "";

    /// <summary>How long one HTTP attempt may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a GET is retried after a transient failure (writes never are).</summary>
    public int RetryCount { get; init; } = 3;

    /// <summary>The first backoff delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The <c>limit</c> asked for per page when listing.</summary>
    public int PageSize { get; init; } = 100;
}
