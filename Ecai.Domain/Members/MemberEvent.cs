namespace Ecai.Domain.Members;

/// <summary>What happened to a member that later features react to (tag rules, step-message triggers).</summary>
public enum MemberEventKind
{
    /// <summary>The member was linked to a cart customer (カート連携時).</summary>
    CartLinked = 1,
    /// <summary>A tag was added (also when a form re-adds a tag the member already has: the seed's one exception).</summary>
    TagAdded = 2,
    /// <summary>A tag was removed.</summary>
    TagRemoved = 3,
    /// <summary>友だち追加: the LINE follow webhook (a new friend, or an unblock: each follow is one occurrence).</summary>
    FriendAdded = 4,
}

/// <summary>Why a tag event happened.</summary>
public enum TagCause
{
    Operator = 1,
    IdentityForm = 2,
    Rule = 3,
    Bulk = 4,
    /// <summary>An action after a message was sent (引上フォローメッセージ, step messages).</summary>
    Message = 5,
}

/// <summary>
/// An append-only record of one member event, written in the same transaction as the change it
/// reports; consumers read forward from the last <see cref="Id"/> they handled.
/// </summary>
public sealed class MemberEvent
{
    public long Id { get; set; }
    public int BotId { get; set; }
    public long MemberId { get; set; }
    public MemberEventKind Kind { get; set; }
    /// <summary>For <see cref="MemberEventKind.CartLinked"/>: the connection and the cart customer.</summary>
    public int? ConnectionId { get; set; }
    public long? CartCustomerId { get; set; }
    /// <summary>For tag events: the tag and why.</summary>
    public int? TagId { get; set; }
    public TagCause? Cause { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
}
