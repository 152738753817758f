namespace Ecai.Domain.Messaging;

/// <summary>What a delivery was sent for.</summary>
public enum DeliverySource
{
    /// <summary>A step of a step-message scenario (SourceId = the step).</summary>
    Step = 1,
    /// <summary>A scenario of a follow message by shipping date (SourceId = the scenario).</summary>
    Follow = 2,
    /// <summary>A broadcast (SourceId = the broadcast).</summary>
    Broadcast = 3,
    /// <summary>An operator's 1:1 chat reply (SourceId = the chat message).</summary>
    Chat = 4,
}

public enum DeliveryState
{
    /// <summary>Written, not yet accepted by LINE (due, or being retried).</summary>
    Pending = 0,
    /// <summary>LINE accepted it (also a 409 "retry key already accepted").</summary>
    Sent = 1,
    /// <summary>LINE refused it for good (4xx other than 409/429), or retries ran out.</summary>
    Failed = 2,
    /// <summary>Not sent on purpose: see <see cref="Delivery.SkipReason"/>.</summary>
    Skipped = 3,
}

public enum DeliverySkipReason
{
    /// <summary>The member blocked the bot.</summary>
    Blocked = 1,
    /// <summary>The send time had passed when it was computed (a shipping date imported too late).</summary>
    TimePassed = 2,
    /// <summary>The member no longer matched the filter at send time.</summary>
    FilterNotMatched = 3,
    /// <summary>The scenario, message or broadcast was switched off or cancelled before the send time.</summary>
    Stopped = 4,
    /// <summary>The order a follow message was planned for was cancelled in the cart before the send time.</summary>
    OrderCancelled = 5,
}

/// <summary>
/// The send ledger: one row per message a member is to get, written (Pending) before the push and marked after it.
/// (BotId, Source, SourceId, MemberId, Occurrence) is unique, so a send is planned once; <see cref="RetryKey"/> goes
/// out as <c>X-Line-Retry-Key</c> on every attempt, so a re-send after a crash or time-out is dropped by LINE (409).
/// </summary>
public sealed class Delivery
{
    public long Id { get; set; }
    public int BotId { get; set; }
    public long MemberId { get; set; }
    public DeliverySource Source { get; set; }
    public long SourceId { get; set; }
    /// <summary>Which occurrence of the source this is for: the trigger event id (steps), the order id (follow), 0 (broadcast, chat).</summary>
    public long Occurrence { get; set; }
    /// <summary>The content sent (immutable <see cref="StoredMessage"/> row).</summary>
    public long MessageId { get; set; }
    public Guid RetryKey { get; set; }
    /// <summary>When it is due (UTC instant of the JST rule).</summary>
    public DateTimeOffset DueAt { get; set; }
    public DeliveryState State { get; set; }
    public DeliverySkipReason? SkipReason { get; set; }
    public int Attempts { get; set; }
    /// <summary>The last error (LINE's message), for Failed rows and pending retries.</summary>
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

/// <summary>
/// A message content as it was saved (immutable): editors save a new row on every change, and deliveries point at the
/// row they were planned with, so a retry always sends the same bubbles.
/// </summary>
public sealed class StoredMessage
{
    public long Id { get; set; }
    public int BotId { get; set; }
    /// <summary><see cref="MessageContent.ToJson"/>.</summary>
    public required string ContentJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
