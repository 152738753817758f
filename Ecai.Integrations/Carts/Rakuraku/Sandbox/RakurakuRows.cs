using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Integrations.Carts.Rakuraku.Sandbox;

/// <summary>A product of the sandbox shop's fixed catalogue; <see cref="CourseName"/> marks a 定期 product.</summary>
public sealed record RakurakuProduct(string Code, string Name, long Price, string? CourseName)
{
    public bool IsSubscription => CourseName is not null;

    public static readonly IReadOnlyList<RakurakuProduct> Catalogue =
    [
        new("RR-KOSO-01", "酵素ドリンク 720mL", 5980, null),
        new("RR-AOJI-01", "国産大麦若葉の青汁 30包", 3240, null),
        new("RR-EYE-01", "ルテインサプリ 60粒", 2980, null),
        new("RR-KOSO-T1", "【定期】酵素ドリンク 720mL", 4980, "毎月お届けコース"),
        new("RR-AOJI-T2", "【定期】国産大麦若葉の青汁 30包", 2916, "2ヶ月ごとお届けコース"),
        new("RR-EYE-T1", "【定期】ルテインサプリ 60粒", 1980, "初回980円コース"),
    ];

    public static readonly IReadOnlyList<RakurakuProduct> OneTime = Catalogue.Where(p => !p.IsSubscription).ToArray();
    public static readonly IReadOnlyList<RakurakuProduct> Subscriptions = Catalogue.Where(p => p.IsSubscription).ToArray();

    public static RakurakuProduct ByCode(string code) =>
        Catalogue.FirstOrDefault(p => p.Code == code) ?? throw new ArgumentException($"Unknown product code '{code}'.", nameof(code));
}

/// <summary>The three 定期 status words [C: ECAI help].</summary>
public static class RakurakuStatus
{
    public const string Continuing = "ご注文継続";
    public const string Paused = "休止";
    public const string Cancelled = "ご解約";
}

internal sealed record RakurakuCustomerRow(long Id, string Name, string? Phone, string? Mail, DateOnly? Birthday);

internal sealed record RakurakuItemRow(RakurakuProduct Product, int Quantity);

/// <summary>An order as the sandbox keeps it; the buyer is written from <see cref="CustomerIndex"/> when served.</summary>
internal sealed record RakurakuOrderRow(
    long Id, string Number, int CustomerIndex, long? RegularId, int? Times, string? RegularStatus, RakurakuItemRow[] Items,
    long DeliveryFee, string Status, DateTimeOffset OrderedAt, DateTimeOffset? ShippedAt, DateTimeOffset UpdatedAt) : ISandboxRow
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
