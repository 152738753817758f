using System.Text.Json;

namespace Ecai.Integrations.Carts.Ecforce.Sandbox;

/// <summary>
/// Writes sandbox rows in ecforce's wire shape with a <see cref="Utf8JsonWriter"/>: resource objects
/// with a string <c>id</c>, <c>type</c>, <c>attributes</c> (numeric <c>id</c>, snake_case names,
/// "YYYY/MM/DD HH:MM:SS" JST timestamps, integer yen) and <c>relationships</c>; related objects go
/// to <c>included</c> when asked for.
/// </summary>
internal static class EcforceSandboxWriter
{
    public static void WriteCustomer(Utf8JsonWriter w, CustomerRow c)
    {
        StartResource(w, c.Id, "customer");
        w.WriteString("number", c.Number);
        w.WriteString("state", "member");
        w.WriteString("human_state_name", "会員");
        w.WriteString("email", c.Email);
        WriteDate(w, "birth", c.Birth);
        w.WriteString("line_id", c.LineId);
        WriteTime(w, "line_id_linked_at", c.LineId is null ? null : c.UpdatedAt);
        w.WriteBoolean("optin", c.Id % 3 != 0);
        w.WriteBoolean("blacklist", false);
        WriteTime(w, "created_at", c.CreatedAt);
        WriteTime(w, "updated_at", c.UpdatedAt);
        w.WriteNull("deleted_at");
        w.WriteEndObject();
        w.WriteStartObject("relationships");
        WriteLink(w, "billing_address", c.Id, "address");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteBillingAddress(Utf8JsonWriter w, CustomerRow c)
    {
        StartResource(w, c.Id, "address");
        w.WriteString("name01", c.FamilyName);
        w.WriteString("name02", c.GivenName);
        w.WriteString("full_name", $"{c.FamilyName} {c.GivenName}");
        w.WriteString("zip01", c.Zip[..3]);
        w.WriteString("zip02", c.Zip[4..]);
        w.WriteString("prefecture_name", c.Prefecture);
        w.WriteString("addr01", c.City);
        w.WriteString("addr02", c.Street);
        w.WriteString("tel01", c.Tel01);
        w.WriteString("tel02", c.Tel02);
        w.WriteString("tel03", c.Tel03);
        w.WriteString("full_tel", c.FullTel);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary><paramref name="malformation"/>: 0 none, 1 unreadable order dates, 2 customer id missing.</summary>
    public static void WriteOrder(Utf8JsonWriter w, OrderRow o, int malformation)
    {
        StartResource(w, o.Id, "order");
        w.WriteString("number", o.Number);
        if (malformation == 2) w.WriteNull("customer_id");
        else w.WriteNumber("customer_id", o.CustomerId);
        WriteNumber(w, "subs_order_id", o.SubsOrderId);
        // A cancelled order: state canceled and its payment voided (取消済み) [I: the labels].
        w.WriteString("state", o.Cancelled ? "canceled" : "complete");
        w.WriteString("human_state", o.Cancelled ? "キャンセル" : "注文確定");
        w.WriteString("payment_state", o.Cancelled ? "voided" : "completed");
        if (o.Cancelled) w.WriteString("payment_human_state", "取消済み");
        w.WriteString("kind", o.SubsOrderId is null ? "通常受注" : "定期受注");
        var total = o.Total;
        w.WriteNumber("subtotal", total - o.DeliveryFee);
        w.WriteNumber("deliv_fee", o.DeliveryFee);
        w.WriteNumber("tax", total * 10 / 110);
        w.WriteNumber("total", total);
        w.WriteNumber("payment_total", total);
        WriteNumber(w, "times", o.Times);
        w.WriteString("payment_method_name", "クレジットカード決済");
        w.WriteString("shipping_slip", o.ShippingSlip);
        WriteTime(w, "scheduled_to_be_shipped_at", o.ScheduledToBeShippedAt);
        WriteTime(w, "shipped_at", o.ShippedAt);
        if (malformation == 1)
        {
            w.WriteString("completed_at", "2026/13/45 25:61:00");
            w.WriteString("created_at", "不明");
        }
        else
        {
            WriteTime(w, "completed_at", o.CompletedAt);
            WriteTime(w, "created_at", o.CompletedAt);
        }
        WriteTime(w, "updated_at", o.UpdatedAt);
        w.WriteEndObject();
        w.WriteStartObject("relationships");
        if (malformation == 2) WriteNullLink(w, "customer");
        else WriteLink(w, "customer", o.CustomerId, "customer");
        WriteLinks(w, "order_items", o.Items, "order_item");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// As ecforce lists them [C3]: the customer only as <c>customer_number</c> (no customer_id, no customer relationship);
    /// the customer itself comes in <c>included</c> when asked for with include=customer.
    /// </summary>
    public static void WriteSubOrder(Utf8JsonWriter w, SubOrderRow s, string? customerNumber)
    {
        StartResource(w, s.Id, "sub_order");
        w.WriteString("number", s.Number);
        w.WriteString("customer_number", customerNumber);
        w.WriteNumber("times", s.Times);
        w.WriteNumber("orders_count", s.Times);
        w.WriteString("state", s.State);
        w.WriteString("human_state", s.State switch { "active" => "有効", "suspend" => "停止", _ => "キャンセル" });
        w.WriteString("payment_schedule", "date");
        w.WriteNumber("scheduled_to_be_delivered_every_x_month", s.EveryXMonth);
        WriteTime(w, "scheduled_to_be_shipped_at", s.NextShipAt);
        WriteTime(w, "suspended_at", s.SuspendedAt);
        WriteTime(w, "canceled_at", s.CanceledAt);
        w.WriteString("payment_method_name", "クレジットカード決済");
        WriteTime(w, "created_at", s.CreatedAt);
        WriteTime(w, "updated_at", s.UpdatedAt);
        w.WriteEndObject();
        w.WriteStartObject("relationships");
        WriteLinks(w, "order_items", [s.Item], "order_item");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteOrderItem(Utf8JsonWriter w, ItemRow item)
    {
        StartResource(w, item.Id, "order_item");
        w.WriteString("product_number", item.Product.Code);
        w.WriteString("variant_sku", item.Product.Code + "-01");
        w.WriteString("product_name", item.Product.Name);
        w.WriteString("course_name", item.Product.CourseName);
        w.WriteNumber("list_price", item.Product.Price);
        w.WriteNumber("price", item.Product.Price);
        w.WriteNumber("quantity", item.Quantity);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Opens a resource object and its attributes (which start with the numeric id).</summary>
    private static void StartResource(Utf8JsonWriter w, long id, string type)
    {
        w.WriteStartObject();
        w.WriteString("id", id.ToString());
        w.WriteString("type", type);
        w.WriteStartObject("attributes");
        w.WriteNumber("id", id);
    }

    private static void WriteLink(Utf8JsonWriter w, string name, long id, string type)
    {
        w.WriteStartObject(name);
        w.WriteStartObject("data");
        w.WriteString("id", id.ToString());
        w.WriteString("type", type);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteNullLink(Utf8JsonWriter w, string name)
    {
        w.WriteStartObject(name);
        w.WriteNull("data");
        w.WriteEndObject();
    }

    private static void WriteLinks(Utf8JsonWriter w, string name, IEnumerable<ItemRow> items, string type)
    {
        w.WriteStartObject(name);
        w.WriteStartArray("data");
        foreach (var item in items)
        {
            w.WriteStartObject();
            w.WriteString("id", item.Id.ToString());
            w.WriteString("type", type);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    /// <summary>"YYYY/MM/DD HH:MM:SS" in JST without an offset, formatted without allocating.</summary>
    internal static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is not { } instant)
        {
            w.WriteNull(name);
            return;
        }
        var t = instant.UtcDateTime.AddHours(9); // Japan has no daylight saving time
        Span<byte> s = stackalloc byte[19];
        Digits(s[..4], t.Year);
        s[4] = (byte)'/';
        Digits(s.Slice(5, 2), t.Month);
        s[7] = (byte)'/';
        Digits(s.Slice(8, 2), t.Day);
        s[10] = (byte)' ';
        Digits(s.Slice(11, 2), t.Hour);
        s[13] = (byte)':';
        Digits(s.Slice(14, 2), t.Minute);
        s[16] = (byte)':';
        Digits(s.Slice(17, 2), t.Second);
        w.WriteString(name, s);
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } d) w.WriteString(name, $"{d.Year:D4}/{d.Month:D2}/{d.Day:D2}");
        else w.WriteNull(name);
    }

    private static void Digits(Span<byte> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--, value /= 10) target[i] = (byte)('0' + value % 10);
    }
}
