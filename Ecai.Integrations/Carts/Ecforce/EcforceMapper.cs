using Ecai.Domain.Carts;
using Ecai.Domain.Linking;

namespace Ecai.Integrations.Carts.Ecforce;

/// <summary>One mapped page: the records, the rows we could not read, and the newest updated_at seen.</summary>
internal sealed record EcforceMappedPage<T>(List<T> Items, List<SkippedRecord> Skipped, int RowCount, DateTimeOffset? MaxUpdatedAt);

/// <summary>
/// Pure functions from ecforce DTOs to ECAI's cart records. A row that cannot be read becomes a
/// <see cref="SkippedRecord"/> with a reason an operator can act on; nothing here throws for bad data.
/// Rule of thumb: a missing or unreadable id, updated_at, customer or order date skips the row (the reason says which);
/// a present but unreadable shipping date skips it too (follow-up messages depend on it);
/// a bad birthday only drops the birthday.
/// </summary>
internal static class EcforceMapper
{
    public static EcforceMappedPage<CartCustomerRecord> MapCustomers(CustomerListDocument document)
    {
        var addresses = IndexIncluded(document.Included, "address");
        return MapPage(document.Data, r => r.Id, r => r.Attributes?.UpdatedAt.Utc, r => MapCustomer(r, addresses));
    }

    public static EcforceMappedPage<CartOrderRecord> MapOrders(OrderListDocument document)
    {
        var items = IndexIncluded(document.Included, "order_item");
        return MapPage(document.Data, r => r.Id, r => r.Attributes?.UpdatedAt.Utc, r => MapOrder(r, items));
    }

