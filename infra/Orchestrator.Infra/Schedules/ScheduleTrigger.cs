using System.Globalization;
using System.Text.Json.Nodes;
using Cronos;

namespace Orchestrator.Infra.Schedules;

/// <summary>
/// When a schedule fires, as orchestrator-core HEAD stores it (APScheduler's triggers): <c>cron</c> with
/// <c>{expression, timezone?}</c>, <c>interval</c> with <c>{weeks, days, hours, minutes, seconds, start_date?}</c>, or
/// <c>date</c> with <c>{run_date}</c>. Times are UTC unless a cron timezone is given.
/// </summary>
public abstract record ScheduleTrigger
{
    public const string CronKind = "cron";
    public const string IntervalKind = "interval";
    public const string DateKind = "date";

    public abstract string Kind { get; }

    /// <summary>The trigger's arguments as they were given (<c>trigger_kwargs</c>).</summary>
    public JsonObject Arguments { get; private init; } = [];

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when there is none.</summary>
    public abstract DateTimeOffset? NextAfter(DateTimeOffset after, DateTimeOffset createdAt);

    /// <summary>Parses a trigger; a malformed one is an <see cref="InvalidTriggerException"/> that says what is wrong.</summary>
    public static ScheduleTrigger Parse(string? kind, JsonObject? arguments)
    {
        arguments ??= [];
        ScheduleTrigger trigger = kind?.ToLowerInvariant() switch
        {
            CronKind => Cron.Parse(arguments),
            IntervalKind => Interval.Parse(arguments),
            DateKind => Date.Parse(arguments),
            _ => throw new InvalidTriggerException($"trigger must be one of {CronKind}, {IntervalKind}, {DateKind}; got '{kind}'"),
        };
        return trigger with { Arguments = arguments.DeepClone().AsObject() };
    }

    public sealed record Cron(string Expression, string TimeZone) : ScheduleTrigger
    {
        public override string Kind => CronKind;

        public override DateTimeOffset? NextAfter(DateTimeOffset after, DateTimeOffset createdAt) =>
            Compiled(Expression).GetNextOccurrence(after, Zone(TimeZone));

        internal static Cron Parse(JsonObject arguments)
        {
            var expression = Text(arguments, "expression") ?? throw new InvalidTriggerException("a cron trigger needs trigger_kwargs.expression");
            var zone = Text(arguments, "timezone") ?? "UTC";
            Compiled(expression);
            Zone(zone);
            return new Cron(expression.Trim(), zone);
        }

        static CronExpression Compiled(string expression)
        {
            var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            try
            {
                return CronExpression.Parse(expression, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            }
            catch (CronFormatException e)
            {
                throw new InvalidTriggerException($"'{expression}' is not a cron expression: {e.Message}");
            }
        }

        static TimeZoneInfo Zone(string id)
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                throw new InvalidTriggerException($"'{id}' is not a known time zone");
            }
        }
    }

    public sealed record Interval(TimeSpan Period, DateTimeOffset? StartDate) : ScheduleTrigger
    {
        static readonly (string Name, TimeSpan Unit)[] Units =
        [
            ("weeks", TimeSpan.FromDays(7)), ("days", TimeSpan.FromDays(1)), ("hours", TimeSpan.FromHours(1)),
            ("minutes", TimeSpan.FromMinutes(1)), ("seconds", TimeSpan.FromSeconds(1)),
        ];

        public override string Kind => IntervalKind;

        public override DateTimeOffset? NextAfter(DateTimeOffset after, DateTimeOffset createdAt)
        {
            var anchor = StartDate ?? createdAt;
            if (after < anchor) return anchor;
            var periods = (after - anchor).Ticks / Period.Ticks + 1;
            return anchor + TimeSpan.FromTicks(periods * Period.Ticks);
        }

        internal static Interval Parse(JsonObject arguments)
        {
            var period = TimeSpan.Zero;
            foreach (var (name, unit) in Units)
                if (arguments[name] is { } value)
                {
                    if (value.GetValueKind() != System.Text.Json.JsonValueKind.Number
                        || !double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var count) || count < 0)
                        throw new InvalidTriggerException($"trigger_kwargs.{name} must be a non-negative number");
                    period += unit * count;
                }
            var unknown = arguments.Select(a => a.Key).Except(Units.Select(u => u.Name).Append("start_date")).ToList();
            if (unknown.Count > 0) throw new InvalidTriggerException($"unknown interval argument(s): {string.Join(", ", unknown)}");
            if (period < TimeSpan.FromMinutes(1)) throw new InvalidTriggerException("an interval must be at least one minute");
            return new Interval(period, Time(arguments, "start_date"));
        }
    }

    public sealed record Date(DateTimeOffset RunDate) : ScheduleTrigger
    {
        public override string Kind => DateKind;

        public override DateTimeOffset? NextAfter(DateTimeOffset after, DateTimeOffset createdAt) => RunDate > after ? RunDate : null;

        internal static Date Parse(JsonObject arguments) =>
            new(Time(arguments, "run_date") ?? throw new InvalidTriggerException("a date trigger needs trigger_kwargs.run_date"));
    }

    static string? Text(JsonObject arguments, string name) => arguments[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) => text,
        _ => throw new InvalidTriggerException($"trigger_kwargs.{name} must be a non-empty string"),
    };

    static DateTimeOffset? Time(JsonObject arguments, string name) => Text(arguments, name) is not { } text
        ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : throw new InvalidTriggerException($"trigger_kwargs.{name} '{text}' is not an ISO 8601 date and time");
}

public sealed class InvalidTriggerException(string message) : Exception(message);
