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

    public static ShopifyProduct BySku(string sku) =>
        Catalogue.FirstOrDefault(p => p.Sku == sku) ?? throw new ArgumentException($"Unknown SKU '{sku}'.", nameof(sku));
}

internal sealed record CustomerRow(
    long Id, string? Email, string? Phone, string FirstName, string LastName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) : ISandboxRow;

internal sealed record LineRow(long Id, ShopifyProduct Product, int Quantity);

internal sealed record FulfillmentRow(long Id, DateTimeOffset CreatedAt, string? TrackingCompany, string TrackingNumber);

/// <summary>An order; <see cref="Tags"/> is Shopify's comma-separated tag text.</summary>
internal sealed record OrderRow(
    long Id, int Number, long CustomerId, string? Email, string FinancialStatus, DateTimeOffset? CancelledAt, LineRow[] Lines,
    long Shipping, string Tags, FulfillmentRow[] Fulfillments, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) : ISandboxRow
{
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
