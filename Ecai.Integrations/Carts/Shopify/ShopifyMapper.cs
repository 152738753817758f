using System.Globalization;
using System.Text;
using Ecai.Domain.Carts;

namespace Ecai.Integrations.Carts.Shopify;

/// <summary>One mapped page: the records, the rows we could not read, and the newest updated_at seen.</summary>
internal sealed record ShopifyMappedPage<T>(List<T> Items, List<SkippedRecord> Skipped, int RowCount, DateTimeOffset? MaxUpdatedAt);

/// <summary>
/// Pure functions from Shopify DTOs to ECAI's cart records. A row that cannot be read becomes a
/// <see cref="SkippedRecord"/>; nothing here throws for bad data.
/// <para>
/// Orders: imported as purchases when financial_status is authorized or paid [C] (ECAI's own rule), or
/// partially_refunded (with the amount that was not refunded). A cancelled order (cancelled_at set), a refunded
/// or voided one, and one refunded down to nothing are imported as Cancelled, so an order imported while paid and
/// cancelled or refunded later is corrected on the next update and never counts as a purchase. Other orders
/// (pending, partially_paid, …) are not imported and counted nowhere. Amounts are minor units of the order's
/// currency (<see cref="Currencies"/>), never rounded.
/// </para>
/// </summary>
internal static partial class ShopifyMapper
{
    // [I] modelled: the subscription app (定期購買) writes its state as order tags once its tag setting
    // is on, e.g. "定期購買, 定期購買回数:3, 定期購買ステータス:アクティブ, 定期購買ID:123".
    public const string SubscriptionTag = "定期購買";
    public const string TimesTagPrefix = "定期購買回数:";
    public const string StatusTagPrefix = "定期購買ステータス:";
    public const string IdTagPrefix = "定期購買ID:";

    public static ShopifyMappedPage<CartCustomerRecord> MapCustomers(CustomerList list) =>
        MapPage(list.Customers, c => c.Id, c => c.UpdatedAt, MapCustomer);

    public static ShopifyMappedPage<CartOrderRecord> MapOrders(OrderList list, DateTimeOffset? tagsSince) =>
        MapPage(list.Orders, o => o.Id, o => o.UpdatedAt, o => MapOrder(o, tagsSince, withCustomer: false));

    public static ShopifyMappedPage<CartCheckoutRecord> MapCheckouts(CheckoutList list) =>
        MapPage(list.Checkouts, c => c.Id, c => c.UpdatedAt, MapCheckout);

    internal static Mapped<CartCustomerRecord> MapCustomer(ShopifyCustomer c)
    {
        if (c.Id is not { } id) return "顧客ID(id)がありません";
        if (ParseTime(c.UpdatedAt) is not { } updatedAt) return $"更新日時(updated_at)を読み取れません: '{c.UpdatedAt}'";
        // Japanese order: family name first.
        var name = Trimmed(string.Join(' ', new[] { c.LastName, c.FirstName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim())));
        return new CartCustomerRecord(id.ToString(CultureInfo.InvariantCulture), null, name,
            Trimmed(c.Phone) ?? Trimmed(c.DefaultAddress?.Phone), Trimmed(c.Email), null, null, updatedAt);
    }

