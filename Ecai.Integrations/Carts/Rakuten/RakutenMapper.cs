using Ecai.Domain.Carts;
using Ecai.Domain.Linking;

namespace Ecai.Integrations.Carts.Rakuten;

/// <summary>
/// Pure functions from getOrder's <see cref="OrderModel"/> to ECAI's order records, the buyer
/// (注文者) riding along as <see cref="CartOrderRecord.Customer"/>. A row that cannot be read becomes a
/// <see cref="SkippedRecord"/>; nothing here throws for bad data.
/// <list type="bullet">
/// <item>Customer id and number: the masked 注文者 e-mail (stable per buyer and shop [I]); without one,
/// the order gets a customer of its own ("order:&lt;orderNumber&gt;").</item>
/// <item>Amount: totalPrice; while it is -9999 (not fixed yet) goodsPrice (else the lines' price × units)
/// plus postagePrice when that is fixed. -9999 is never stored as money.</item>
/// <item>定期購入 (orderType 4): subscription = reserveNumber, times = reserveDeliveryCount, status Active,
/// Cancelled when the order is キャンセル確定 (900). Rakuten knows no other status (seed).</item>
/// <item>ShippedAt: the earliest shippingDate of any package, 00:00 JST. Birthdays are never read.</item>
/// <item>お届け日時: deliveryDate as the requested day, shippingTerm as the time slot in words.</item>
/// </list>
/// </summary>
internal static class RakutenMapper
{
    public const int Cancelled = 900;       // キャンセル確定 [C]
    public const int Subscription = 4;      // 定期購入 [C]
    public const long NotFixed = -9999;     // [C]

    public static (List<CartOrderRecord> Items, List<SkippedRecord> Skipped) MapOrders(IEnumerable<OrderModel> orders)
    {
        var items = new List<CartOrderRecord>();
        var skipped = new List<SkippedRecord>();
        foreach (var order in orders)
        {
            var mapped = MapOrder(order);
            if (mapped.Record is { } record) items.Add(record);
            else skipped.Add(new SkippedRecord(Trimmed(order.OrderNumber), mapped.SkipReason!));
        }
        return (items, skipped);
    }

    internal static Mapped MapOrder(OrderModel o)
    {
        var number = Trimmed(o.OrderNumber);
        if (number is null) return "受注番号(orderNumber)がありません";
        if (!RakutenTime.TryParse(o.OrderDatetime, out var orderedAt)) return $"注文日時(orderDatetime)を読み取れません: '{o.OrderDatetime}'";
        if (o.Orderer is not { } orderer) return "注文者(OrdererModel)がありません";

        DateTimeOffset? shippedAt = null;
        string? carrier = null;
        var lines = new List<CartOrderItemRecord>();
        foreach (var package in o.PackageModelList ?? [])
        {
            foreach (var item in package.ItemModelList ?? [])
            {
                var code = Trimmed(item.ManageNumber) ?? Trimmed(item.ItemNumber);
                if (code is null) return "商品管理番号(manageNumber)のない明細があります";
                lines.Add(new CartOrderItemRecord(code, item.ItemName?.Trim() ?? "", null, item.Units is > 0 ? item.Units.Value : 1, Money(item.Price) ?? 0));
            }
            foreach (var shipping in package.ShippingModelList ?? [])
            {
                if (string.IsNullOrWhiteSpace(shipping.ShippingDate)) continue;
                if (!RakutenTime.TryParseDate(shipping.ShippingDate, out var date)) return $"発送日(shippingDate)を読み取れません: '{shipping.ShippingDate}'";
                if (shippedAt is null || date < shippedAt)
                {
                    shippedAt = date;
                    carrier = DeliveryMethod(shipping.DeliveryCompany);
                }
            }
        }

        var email = Trimmed(orderer.EmailAddress);
        var customerId = email?.ToLowerInvariant() ?? "order:" + number;
        var updatedAt = Latest(orderedAt, o.ShopOrderCfmDatetime, o.OrderFixDatetime, o.ShippingInstDatetime, o.ShippingCmplRptDatetime);
        var name = string.Join(' ', new[] { orderer.FamilyName, orderer.FirstName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()));
        var customer = new CartCustomerRecord(customerId, email, name.Length == 0 ? null : name,
            PhoneNormalizer.JoinParts(orderer.PhoneNumber1, orderer.PhoneNumber2, orderer.PhoneNumber3),
            Email: null, LineUserId: null, Birthday: null, UpdatedAt: orderedAt);

        var cancelled = o.OrderProgress == Cancelled;
        string? subscriptionId = null;
        int? times = null;
        ContinuationStatus? status = null;
        if (o.OrderType == Subscription && Trimmed(o.ReserveNumber) is { } reserve)
        {
            subscriptionId = reserve;
            times = o.ReserveDeliveryCount;
            status = ContinuationStatusMap.Map(CartKind.RakutenRms, cancelled ? "Cancelled" : "Active");
        }

        // お届け日時: an unreadable date or slot only drops itself (it is shown, never computed with).
        DateOnly? deliveryDate = RakutenTime.TryParseDate(o.DeliveryDate, out var requested)
            ? DateOnly.FromDateTime(requested.ToOffset(TimeSpan.FromHours(9)).DateTime) : null;
        return new CartOrderRecord(number, customerId, number, orderedAt, Amount(o, lines), shippedAt, subscriptionId, times, lines,
            updatedAt, customer, status, carrier, cancelled, deliveryDate, DeliveryTime(o.ShippingTerm));
    }

