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
    /// <summary>The customer's id in its cart (<see cref="Carts.CartCustomer.ExternalId"/>, which never changes): order lines,
    /// subscriptions and purchase totals carry it, so "who bought" reaches the members without the customers' table.</summary>
    public string CustomerExternalId { get; set; } = "";
    public LinkKey Key { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
    /// <summary>
    /// Set on the links a connection's first import makes when it keeps history out of the messages
    /// (<see cref="Carts.CartConnection.FirstImportToEveryone"/> false): the member's tag and link events up to this
    /// <see cref="Members.MemberEvent.Id"/> (that import's links and tag rules) enter no step scenario.
    /// </summary>
    public long? QuietUpToEventId { get; set; }
}
