namespace Ecai.Domain.Linking;

public enum LinkKey { Phone = 1, Email = 2, LineUserId = 3 }

/// <summary>A member's link to one cart customer. A member may hold several.</summary>
public sealed class CartLink
{
    public long Id { get; set; }
    public int BotId { get; set; }
    public long MemberId { get; set; }
    public long CartCustomerId { get; set; }
    public int ConnectionId { get; set; }
    public LinkKey Key { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
}
