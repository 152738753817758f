namespace Ecai.Domain.Carts;

/// <summary>A customer imported from a cart.</summary>
public sealed class CartCustomer
{
    public long Id { get; set; }
    public int ConnectionId { get; set; }
    public int BotId { get; set; }
    public required string ExternalId { get; set; }
    public string? Number { get; set; }
    public string? Name { get; set; }
    public string? PhoneRaw { get; set; }
    public string? PhoneNormalized { get; set; }
    public string? EmailNormalized { get; set; }
    public string? LineUserId { get; set; }
    public DateOnly? Birthday { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One cart customer's non-cancelled order count and amount, by the customer's id in the cart (orders may arrive before
/// their customer). Kept by the import (<see cref="PurchaseCopies"/>); a narrow table, so a batch's updates touch few pages.
/// </summary>
public sealed class CustomerOrderTotal
{
    public int ConnectionId { get; set; }
    public required string CustomerExternalId { get; set; }
    public int Orders { get; set; }
    public long Amount { get; set; }
}

/// <summary>An order (受注) imported from a cart.</summary>
public sealed class CartOrder
{
    public long Id { get; set; }
    public int ConnectionId { get; set; }
    public required string ExternalId { get; set; }
    public required string CustomerExternalId { get; set; }
    public string? Number { get; set; }
    public DateTimeOffset OrderedAt { get; set; }
    public long Amount { get; set; }
    public DateTimeOffset? ShippedAt { get; set; }
    public string? SubscriptionExternalId { get; set; }
    public int? Times { get; set; }
    public string? DeliveryMethod { get; set; }
    public bool Cancelled { get; set; }
    /// <summary>The delivery date the buyer asked for (お届け日), where the cart carries one.</summary>
    public DateOnly? DeliveryDate { get; set; }
    /// <summary>The requested time slot as the cart words it (e.g. 午前中, 14:00-16:00).</summary>
    public string? DeliveryTime { get; set; }
    /// <summary>ISO 4217 code of <see cref="Amount"/> and the lines' prices (minor units of it); null = yen.</summary>
    public string? Currency { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<CartOrderItem> Items { get; set; } = [];
}

/// <summary>One line of an order, keyed by (connection, order external id, line number).</summary>
public sealed class CartOrderItem
{
    public int ConnectionId { get; set; }
    public required string OrderExternalId { get; set; }
    public int LineNo { get; set; }
    public required string ProductCode { get; set; }
    public string ProductName { get; set; } = "";
    public string? CourseName { get; set; }
    public int Quantity { get; set; }
    public long Price { get; set; }
    // Copies of the order's customer, cancellation and date, written with the line by the import (PurchaseCopies), so
    // "who bought this product (when)" is read from the lines' index alone.
    public string? CustomerExternalId { get; set; }
    public bool Cancelled { get; set; }
    public DateTimeOffset? OrderedAt { get; set; }
}

/// <summary>A subscription (定期受注) with its continuation status.</summary>
public sealed class CartSubscription
{
    public long Id { get; set; }
    public int ConnectionId { get; set; }
    public required string ExternalId { get; set; }
    public required string CustomerExternalId { get; set; }
    public ContinuationStatus Status { get; set; }
    public string? RawStatus { get; set; }
    public string? ProductCode { get; set; }
    public string? CourseName { get; set; }
    public DateTimeOffset? NextShipAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A product or course seen in a cart (fills the filter dropdowns).</summary>
public sealed class CartProduct
{
    public long Id { get; set; }
    public int ConnectionId { get; set; }
    public required string Code { get; set; }
    public string Name { get; set; } = "";
    public string? CourseName { get; set; }
}

/// <summary>An abandoned checkout (カゴ落ち) from Shopify, kept for the abandoned-cart message.</summary>
public sealed class CartCheckout
{
    public long Id { get; set; }
    public int ConnectionId { get; set; }
    public int BotId { get; set; }
    public required string Token { get; set; }
    public string? CustomerExternalId { get; set; }
    public string? EmailNormalized { get; set; }
    public string? PhoneNormalized { get; set; }
    public string? RecoveryUrl { get; set; }
    public long Amount { get; set; }
    /// <summary>The lines as JSON (product code, name, quantity, price): shown in the message, never queried.</summary>
    public string ItemsJson { get; set; } = "[]";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>A webhook delivery already handled: its id makes a redelivery harmless.</summary>
public sealed class WebhookReceipt
{
    public long Id { get; set; }
    /// <summary>e.g. "shopify:12" (cart and connection) or "line:3" (bot).</summary>
    public required string Source { get; set; }
    public required string DeliveryId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