    /// <summary>
    /// An order, or null when Shopify's financial status keeps it out of ECAI (not an error).
    /// <paramref name="withCustomer"/>: carry the buyer (webhooks, where no customer list is pulled first).
    /// </summary>
    internal static Mapped<CartOrderRecord> MapOrder(ShopifyOrder o, DateTimeOffset? tagsSince, bool withCustomer)
    {
        if (o.Id is not { } id) return "受注ID(id)がありません";
        if (ParseTime(o.UpdatedAt) is not { } updatedAt) return $"更新日時(updated_at)を読み取れません: '{o.UpdatedAt}'";
        var status = o.FinancialStatus?.Trim().ToLowerInvariant();
        var cancelled = !string.IsNullOrWhiteSpace(o.CancelledAt) || status is "refunded" or "voided";
        if (!cancelled && !IsImportedStatus(status)) return Mapped<CartOrderRecord>.NotImported;
        if (ParseTime(o.CreatedAt) is not { } createdAt) return $"注文日時(created_at)を読み取れません: '{o.CreatedAt}'";
        if (o.Customer?.Id is not { } customerId) return "顧客(customer)のない受注です";
        var currency = Currencies.Normalize(o.Currency) ?? Currencies.Yen;
        if (Currencies.ToMinor(o.TotalPrice, currency) is not { } total) return $"合計金額(total_price)を読み取れません({currency}): '{o.TotalPrice}'";
        if (RefundedAmount(o.Refunds, currency) is not { } refunded) return $"返金額(refunds.transactions.amount)を読み取れません({currency})";
        var amount = total - refunded;
        // Refunded down to nothing: no longer a purchase, whatever financial_status says.
        if (refunded > 0 && amount <= 0) cancelled = true;

        var items = new List<CartOrderItemRecord>();
        foreach (var line in o.LineItems ?? [])
        {
            // A custom line (tip, custom item, gift wrap) has neither SKU nor product [C]: kept by its title, with no code.
            var code = Trimmed(line.Sku) ?? line.ProductId?.ToString(CultureInfo.InvariantCulture) ?? "";
            if (Currencies.ToMinor(line.Price ?? "0", currency) is not { } price) return $"明細の単価(price)を読み取れません({currency}): '{line.Price}'";
            items.Add(new CartOrderItemRecord(code, line.Title?.Trim() ?? "", null, line.Quantity ?? 1, price));
        }

        var shipments = (o.Fulfillments ?? []).Where(f => IsShipment(f.Status)).Select(f => (At: ParseTime(f.CreatedAt), f.TrackingCompany))
            .Where(f => f.At is not null).OrderBy(f => f.At).ToList();
        var subscription = tagsSince is { } since && createdAt >= since ? ReadSubscriptionTags(o.Tags) : default;
        var (deliveryDate, deliveryTime) = ReadRequestedDelivery(o.NoteAttributes);
        CartCustomerRecord? buyer = null;
        if (withCustomer)
        {
            var customer = o.Customer with { Email = o.Customer.Email ?? o.Email, UpdatedAt = o.Customer.UpdatedAt ?? o.UpdatedAt };
            buyer = MapCustomer(customer).Record;
        }

        return new CartOrderRecord(id.ToString(CultureInfo.InvariantCulture), customerId.ToString(CultureInfo.InvariantCulture),
            Trimmed(o.Name), createdAt, amount, shipments.FirstOrDefault().At,
            subscription.Id, subscription.Times, items, updatedAt,
            Customer: buyer, SubscriptionStatus: subscription.Status,
            DeliveryMethod: shipments.Select(f => DeliveryMethod(f.TrackingCompany)).FirstOrDefault(m => m is not null),
            Cancelled: cancelled, DeliveryDate: deliveryDate, DeliveryTime: deliveryTime, Currency: currency);
    }

    /// <summary>
    /// A fulfilment that shipped: not failure, cancelled or error, nor the deprecated open / pending (not shipped yet) [C].
    /// No status (older payloads) counts as shipped.
    /// </summary>
    internal static bool IsShipment(string? status) =>
        status?.Trim().ToLowerInvariant() is not ("failure" or "cancelled" or "canceled" or "error" or "open" or "pending");

    /// <summary>
    /// Money given back: the successful refund transactions [C] in the order's currency (a transaction in another
    /// currency is the buyer's presentment money, not the shop's). Null when one cannot be read.
    /// </summary>
    private static long? RefundedAmount(List<ShopifyRefund>? refunds, string currency)
    {
        long sum = 0;
        foreach (var t in (refunds ?? []).SelectMany(r => r.Transactions ?? []))
        {
            if (t.Kind?.Trim().ToLowerInvariant() != "refund" || t.Status?.Trim().ToLowerInvariant() != "success") continue;
            if (Currencies.Normalize(t.Currency) is { } other && other != currency) continue;
            if (Currencies.ToMinor(t.Amount, currency) is not { } amount) return null;
            sum += amount;
        }
        return sum;
    }

