using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Integrations.Carts.Shopify.Sandbox;

/// <summary>A product of the sandbox shop's fixed catalogue; subscription products are sold through the subscription app.</summary>
public sealed record ShopifyProduct(long ProductId, string Sku, string Title, long Price, bool IsSubscription)
{
    public static readonly IReadOnlyList<ShopifyProduct> Catalogue =
    [
        new(8_100_000_001, "OIL-CLN-01", "オーガニック クレンジングオイル 150mL", 3300, false),
        new(8_100_000_002, "SKN-MST-01", "保湿クリーム 50g", 4400, false),
        new(8_100_000_003, "TEA-HRB-01", "国産ハーブティー 20包", 1980, false),
        new(8_100_000_004, "SUP-ENZ-01", "酵素サプリメント 60粒", 3980, false),
        new(8_100_000_011, "OIL-CLN-01S", "【定期購買】オーガニック クレンジングオイル 150mL", 2970, true),
        new(8_100_000_012, "TEA-HRB-01S", "【定期購買】国産ハーブティー 20包", 1782, true),
        new(8_100_000_013, "SUP-ENZ-01S", "【定期購買】酵素サプリメント 60粒", 3184, true),
    ];

    public static readonly IReadOnlyList<ShopifyProduct> OneTime = Catalogue.Where(p => !p.IsSubscription).ToArray();
    public static readonly IReadOnlyList<ShopifyProduct> Subscriptions = Catalogue.Where(p => p.IsSubscription).ToArray();

    /// <summary>A custom line as the shop adds it (gift wrap): no product, no SKU [C]; priced in the shop currency's minor units.</summary>
    public static readonly ShopifyProduct GiftWrap = new(0, "", "ギフト包装", 330, false);

    /// <summary>A custom line item (tip, custom item, gift wrap): written without product_id and SKU.</summary>
    public bool IsCustom => ProductId == 0;

    public static ShopifyProduct BySku(string sku) =>
        Catalogue.FirstOrDefault(p => p.Sku == sku) ?? throw new ArgumentException($"Unknown SKU '{sku}'.", nameof(sku));
}

/// <summary>
/// What ECAI should read from one sandbox order (for tests that predict the import): <see cref="Remaining"/> is the total
/// minus successful refunds (minor units), <see cref="ShippedAt"/> the first successful fulfilment.
/// </summary>
public sealed record ShopifyOrderDetails(long Remaining, DateTimeOffset? ShippedAt, DateOnly? DeliveryDate, string? DeliveryTime,
    int CustomLines, bool HasFailedFulfilment);

internal sealed record CustomerRow(
    long Id, string? Email, string? Phone, string FirstName, string LastName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) : ISandboxRow;

internal sealed record LineRow(long Id, ShopifyProduct Product, int Quantity);

/// <summary>A fulfilment; <see cref="Status"/> is success, cancelled, error or failure [C].</summary>
internal sealed record FulfillmentRow(long Id, DateTimeOffset CreatedAt, string? TrackingCompany, string TrackingNumber, string Status = "success");

/// <summary>A refund carried out by one refund transaction of <see cref="Amount"/> (minor units); status success or failure [C].</summary>
internal sealed record RefundRow(long Id, DateTimeOffset CreatedAt, long Amount, string Status = "success");

/// <summary>
/// An order; <see cref="Tags"/> is Shopify's comma-separated tag text. <see cref="DeliveryDate"/> / <see cref="DeliveryTime"/>:
/// the buyer's request, written as a delivery-date app writes note_attributes (配送希望日 / 配送時間帯).
/// </summary>
internal sealed record OrderRow(
    long Id, int Number, long CustomerId, string? Email, string FinancialStatus, DateTimeOffset? CancelledAt, LineRow[] Lines,
    long Shipping, string Tags, FulfillmentRow[] Fulfillments, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    RefundRow[]? Refunds = null, DateOnly? DeliveryDate = null, string? DeliveryTime = null) : ISandboxRow
{
    /// <summary>What the successful refunds gave back.</summary>
    public long Refunded => (Refunds ?? []).Where(r => r.Status == "success").Sum(r => r.Amount);

    /// <summary>The first successful fulfilment's time (the shipping date ECAI should read), or null.</summary>
    public DateTimeOffset? ShippedAt => Fulfillments.Where(f => f.Status == "success").Select(f => (DateTimeOffset?)f.CreatedAt).Min();

    public long Total
    {
        get
        {
            var total = Shipping;
            foreach (var line in Lines) total += line.Product.Price * line.Quantity;
            return total;
        }
    }
}

internal sealed record CheckoutRow(
    long Id, string Token, long? CustomerId, string? Email, string? Phone, LineRow[] Lines, string RecoveryKey,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? CompletedAt) : ISandboxRow
{
    public long Total => Lines.Sum(l => l.Product.Price * l.Quantity);
}