    /// <summary>
    /// shippingTerm in words: 1 午前中, 2 午後, 9 その他, hhhh as "hh:00-hh:00" (e.g. 1214 → 12:00-14:00, 812 → 08:00-12:00);
    /// 0, blank or anything else is no slot.
    /// </summary>
    internal static string? DeliveryTime(string? shippingTerm)
    {
        var term = Trimmed(shippingTerm);
        if (term is null || !int.TryParse(term, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code))
            return null;
        switch (code)
        {
            case 1: return "午前中";
            case 2: return "午後";
            case 9: return "その他";
        }
        var (from, to) = (code / 100, code % 100);
        return code is >= 100 and <= 2424 && from < to && to <= 24 ? $"{from:D2}:00-{to:D2}:00" : null;
    }

    /// <summary>The order's amount with every -9999 (not fixed yet) left out; never negative.</summary>
    internal static long Amount(OrderModel o, IReadOnlyList<CartOrderItemRecord> lines)
    {
        if (Money(o.TotalPrice) is { } total) return total;
        var goods = Money(o.GoodsPrice) ?? lines.Sum(l => l.Price * l.Quantity);
        return goods + (Money(o.PostagePrice) ?? 0);
    }

    /// <summary>The carrier's Japanese name for the codes ECAI shows (seed: Yamato, Sagawa, Japan Post); else null.</summary>
    internal static string? DeliveryMethod(string? code) => code?.Trim() switch
    {
        "1001" => "ヤマト運輸",
        "1002" => "佐川急便",
        "1003" => "日本郵便",
        _ => null,
    };

    /// <summary>A fixed amount, or null for -9999, any other negative value or none.</summary>
    private static long? Money(long? value) => value is >= 0 ? value : null;

    private static DateTimeOffset Latest(DateTimeOffset first, params string?[] others)
    {
        var latest = first;
        foreach (var text in others)
        {
            if (RakutenTime.TryParse(text, out var t) && t > latest) latest = t;
        }
        return latest;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Either a record or the reason it was skipped (an implicit conversion from string).</summary>
    internal readonly record struct Mapped(CartOrderRecord? Record, string? SkipReason)
    {
        public static implicit operator Mapped(CartOrderRecord record) => new(record, null);
        public static implicit operator Mapped(string reason) => new(null, reason);
    }
}