    // The buyer's requested delivery, as Japanese delivery-date apps write it into the order's note_attributes
    // ("追加の詳細"): e.g. 配送希望日 / 配送時間帯 (配送日時指定.amp, as LOGILESS maps them), delivery_date / delivery_time
    // (theme snippets), Delivery-Date / Delivery-Time (Zapiet). Names compare after NFKC, lower case, without
    // spaces, "-" and "_". The first readable date wins; a date that is not one is ignored, not an error.
    private static readonly HashSet<string> DeliveryDateNames =
        ["配送希望日", "お届け希望日", "配送日", "お届け日", "配達希望日", "配送指定日", "お届け指定日", "お届け予定日", "deliverydate", "requesteddeliverydate"];
    private static readonly HashSet<string> DeliveryTimeNames =
        ["配送時間帯", "配送希望時間", "配送希望時間帯", "配送時間", "お届け時間帯", "お届け希望時間帯", "お届け希望時間", "お届け時間", "配達時間帯", "配達希望時間帯", "deliverytime"];
    private static readonly HashSet<string> NotSpecified = ["指定なし", "希望なし", "指定しない", "なし", "none", "-"];

    internal static (DateOnly? Date, string? Time) ReadRequestedDelivery(List<ShopifyNoteAttribute>? attributes)
    {
        DateOnly? date = null;
        string? time = null;
        foreach (var a in attributes ?? [])
        {
            var name = AttributeName(a.Name);
            var value = a.Value is { ValueKind: System.Text.Json.JsonValueKind.String } v ? Trimmed(v.GetString()) : null;
            if (value is null || NotSpecified.Contains(value.Normalize(NormalizationForm.FormKC).ToLowerInvariant())) continue;
            if (date is null && DeliveryDateNames.Contains(name)) date = ReadDate(value);
            else if (time is null && DeliveryTimeNames.Contains(name)) time = value;
        }
        return (date, time);
    }

    private static string AttributeName(string? name) =>
        new((name ?? "").Normalize(NormalizationForm.FormKC).ToLowerInvariant().Where(c => c is not (' ' or '-' or '_')).ToArray());

