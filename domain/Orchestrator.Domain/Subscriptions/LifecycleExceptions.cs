namespace Orchestrator.Domain.Subscriptions;

public sealed class MissingFieldsException(SubscriptionLifecycle status, IReadOnlyList<string> fields)
    : DomainException($"Subscription cannot be '{status.ToWire()}': required field(s) not set: {string.Join(", ", fields)}")
{
    public IReadOnlyList<string> Fields { get; } = fields;
}

public sealed class InvalidStatusTransitionException(SubscriptionLifecycle from, SubscriptionLifecycle to)
    : DomainException($"A subscription cannot move from '{from.ToWire()}' to '{to.ToWire()}'");

public sealed class UnsafeStatusChangeException(SubscriptionLifecycle to, IReadOnlyList<Guid> blockingSubscriptions)
    : DomainException($"Unsafe status change of Subscription with depending subscriptions: moving to '{to.ToWire()}' is refused while " +
                      $"{string.Join(", ", blockingSubscriptions)} use it")
{
    public IReadOnlyList<Guid> BlockingSubscriptions { get; } = blockingSubscriptions;
}
