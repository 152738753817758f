namespace Ecai.Domain.Realtime;

/// <summary>Something a live screen should redraw for; raised by domain services, pushed by Web.</summary>
public abstract record LiveEvent(int BotId);

/// <summary>Counts on the home dashboard may have changed (members, links).</summary>
public sealed record DashboardChanged(int BotId) : LiveEvent(BotId);

/// <summary>One member's details, tags or links changed (会員詳細 redraws).</summary>
public sealed record MemberChanged(int BotId, long MemberId) : LiveEvent(BotId);

/// <summary>The bot's tags changed (created, renamed, moved, deleted).</summary>
public sealed record TagsChanged(int BotId) : LiveEvent(BotId);

/// <summary>A cart connection's state or counts changed.</summary>
public sealed record ConnectionChanged(int BotId, int ConnectionId) : LiveEvent(BotId);

/// <summary>A 1:1 chat message of a member was stored (incoming from the webhook, or an operator's reply).</summary>
public sealed record ChatMessageReceived(int BotId, long MemberId) : LiveEvent(BotId);

/// <summary>
/// Progress of one job run. <see cref="Total"/> is null while unknown; <see cref="ConnectionId"/> names the one cart
/// connection a run works on (a cart card's 今すぐ取り込む), null when it covers the whole bot.
/// </summary>
public sealed record JobProgressChanged(
    int BotId, long JobRunId, string Kind, string Title, long Done, long? Total, Jobs.JobState State, string? Stage, int? ConnectionId = null)
    : LiveEvent(BotId)
{
    public int? Percent => Total is > 0 ? (int)Math.Min(100, Done * 100 / Total.Value) : null;
}

/// <summary>Seam through which domain services report; Web broadcasts to Blazor and SignalR.</summary>
public interface ILiveEvents
{
    void Publish(LiveEvent e);
}

/// <summary>For hosts and tests that show nothing live.</summary>
public sealed class NoLiveEvents : ILiveEvents
{
    public void Publish(LiveEvent e) { }
}

/// <summary>Rows of the send ledger changed (planned, sent, failed, skipped): 会員詳細's deliveries and 一斉配信 redraw.</summary>
public sealed record DeliveriesChanged(int BotId) : LiveEvent(BotId);