    /// <summary>"2025-07-10", "2025/07/10(木)", "2025年7月10日", full-width digits too; else null.</summary>
    private static DateOnly? ReadDate(string text)
    {
        var match = DateText().Match(text.Normalize(NormalizationForm.FormKC));
        return match.Success
               && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var y) && int.TryParse(match.Groups[2].Value, CultureInfo.InvariantCulture, out var m)
               && int.TryParse(match.Groups[3].Value, CultureInfo.InvariantCulture, out var d)
               && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d) : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")]
    private static partial System.Text.RegularExpressions.Regex DateText();

    internal static Mapped<CartCheckoutRecord> MapCheckout(ShopifyCheckout c)
    {
        var token = Trimmed(c.Token);
        if (token is null) return "カゴ落ちのトークン(token)がありません";
        if (ParseTime(c.UpdatedAt) is not { } updatedAt) return $"更新日時(updated_at)を読み取れません: '{c.UpdatedAt}'";
        if (ParseTime(c.CreatedAt) is not { } createdAt) return $"作成日時(created_at)を読み取れません: '{c.CreatedAt}'";
        var completedAt = ParseTime(c.CompletedAt);
        if (!string.IsNullOrWhiteSpace(c.CompletedAt) && completedAt is null) return $"完了日時(completed_at)を読み取れません: '{c.CompletedAt}'";
        // Minor units of the checkout's currency, as orders; a price that cannot be read exactly skips the checkout.
        var currency = Currencies.Normalize(c.Currency) ?? Currencies.Yen;
        if (Currencies.ToMinor(c.TotalPrice ?? "0", currency) is not { } amount) return $"合計金額(total_price)を読み取れません({currency}): '{c.TotalPrice}'";
        var items = new List<CartOrderItemRecord>();
        foreach (var l in c.LineItems ?? [])
        {
            if (Currencies.ToMinor(l.Price ?? "0", currency) is not { } price) return $"明細の単価(price)を読み取れません({currency}): '{l.Price}'";
            items.Add(new CartOrderItemRecord(Trimmed(l.Sku) ?? l.ProductId?.ToString(CultureInfo.InvariantCulture) ?? "", l.Title?.Trim() ?? "", null,
                l.Quantity ?? 1, price));
        }
        return new CartCheckoutRecord(token, c.Customer?.Id?.ToString(CultureInfo.InvariantCulture),
            Trimmed(c.Email) ?? Trimmed(c.Customer?.Email), Trimmed(c.Phone) ?? Trimmed(c.Customer?.Phone),
            Trimmed(c.AbandonedCheckoutUrl), amount, items, createdAt, updatedAt, completedAt);
    }

    /// <summary>
    /// financial_status values ECAI imports as purchases: authorized and paid [C] (ECAI's rule), and partially_refunded,
    /// which counts with what was not refunded.
    /// </summary>
    internal static bool IsImportedStatus(string? financialStatus) =>
        financialStatus?.Trim().ToLowerInvariant() is "authorized" or "paid" or "partially_refunded";

    /// <summary>
    /// The subscription app's tags on one order [I]: id, purchase count and status word (mapped with the
    /// Shopify row of <see cref="ContinuationStatusMap"/>). All null when the order carries none.
    /// </summary>
    internal static (string? Id, int? Times, ContinuationStatus? Status) ReadSubscriptionTags(string? tags)
    {
        string? id = null;
        int? times = null;
        ContinuationStatus? status = null;
        foreach (var raw in (tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tag = raw.Normalize(NormalizationForm.FormKC); // full-width "：" and digits fold to ASCII
            if (tag.StartsWith(IdTagPrefix, StringComparison.Ordinal)) id = Trimmed(tag[IdTagPrefix.Length..]);
            else if (tag.StartsWith(TimesTagPrefix, StringComparison.Ordinal)
                     && int.TryParse(tag[TimesTagPrefix.Length..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) times = n;
            else if (tag.StartsWith(StatusTagPrefix, StringComparison.Ordinal)) status = ContinuationStatusMap.Map(CartKind.Shopify, tag[StatusTagPrefix.Length..]);
        }
        return id is null ? default : (id, times, status);
    }

    /// <summary>
    /// The carrier's Japanese name for the three carriers ECAI shows (product rule), else null.
    /// Shopify's names for them, e.g. "Yamato (JA)", "Sagawa (JA)", "Japan Post (JA)" [C3]; Japanese spellings accepted [I].
    /// </summary>
    internal static string? DeliveryMethod(string? trackingCompany)
    {
        var company = trackingCompany?.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(company)) return null;
        if (company.Contains("yamato") || company.Contains("ヤマト") || company.Contains("クロネコ")) return "ヤマト運輸";
        if (company.Contains("sagawa") || company.Contains("佐川")) return "佐川急便";
        if (company.Contains("japan post") || company.Contains("日本郵便") || company.Contains("ゆうパック") || company.Contains("yu-pack")) return "日本郵便";
        return null;
    }

    internal static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var t)
            ? t.ToUniversalTime() : null;

    /// <summary>A record, the reason it was skipped, or neither (not imported by rule).</summary>
    internal readonly record struct Mapped<T>(T? Record, string? SkipReason) where T : class
    {
        public static Mapped<T> NotImported => default;
        public static implicit operator Mapped<T>(T record) => new(record, null);
        public static implicit operator Mapped<T>(string reason) => new(null, reason);
    }

    private static ShopifyMappedPage<TRecord> MapPage<TRow, TRecord>(List<TRow>? rows, Func<TRow, long?> id,
        Func<TRow, string?> updatedAt, Func<TRow, Mapped<TRecord>> map) where TRecord : class
    {
        rows ??= [];
        var records = new List<TRecord>(rows.Count);
        var skipped = new List<SkippedRecord>();
        DateTimeOffset? max = null;
        foreach (var row in rows)
        {
            // Every readable updated_at moves the cursor, even for a row not imported: it has been seen.
            if (ParseTime(updatedAt(row)) is { } seen && (max is null || seen > max)) max = seen;
            var mapped = map(row);
            if (mapped.Record is { } record) records.Add(record);
            else if (mapped.SkipReason is { } reason) skipped.Add(new SkippedRecord(id(row)?.ToString(CultureInfo.InvariantCulture), reason));
        }
        return new ShopifyMappedPage<TRecord>(records, skipped, rows.Count, max);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
