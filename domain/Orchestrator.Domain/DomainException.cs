namespace Orchestrator.Domain;

/// <summary>A rule of the domain refused an operation; the message is meant for the user.</summary>
public class DomainException(string message) : Exception(message);
