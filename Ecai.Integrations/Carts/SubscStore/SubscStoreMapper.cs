using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shared;
using static Ecai.Integrations.Carts.Shared.RowMapping;

namespace Ecai.Integrations.Carts.SubscStore;

/// <summary>
/// Pure functions from the modelled [I] サブスクストア DTOs to ECAI's cart records; the only place that
/// knows the wire's field names. Bad rows become <see cref="SkippedRecord"/>s, never exceptions.
/// 定期商品: a subscription order's lines carry the 定期商品 name as their course name, and a
/// subscription's course name is its 定期商品 name (the code when the name is blank), so course
/// filters and tag rules see the 定期商品; product codes stay the 商品コード of what is delivered.
/// </summary>
internal static class SubscStoreMapper
{
    public static MappedPage<CartCustomerRecord> MapCustomers(SubscStoreList<SubscStoreCustomer> list) =>
        MapPage(list.Items, r => r.CustomerId, r => Time(r.UpdatedAt), MapCustomer, IsLast(list.Pagination));

    public static MappedPage<CartOrderRecord> MapOrders(SubscStoreList<SubscStoreOrder> list) =>
        MapPage(list.Items, r => r.OrderId, r => Time(r.UpdatedAt), MapOrder, IsLast(list.Pagination));

    public static MappedPage<CartSubscriptionRecord> MapSubscriptions(SubscStoreList<SubscStoreSubscription> list) =>
        MapPage(list.Items, r => r.SubscriptionId, r => Time(r.UpdatedAt), MapSubscription, IsLast(list.Pagination));

    internal static Mapped<CartCustomerRecord> MapCustomer(SubscStoreCustomer row)
    {
        if (Trimmed(row.CustomerId) is not { } id) return "顧客ID(customerId)がありません";
        if (Time(row.UpdatedAt) is not { } updatedAt) return $"更新日時(updatedAt)を読み取れません: '{row.UpdatedAt}'";
        var name = Trimmed(string.Join(' ', new[] { row.LastName, row.FirstName }.Where(n => !Blank(n)).Select(n => n!.Trim())));
        DateOnly? birthday = CartTime.TryParseDate(row.BirthDate, out var birth) ? birth : null;
        return new CartCustomerRecord(id, null, name, Trimmed(row.Tel), Trimmed(row.Email), null, birthday, updatedAt);
    }

    internal static Mapped<CartOrderRecord> MapOrder(SubscStoreOrder row)
    {
        if (Trimmed(row.OrderId) is not { } id) return "受注ID(orderId)がありません";
        if (Time(row.UpdatedAt) is not { } updatedAt) return $"更新日時(updatedAt)を読み取れません: '{row.UpdatedAt}'";
        if (Trimmed(row.CustomerId) is not { } customerId) return "顧客ID(customerId)がありません";
        if (Time(row.OrderedAt) is not { } orderedAt) return $"購入日時(orderedAt)を読み取れません: '{row.OrderedAt}'";
        if (row.TotalPrice is not { } amount) return "購入金額(totalPrice)がありません";
        // No ship-date follow for this cart: an unreadable shippedAt only drops the date.
        var shippedAt = Time(row.ShippedAt);

        var subscriptionId = Trimmed(row.SubscriptionId);
        var course = subscriptionId is null ? null : CourseOf(row.SubscriptionProductName, row.SubscriptionProductCode);
        var lines = new List<CartOrderItemRecord>();
        foreach (var item in row.LineItems ?? [])
        {
            if (Trimmed(item.ProductCode) is not { } code) return "商品コード(productCode)のない明細があります";
            lines.Add(new CartOrderItemRecord(code, item.ProductName?.Trim() ?? "", course, item.Quantity ?? 1, item.UnitPrice ?? 0));
        }
        return new CartOrderRecord(id, customerId, Trimmed(row.OrderNo), orderedAt, amount, shippedAt,
            subscriptionId, subscriptionId is null ? null : row.PurchaseCount, lines, updatedAt, Cancelled: row.Canceled == true);
    }

    internal static Mapped<CartSubscriptionRecord> MapSubscription(SubscStoreSubscription row)
    {
        if (Trimmed(row.SubscriptionId) is not { } id) return "定期ID(subscriptionId)がありません";
        if (Time(row.UpdatedAt) is not { } updatedAt) return $"更新日時(updatedAt)を読み取れません: '{row.UpdatedAt}'";
        if (Trimmed(row.CustomerId) is not { } customerId) return "顧客ID(customerId)がありません";
        var next = Time(row.NextDeliveryDate);
        if (next is null && !Blank(row.NextDeliveryDate)) return $"次回お届け日(nextDeliveryDate)を読み取れません: '{row.NextDeliveryDate}'";
        var status = Trimmed(row.Status);
        return new CartSubscriptionRecord(id, customerId, ContinuationStatusMap.Map(CartKind.SubscStore, status), status,
            Trimmed(row.ProductCode) ?? Trimmed(row.SubscriptionProductCode), CourseOf(row.SubscriptionProductName, row.SubscriptionProductCode),
            next, updatedAt);
    }

    private static string? CourseOf(string? name, string? code) => Trimmed(name) ?? Trimmed(code);

    /// <summary>The last page: currentPage ≥ totalPages [I]; without pagination the short page ends the pull.</summary>
    private static bool? IsLast(SubscStorePagination? p) =>
        p is { CurrentPage: { } current, TotalPages: { } total } ? current >= total : null;

    private static DateTimeOffset? Time(string? text) => CartTime.TryParse(text, out var utc) ? utc : null;
}
