using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Integrations.Carts.Repeatst.Sandbox;

/// <summary>A product of the sandbox shop's fixed catalogue; <see cref="CourseName"/> marks a 定期 product.</summary>
public sealed record RepeatstProduct(string Code, string Name, long Price, string? CourseName)
{
    public bool IsTeiki => CourseName is not null;

    public static readonly IReadOnlyList<RepeatstProduct> Catalogue =
    [
        new("AOJIRU-30", "国産大麦若葉の青汁 30包", 3240, null),
        new("KOSO-500", "植物発酵酵素ドリンク 500mL", 4980, null),
        new("LACTO-60", "乳酸菌サプリ 60粒", 2700, null),
        new("AOJIRU-30-T", "【定期】国産大麦若葉の青汁 30包", 2916, "青汁 毎月お届けコース"),
        new("KOSO-500-T", "【定期】植物発酵酵素ドリンク 500mL", 3980, "酵素 初回980円コース"),
        new("LACTO-60-T2", "【定期】乳酸菌サプリ 60粒", 2430, "乳酸菌 2ヶ月ごとコース"),
    ];

    public static readonly IReadOnlyList<RepeatstProduct> OneTime = Catalogue.Where(p => !p.IsTeiki).ToArray();
    public static readonly IReadOnlyList<RepeatstProduct> Teiki = Catalogue.Where(p => p.IsTeiki).ToArray();

    public static RepeatstProduct ByCode(string code) =>
        Catalogue.FirstOrDefault(p => p.Code == code) ?? throw new ArgumentException($"Unknown product code '{code}'.", nameof(code));
}

// Rows implement ISandboxRow to use the shared lazy table (SandboxTable: id + updated_at).

internal sealed record RepeatstCustomerRow(
    long Id, string Code, string FamilyName, string GivenName, string? Tel, string? Mail, DateOnly? Birthday,
    DateTimeOffset UpdatedAt) : ISandboxRow;

internal sealed record RepeatstLineRow(RepeatstProduct Product, int Quantity);

internal sealed record RepeatstOrderRow(
    long Id, string Code, long CustomerId, DateTimeOffset PurchasedAt, DateOnly? ShippingDate, long? TeikiId, int? TeikiCount,
    bool Cancelled, RepeatstLineRow[] Lines, long Postage, DateTimeOffset UpdatedAt) : ISandboxRow
{
    public long Total => Postage + Lines.Sum(l => l.Product.Price * l.Quantity);
}

internal sealed record RepeatstTeikiRow(
    long Id, long CustomerId, string Status, RepeatstProduct Product, DateOnly? NextShippingDate, int Count,
    DateTimeOffset UpdatedAt) : ISandboxRow;
