using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Integrations.Carts.Ecforce.Sandbox;

/// <summary>A product of the sandbox shop's fixed catalogue; <see cref="CourseName"/> marks a subscription product.</summary>
public sealed record EcforceProduct(string Code, string Name, long Price, string? CourseName)
{
    public bool IsSubscription => CourseName is not null;

    public static readonly IReadOnlyList<EcforceProduct> Catalogue =
    [
        new("SKN-LOT-01", "薬用ホワイトニングローション 150mL", 3980, null),
        new("SKN-SER-01", "ビタミンC美容液 30mL", 5480, null),
        new("HAIR-SHP-01", "アミノ酸シャンプー 400mL", 2980, null),
        new("SUP-COL-01", "コラーゲンゼリー 30本入", 4320, null),
        new("SKN-LOT-01T", "【定期便】薬用ホワイトニングローション 150mL", 3380, "定期便 毎月お届けコース"),
        new("SKN-SER-01T3", "【定期便】ビタミンC美容液 30mL", 4680, "定期便 3ヶ月コース"),
        new("SUP-COL-01T2", "【定期便】コラーゲンゼリー 30本入", 3672, "定期便 2ヶ月ごとコース"),
        new("HAIR-SET-01T", "【定期便】シャンプー&トリートメントセット", 5280, "定期便 初回半額コース"),
    ];

    public static readonly IReadOnlyList<EcforceProduct> OneTime = Catalogue.Where(p => !p.IsSubscription).ToArray();
    public static readonly IReadOnlyList<EcforceProduct> Subscriptions = Catalogue.Where(p => p.IsSubscription).ToArray();

    public static EcforceProduct ByCode(string code) =>
        Catalogue.FirstOrDefault(p => p.Code == code) ?? throw new ArgumentException($"Unknown product code '{code}'.", nameof(code));
}

internal sealed record CustomerRow(
    long Id, string Number, string? Email, DateOnly? Birth, string? LineId,
    string FamilyName, string GivenName, string Zip, string Prefecture, string City, string Street,
    string? Phone, string? Tel01, string? Tel02, string? Tel03,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) : ISandboxRow
{
    public string FullTel => string.Join("-", new[] { Tel01, Tel02, Tel03 }.Where(t => !string.IsNullOrEmpty(t)));
}

internal sealed record ItemRow(long Id, EcforceProduct Product, int Quantity);

internal sealed record OrderRow(
    long Id, string Number, long CustomerId, long? SubsOrderId, int? Times, ItemRow[] Items, long DeliveryFee,
    DateTimeOffset CompletedAt, DateTimeOffset ScheduledToBeShippedAt, DateTimeOffset? ShippedAt, string? ShippingSlip,
    DateTimeOffset UpdatedAt, bool Cancelled = false) : ISandboxRow
{
    public long Total
    {
        get
        {
            var total = DeliveryFee;
            foreach (var item in Items) total += item.Product.Price * item.Quantity;
            return total;
        }
    }
}

internal sealed record SubOrderRow(
    long Id, string Number, long CustomerId, string State, int Times, ItemRow Item, int EveryXMonth,
    DateTimeOffset? NextShipAt, DateTimeOffset? SuspendedAt, DateTimeOffset? CanceledAt,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) : ISandboxRow;
