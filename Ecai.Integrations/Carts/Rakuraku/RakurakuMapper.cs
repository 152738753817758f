using System.Globalization;
using Ecai.Domain.Carts;

namespace Ecai.Integrations.Carts.Rakuraku;

/// <summary>One mapped search page: the orders, the rows we could not read, the row count and the newest updated_at seen.</summary>
internal sealed record RakurakuMappedPage(List<CartOrderRecord> Items, List<SkippedRecord> Skipped, int RowCount, DateTimeOffset? MaxUpdatedAt);

/// <summary>
/// Pure functions from the [I] modelled order-search DTOs to ECAI's records. 楽楽リピート has only an order
/// search, so the buyer rides on the order (<see cref="CartOrderRecord.Customer"/>, with the birthday) and the
/// subscription's state too (<see cref="CartOrderRecord.SubscriptionStatus"/> via <see cref="ContinuationStatusMap"/>).
/// A missing or unreadable order id, updated_at, ordered_at, total or customer id skips the order with a reason;
/// a bad birthday only drops the birthday. Nothing here throws for bad data.
/// </summary>
internal static class RakurakuMapper
{
    /// <summary>[I] The order status word for a cancelled order.</summary>
    internal const string CancelledStatus = "キャンセル";

    public static RakurakuMappedPage MapOrders(RakurakuOrderSearchResponse response)
    {
        var rows = response.Orders ?? [];
        var items = new List<CartOrderRecord>(rows.Count);
        var skipped = new List<SkippedRecord>();
        DateTimeOffset? max = null;
        foreach (var row in rows)
        {
            if (row is null)
            {
                skipped.Add(new SkippedRecord(null, "受注データが空です"));
                continue;
            }
            // A readable updated_at moves the cursor even for a skipped row: it has been seen.
            if (RakurakuTime.TryParse(row.UpdatedAt, out var seen) && (max is null || seen > max)) max = seen;
            var (record, reason) = MapOrder(row);
            if (record is not null) items.Add(record);
            else skipped.Add(new SkippedRecord(row.OrderId?.ToString(CultureInfo.InvariantCulture), reason!));
        }
        return new RakurakuMappedPage(items, skipped, rows.Count, max);
    }

    internal static (CartOrderRecord? Record, string? SkipReason) MapOrder(RakurakuOrderDto row)
    {
        if (row.OrderId is not { } orderId) return (null, "受注ID(order_id)がありません");
        if (!RakurakuTime.TryParse(row.UpdatedAt, out var updatedAt)) return (null, $"更新日時(updated_at)を読み取れません: '{row.UpdatedAt}'");
        if (!RakurakuTime.TryParse(row.OrderedAt, out var orderedAt)) return (null, $"注文日時(ordered_at)を読み取れません: '{row.OrderedAt}'");
        DateTimeOffset? shippedAt = null;
        if (!string.IsNullOrWhiteSpace(row.ShippedAt))
        {
            if (!RakurakuTime.TryParse(row.ShippedAt, out var shipped)) return (null, $"発送日時(shipped_at)を読み取れません: '{row.ShippedAt}'");
            shippedAt = shipped;
        }
        if (row.Total is not { } total) return (null, "合計金額(total)がありません");
        if (row.Customer?.CustomerId is not { } customerNo) return (null, "顧客ID(customer.customer_id)がありません");

        var customerId = customerNo.ToString(CultureInfo.InvariantCulture);
        var c = row.Customer;
        DateOnly? birthday = RakurakuTime.TryParseDate(c.Birthday, out var birth) ? birth : null;
        var customer = new CartCustomerRecord(customerId, customerId, Trimmed(c.Name), Trimmed(c.Tel), Trimmed(c.Mail), null, birthday, updatedAt);

        var lines = new List<CartOrderItemRecord>();
        foreach (var item in row.Items ?? [])
        {
            if (Trimmed(item?.ProductCode) is not { } code) return (null, "商品コード(product_code)のない明細があります");
            lines.Add(new CartOrderItemRecord(code, item!.ProductName?.Trim() ?? "", Trimmed(item.CourseName), item.Quantity ?? 1, item.Price ?? 0));
        }

        string? subscriptionId = null;
        int? times = null;
        ContinuationStatus? status = null;
        if (row.Regular is { RegularId: { } regularId } regular)
        {
            subscriptionId = regularId.ToString(CultureInfo.InvariantCulture);
            times = regular.Times;
            status = ContinuationStatusMap.Map(CartKind.RakurakuRepeat, regular.Status);
        }

        var cancelled = string.Equals(Trimmed(row.OrderStatus), CancelledStatus, StringComparison.Ordinal);
        return (new CartOrderRecord(orderId.ToString(CultureInfo.InvariantCulture), customerId, Trimmed(row.OrderNumber), orderedAt, total,
            shippedAt, subscriptionId, times, lines, updatedAt, customer, status, Cancelled: cancelled), null);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
