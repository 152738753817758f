using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shared;
using static Ecai.Integrations.Carts.Shared.RowMapping;

namespace Ecai.Integrations.Carts.Repeatst;

/// <summary>
/// Pure functions from the modelled [I] リピスト DTOs to ECAI's cart records; the only place that knows
/// the wire shape's field names. A row that cannot be read becomes a <see cref="SkippedRecord"/> with a
/// reason; nothing here throws for bad data. A missing id, updated_at, customer id or purchase date
/// skips the row; so does a present but unreadable 発送日 (follow messages start from it); a bad
/// birthday only drops the birthday.
/// </summary>
internal static class RepeatstMapper
{
    public static MappedPage<CartCustomerRecord> MapCustomers(RepeatstCustomerList list) =>
        MapPage(list.Customers, r => r.CustomerId?.ToString(), r => Time(r.UpdatedAt), MapCustomer, IsLast(list));

    public static MappedPage<CartOrderRecord> MapOrders(RepeatstOrderList list) =>
        MapPage(list.Orders, r => r.OrderId?.ToString(), r => Time(r.UpdatedAt), MapOrder, IsLast(list));

    public static MappedPage<CartSubscriptionRecord> MapSubscriptions(RepeatstTeikiList list) =>
        MapPage(list.TeikiOrders, r => r.TeikiId?.ToString(), r => Time(r.UpdatedAt), MapSubscription, IsLast(list));

    internal static Mapped<CartCustomerRecord> MapCustomer(RepeatstCustomer row)
    {
        if (row.CustomerId is not { } id) return "顧客ID(customer_id)がありません";
        if (Time(row.UpdatedAt) is not { } updatedAt) return $"更新日時(updated_at)を読み取れません: '{row.UpdatedAt}'";
        var name = Trimmed(string.Join(' ', new[] { row.Name1, row.Name2 }.Where(n => !Blank(n)).Select(n => n!.Trim())));
        DateOnly? birthday = CartTime.TryParseDate(row.Birthday, out var birth) ? birth : null;
        return new CartCustomerRecord(id.ToString(), Trimmed(row.CustomerCode), name, Trimmed(row.Tel), Trimmed(row.Mail), null, birthday, updatedAt);
    }

    internal static Mapped<CartOrderRecord> MapOrder(RepeatstOrder row)
    {
        if (row.OrderId is not { } id) return "受注ID(order_id)がありません";
        if (Time(row.UpdatedAt) is not { } updatedAt) return $"更新日時(updated_at)を読み取れません: '{row.UpdatedAt}'";
        if (row.CustomerId is not { } customerId) return "顧客ID(customer_id)がありません";
        if (Time(row.PurchaseDatetime) is not { } orderedAt) return $"購入日時(purchase_datetime)を読み取れません: '{row.PurchaseDatetime}'";
        var shippedAt = Time(row.ShippingDate);
        if (shippedAt is null && !Blank(row.ShippingDate)) return $"発送日(shipping_date)を読み取れません: '{row.ShippingDate}'";
        if (row.TotalAmount is not { } amount) return "購入金額(total_amount)がありません";

        var lines = new List<CartOrderItemRecord>();
        foreach (var detail in row.Details ?? [])
        {
            if (Trimmed(detail.ProductCode) is not { } code) return "商品コード(product_code)のない明細があります";
            lines.Add(new CartOrderItemRecord(code, detail.ProductName?.Trim() ?? "", Trimmed(detail.CourseName), detail.Quantity ?? 1, detail.Price ?? 0));
        }
        return new CartOrderRecord(id.ToString(), customerId.ToString(), Trimmed(row.OrderCode), orderedAt, amount, shippedAt,
            row.TeikiId?.ToString(), row.TeikiId is null ? null : row.TeikiCount, lines, updatedAt, Cancelled: row.CancelFlag == 1);
    }

    internal static Mapped<CartSubscriptionRecord> MapSubscription(RepeatstTeiki row)
    {
        if (row.TeikiId is not { } id) return "定期ID(teiki_id)がありません";
        if (Time(row.UpdatedAt) is not { } updatedAt) return $"更新日時(updated_at)を読み取れません: '{row.UpdatedAt}'";
        if (row.CustomerId is not { } customerId) return "顧客ID(customer_id)がありません";
        var nextShip = Time(row.NextShippingDate);
        if (nextShip is null && !Blank(row.NextShippingDate)) return $"次回発送予定日(next_shipping_date)を読み取れません: '{row.NextShippingDate}'";
        var status = Trimmed(row.Status);
        return new CartSubscriptionRecord(id.ToString(), customerId.ToString(), ContinuationStatusMap.Map(CartKind.Repeatst, status), status,
            Trimmed(row.ProductCode), Trimmed(row.CourseName), nextShip, updatedAt);
    }

    /// <summary>The last page: <c>has_next</c> false [I]; when absent (null), the short page ends the pull.</summary>
    private static bool? IsLast(RepeatstList list) => !list.HasNext;

    private static DateTimeOffset? Time(string? text) => CartTime.TryParse(text, out var utc) ? utc : null;
}
