namespace Ecai.Domain.Messaging.Broadcasts;

public enum BroadcastState
{
    Draft = 0,
    /// <summary>Waiting for its time (「今すぐ送信」 is scheduled at the moment it was created).</summary>
    Scheduled = 1,
    /// <summary>Its deliveries are written; some are still pending.</summary>
    Sending = 2,
    /// <summary>No delivery is pending any more.</summary>
    Done = 3,
    /// <summary>Cancelled by an operator: nothing more is sent (pending rows became Skipped / Stopped).</summary>
    Cancelled = 4,
}

/// <summary>
/// 一斉配信: one message to the members a <see cref="Members.MemberFilter"/> selects (null = every friend), now or at a
/// JST time stored as its UTC instant. When due, <see cref="BroadcastPlanner"/> writes one <see cref="Delivery"/> per member
/// (Source Broadcast, SourceId = <see cref="Id"/>, Occurrence 0).
/// </summary>
public sealed class Broadcast
{
    public long Id { get; set; }
    public int BotId { get; set; }
    public required string Title { get; set; }
    public long MessageId { get; set; }
    /// <summary><see cref="Members.MemberFilter.ToJson"/>, or null for every friend.</summary>
    public string? FilterJson { get; set; }
    public DateTimeOffset ScheduledAt { get; set; }
    public BroadcastState State { get; set; }
    /// <summary>Deliveries written when it was planned (blocked members included, as Skipped).</summary>
    public long Recipients { get; set; }
    /// <summary>Members who had blocked the bot when it was planned (counted, not sent to).</summary>
    public long Blocked { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PlannedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
}
