using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Integrations.Carts.SubscStore.Sandbox;

/// <summary>
/// A product of the sandbox shop's fixed catalogue. A 定期商品 has its own code and name
/// (<see cref="SubscriptionCode"/>, <see cref="SubscriptionName"/>) and delivers the product <see cref="Code"/>.
/// </summary>
public sealed record SubscStoreProduct(string Code, string Name, long Price, string? SubscriptionCode = null, string? SubscriptionName = null)
{
    public bool IsSubscription => SubscriptionCode is not null;

    public static readonly IReadOnlyList<SubscStoreProduct> Catalogue =
    [
        new("COF-DRIP-10", "スペシャルティコーヒー ドリップバッグ 10袋", 1980),
        new("TEA-ROOIBOS-30", "オーガニックルイボスティー 30包", 2480),
        new("PROTEIN-1KG", "ソイプロテイン ココア味 1kg", 4280),
        new("COF-DRIP-30", "スペシャルティコーヒー ドリップバッグ 30袋", 4980, "TK-COF-01", "【定期】コーヒー毎月便"),
        new("TEA-ROOIBOS-30", "オーガニックルイボスティー 30包", 2232, "TK-TEA-02", "【定期】ルイボスティー隔月便"),
        new("PROTEIN-1KG", "ソイプロテイン ココア味 1kg", 3852, "TK-PRO-01", "【定期】プロテイン毎月便 10%OFF"),
    ];

    public static readonly IReadOnlyList<SubscStoreProduct> OneTime = Catalogue.Where(p => !p.IsSubscription).ToArray();
    public static readonly IReadOnlyList<SubscStoreProduct> Subscriptions = Catalogue.Where(p => p.IsSubscription).ToArray();

    /// <summary>A product by 商品コード (one-off) or 定期商品コード.</summary>
    public static SubscStoreProduct ByCode(string code) =>
        Catalogue.FirstOrDefault(p => p.SubscriptionCode == code) ?? Catalogue.FirstOrDefault(p => p.Code == code && !p.IsSubscription)
        ?? throw new ArgumentException($"Unknown product code '{code}'.", nameof(code));
}

// Rows implement ISandboxRow to use the shared lazy table (SandboxTable: id + updated_at).

internal sealed record SubscStoreCustomerRow(
    long Id, string LastName, string FirstName, string? Tel, string? Email, DateOnly? BirthDate, DateTimeOffset UpdatedAt) : ISandboxRow;

internal sealed record SubscStoreLineRow(SubscStoreProduct Product, int Quantity);

internal sealed record SubscStoreOrderRow(
    long Id, long CustomerId, DateTimeOffset OrderedAt, long? SubscriptionId, int? PurchaseCount, bool Canceled,
    SubscStoreLineRow[] Lines, long ShippingFee, DateTimeOffset? ShippedAt, DateTimeOffset UpdatedAt) : ISandboxRow
{
    public long Total => ShippingFee + Lines.Sum(l => l.Product.Price * l.Quantity);

    public SubscStoreProduct? SubscriptionProduct => SubscriptionId is null ? null : Lines[0].Product;
}

internal sealed record SubscStoreSubscriptionRow(
    long Id, long CustomerId, string Status, SubscStoreProduct Product, DateOnly? NextDeliveryDate, int PurchaseCount,
    DateTimeOffset UpdatedAt) : ISandboxRow;
