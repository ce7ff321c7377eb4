namespace Orchestrator.Domain.Workflows;

/// <summary>A validate step found that the network differs from the subscription: the process becomes inconsistent_data.</summary>
public sealed class InconsistentDataException(string message) : DomainException(message);

/// <summary>An external system did not answer (timeout, 5xx): after a bounded retry the process becomes api_unavailable.</summary>
public class ExternalSystemUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A step refused to go on for a reason the user must fix; the process becomes failed with this message.</summary>
public sealed class ProcessFailureException(string message) : DomainException(message);