    public static EcforceMappedPage<CartSubscriptionRecord> MapSubscriptions(SubOrderListDocument document)
    {
        var included = document.Included ?? [];
        var items = IndexIncluded(included, "order_item").ToDictionary(x => x.Key, x => (OrderItemAttributes)x.Value, StringComparer.Ordinal);
        // Included customers (include=customer): customer_number → the customer's id.
        var customersByNumber = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in included)
        {
            if (c.Type == "customer" && Trimmed(c.Id) is { } id && Trimmed(c.Attributes?.Number) is { } number) customersByNumber[number] = id;
        }
        return MapPage(document.Data, r => r.Id, r => r.Attributes?.UpdatedAt.Utc, r => MapSubscription(r, items, customersByNumber));
    }

    internal static Mapped<CartCustomerRecord> MapCustomer(CustomerResource row, IReadOnlyDictionary<string, AddressAttributes> addresses)
    {
        var a = row.Attributes;
        if (Blank(row.Id)) return "顧客IDがありません";
        if (a is null) return "顧客の属性(attributes)がありません";
        if (a.UpdatedAt.Utc is not { } updatedAt) return UpdatedAtReason(a.UpdatedAt);

        // The phone lives only on the billing address, split in three [C3].
        var addressId = row.Relationships?.BillingAddress?.FirstId;
        var address = addressId is not null ? addresses.GetValueOrDefault(addressId) : null;
        var phone = PhoneNormalizer.JoinParts(address?.Tel01, address?.Tel02, address?.Tel03) ?? Trimmed(address?.FullTel);
        var name = Trimmed(address?.FullName) ?? Trimmed(string.Join(' ', new[] { address?.Name01, address?.Name02 }.Where(n => !Blank(n))));
        DateOnly? birthday = EcforceTime.TryParseDate(a.Birth, out var birth) ? birth : null;

        return new CartCustomerRecord(row.Id!, Trimmed(a.Number), name, phone, Trimmed(a.Email), Trimmed(a.LineId), birthday, updatedAt);
    }

    internal static Mapped<CartOrderRecord> MapOrder(OrderResource row, IReadOnlyDictionary<string, OrderItemAttributes> items)
    {
        var a = row.Attributes;
        if (Blank(row.Id)) return "受注IDがありません";
        if (a is null) return "受注の属性(attributes)がありません";
        if (a.UpdatedAt.Utc is not { } updatedAt) return UpdatedAtReason(a.UpdatedAt);

        var customerId = a.CustomerId?.ToString() ?? Trimmed(row.Relationships?.Customer?.FirstId);
        if (customerId is null) return "顧客ID(customer_id)がありません";

        // 注文日時: completed_at (注文確定) when present, else created_at.
        var ordered = a.CompletedAt.IsBlank ? a.CreatedAt : a.CompletedAt;
        if (ordered.Utc is not { } orderedAt)
            return ordered.IsBlank ? "注文日時(completed_at/created_at)がありません" : $"注文日時(completed_at/created_at)を読み取れません: '{ordered.Text}'";
        if (a.ShippedAt.IsUnreadable) return $"発送日(shipped_at)を読み取れません: '{a.ShippedAt.Text}'";
        if (a.Total is not { } total) return "合計金額(total)がありません";

        var lines = new List<CartOrderItemRecord>();
        foreach (var item in LinkedItems(row.Relationships?.OrderItems, items))
        {
            var code = Trimmed(item.ProductNumber) ?? Trimmed(item.VariantSku);
            if (code is null) return "商品コード(product_number)のない明細があります";
            lines.Add(new CartOrderItemRecord(code, item.ProductName?.Trim() ?? "", Trimmed(item.CourseName), item.Quantity ?? 1, item.Price ?? 0));
        }

        return new CartOrderRecord(row.Id!, customerId, Trimmed(a.Number), orderedAt, total, a.ShippedAt.Utc,
            a.SubsOrderId?.ToString(), a.Times, lines, updatedAt, Cancelled: IsCancelled(a));
    }

    /// <summary>
    /// A cancelled order (kept, but no purchase): its state is canceled (キャンセル), or its payment was voided (取消済み).
    /// Both spellings of the state and the Japanese labels are accepted; every other state is a purchase.
    /// </summary>
    internal static bool IsCancelled(OrderAttributes a) =>
        Trimmed(a.State)?.ToLowerInvariant() is "canceled" or "cancelled" or "cancel"
        || Trimmed(a.HumanState) is "キャンセル" or "キャンセル済み"
        || Trimmed(a.PaymentState)?.ToLowerInvariant() is "voided" or "void"
        || Trimmed(a.PaymentHumanState) is "取消済み" or "取消済";

    internal static Mapped<CartSubscriptionRecord> MapSubscription(SubOrderResource row, IReadOnlyDictionary<string, OrderItemAttributes> items,
        IReadOnlyDictionary<string, string> customersByNumber)
    {
        var a = row.Attributes;
        if (Blank(row.Id)) return "定期受注IDがありません";
        if (a is null) return "定期受注の属性(attributes)がありません";
        if (a.UpdatedAt.Utc is not { } updatedAt) return UpdatedAtReason(a.UpdatedAt);

        // The customer by whichever key the row carries: customer_id, the relationship, or customer_number (what ecforce's
        // own list rows carry [C3]), looked up among the customers the response included.
        var number = Trimmed(a.CustomerNumber);
        var customerId = a.CustomerId?.ToString() ?? Trimmed(row.Relationships?.Customer?.FirstId)
            ?? (number is not null ? customersByNumber.GetValueOrDefault(number) : null);
        if (customerId is null)
            return number is null
                ? "顧客を特定できません: customer_id・customer_number・relationships.customer のいずれもありません"
                : $"顧客番号(customer_number) '{number}' の顧客が見つかりません(customer_id・relationships.customer もありません)";

        if (a.ScheduledToBeShippedAt.IsUnreadable)
            return $"次回発送予定日(scheduled_to_be_shipped_at)を読み取れません: '{a.ScheduledToBeShippedAt.Text}'";

        // The subscribed product: the first line of the subscription [I].
        var product = LinkedItems(row.Relationships?.OrderItems, items).FirstOrDefault();
        var state = Trimmed(a.State);
        return new CartSubscriptionRecord(row.Id!, customerId, ContinuationStatusMap.Map(CartKind.Ecforce, state), state,
            Trimmed(product?.ProductNumber) ?? Trimmed(product?.VariantSku), Trimmed(product?.CourseName), a.ScheduledToBeShippedAt.Utc, updatedAt);
    }

    /// <summary>A row without updated_at is said to lack it; one with an unreadable value quotes it.</summary>
    private static string UpdatedAtReason(EcforceTimestamp updatedAt) =>
        updatedAt.IsBlank ? "更新日時(updated_at)がありません" : $"更新日時(updated_at)を読み取れません: '{updatedAt.Text}'";

    /// <summary>Either a record or the reason it was skipped (an implicit conversion from string).</summary>
    internal readonly record struct Mapped<T>(T? Record, string? SkipReason) where T : class
    {
        public static implicit operator Mapped<T>(T record) => new(record, null);
        public static implicit operator Mapped<T>(string reason) => new(null, reason);
    }

    private static EcforceMappedPage<TRecord> MapPage<TRow, TRecord>(List<TRow>? rows, Func<TRow, string?> id,
        Func<TRow, DateTimeOffset?> updatedAt, Func<TRow, Mapped<TRecord>> map) where TRecord : class
    {
        rows ??= [];
        var records = new List<TRecord>(rows.Count);
        var skipped = new List<SkippedRecord>();
        DateTimeOffset? max = null;
        foreach (var row in rows)
        {
            // Every readable updated_at moves the cursor, even for a skipped row: it has been seen.
            if (updatedAt(row) is { } seen && (max is null || seen > max)) max = seen;
            var mapped = map(row);
            if (mapped.Record is { } record) records.Add(record);
            else skipped.Add(new SkippedRecord(Trimmed(id(row)), mapped.SkipReason!));
        }
        return new EcforceMappedPage<TRecord>(records, skipped, rows.Count, max);
    }

    private static Dictionary<string, TAttributes> IndexIncluded<TAttributes>(List<EcforceResource<TAttributes>>? included, string type)
    {
        var index = new Dictionary<string, TAttributes>(StringComparer.Ordinal);
        foreach (var resource in included ?? [])
        {
            if (resource.Type == type && resource.Id is { } id && resource.Attributes is { } attributes) index[id] = attributes;
        }
        return index;
    }

    private static IEnumerable<OrderItemAttributes> LinkedItems(EcforceRelationship? relationship, IReadOnlyDictionary<string, OrderItemAttributes> items)
    {
        foreach (var id in relationship?.Ids ?? [])
        {
            if (items.TryGetValue(id, out var item)) yield return item;
        }
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    private static string? Trimmed(string? text) => Blank(text) ? null : text!.Trim();
}
