using System.Globalization;
using System.Text.Json;
using Ecai.Domain.Carts;

namespace Ecai.Integrations.Carts.Shopify.Sandbox;

/// <summary>Writes sandbox rows in the REST Admin API's JSON shape (snake_case, ISO 8601 with the shop's +09:00 offset).</summary>
internal static class ShopifySandboxWriter
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    public static void WriteCustomer(Utf8JsonWriter w, CustomerRow c)
    {
        w.WriteStartObject();
        WriteCustomerFields(w, c);
        w.WriteString("state", "enabled");
        w.WriteString("currency", "JPY");
        w.WriteStartObject("default_address");
        w.WriteNumber("id", c.Id * 3);
        w.WriteNumber("customer_id", c.Id);
        w.WriteString("first_name", c.FirstName);
        w.WriteString("last_name", c.LastName);
        w.WriteString("phone", c.Phone);
        w.WriteString("country_code", "JP");
        w.WriteBoolean("default", true);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteOrder(Utf8JsonWriter w, OrderRow o, CustomerRow? customer, int malformation, string shopDomain, string currency = Currencies.Yen)
    {
        w.WriteStartObject();
        w.WriteNumber("id", o.Id);
        w.WriteString("admin_graphql_api_id", $"gid://shopify/Order/{o.Id}");
        w.WriteString("name", $"#{o.Number}");
        w.WriteNumber("order_number", o.Number);
        w.WriteString("email", o.Email);
        w.WriteString("created_at", malformation == 1 ? "2025-13-45T99:00:00+09:00" : Time(o.CreatedAt));
        w.WriteString("updated_at", Time(o.UpdatedAt));
        w.WriteString("processed_at", Time(o.CreatedAt));
        w.WriteString("cancelled_at", o.CancelledAt is { } c ? Time(c) : null);
        w.WriteString("cancel_reason", o.CancelledAt is null ? null : "customer");
        w.WriteString("financial_status", o.FinancialStatus);
        w.WriteString("fulfillment_status", o.Fulfillments.Length > 0 ? "fulfilled" : null);
        w.WriteString("currency", currency);
        w.WriteString("presentment_currency", currency);
        w.WriteString("total_price", Money(o.Total, currency));
        w.WriteString("subtotal_price", Money(o.Total - o.Shipping, currency));
        w.WriteString("current_total_price", Money(Math.Max(0, o.Total - o.Refunded), currency));
        w.WriteString("tags", o.Tags);
        w.WriteStartArray("note_attributes");
        if (o.DeliveryDate is { } day)
        {
            w.WriteStartObject();
            w.WriteString("name", "配送希望日");
            w.WriteString("value", day.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        if (o.DeliveryTime is { } slot)
        {
            w.WriteStartObject();
            w.WriteString("name", "配送時間帯");
            w.WriteString("value", slot);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("order_status_url", $"https://{shopDomain}/orders/{o.Id:x}/authenticate");
        if (malformation == 2 || customer is null) w.WriteNull("customer");
        else
        {
            w.WriteStartObject("customer");
            WriteCustomerFields(w, customer);
            w.WriteEndObject();
        }
        WriteLines(w, o.Lines, currency);
        w.WriteStartArray("fulfillments");
        foreach (var f in o.Fulfillments)
        {
            w.WriteStartObject();
            w.WriteNumber("id", f.Id);
            w.WriteNumber("order_id", o.Id);
            w.WriteString("status", f.Status);
            w.WriteString("created_at", Time(f.CreatedAt));
            w.WriteString("tracking_company", f.TrackingCompany);
            w.WriteString("tracking_number", f.TrackingNumber);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("refunds");
        foreach (var r in o.Refunds ?? [])
        {
            w.WriteStartObject();
            w.WriteNumber("id", r.Id);
            w.WriteNumber("order_id", o.Id);
            w.WriteString("created_at", Time(r.CreatedAt));
            w.WriteStartArray("transactions");
            w.WriteStartObject();
            w.WriteNumber("id", r.Id * 7);
            w.WriteNumber("order_id", o.Id);
            w.WriteString("kind", "refund");
            w.WriteString("gateway", "shopify_payments");
            w.WriteString("status", r.Status);
            w.WriteString("amount", Money(r.Amount, currency));
            w.WriteString("currency", currency);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartArray("refund_line_items");
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteCheckout(Utf8JsonWriter w, CheckoutRow c, CustomerRow? customer, string shopDomain, string currency = Currencies.Yen)
    {
        w.WriteStartObject();
        w.WriteNumber("id", c.Id);
        w.WriteString("token", c.Token);
        w.WriteString("cart_token", c.Token[..16]);
        w.WriteString("email", c.Email);
        w.WriteNull("phone"); // [I] usually empty at the top level; customer.phone holds it [C]
        w.WriteString("abandoned_checkout_url", $"https://{shopDomain}/70000001/checkouts/ac/{c.Token}/recover?key={c.RecoveryKey}");
        w.WriteString("currency", currency);
        w.WriteString("total_price", Money(c.Total, currency));
        w.WriteString("subtotal_price", Money(c.Total, currency));
        w.WriteString("created_at", Time(c.CreatedAt));
        w.WriteString("updated_at", Time(c.UpdatedAt));
        w.WriteString("completed_at", c.CompletedAt is { } done ? Time(done) : null);
        w.WriteNull("closed_at");
        if (customer is null) w.WriteNull("customer");
        else
        {
            w.WriteStartObject("customer");
            WriteCustomerFields(w, customer);
            w.WriteEndObject();
        }
        WriteLines(w, c.Lines, currency);
        w.WriteEndObject();
    }

    private static void WriteCustomerFields(Utf8JsonWriter w, CustomerRow c)
    {
        w.WriteNumber("id", c.Id);
        w.WriteString("email", c.Email);
        w.WriteString("first_name", c.FirstName);
        w.WriteString("last_name", c.LastName);
        w.WriteString("phone", c.Phone);
        w.WriteString("created_at", Time(c.CreatedAt));
        w.WriteString("updated_at", Time(c.UpdatedAt));
        w.WriteString("tags", "");
    }

    private static void WriteLines(Utf8JsonWriter w, LineRow[] lines, string currency)
    {
        w.WriteStartArray("line_items");
        foreach (var line in lines)
        {
            w.WriteStartObject();
            w.WriteNumber("id", line.Id);
            if (line.Product.IsCustom)
            {
                // A custom line item: no product, variant or SKU [C].
                w.WriteNull("product_id");
                w.WriteNull("variant_id");
                w.WriteNull("sku");
            }
            else
            {
                w.WriteNumber("product_id", line.Product.ProductId);
                w.WriteNumber("variant_id", line.Product.ProductId + 1_000_000);
                w.WriteString("sku", line.Product.Sku);
            }
            w.WriteString("title", line.Product.Title);
            w.WriteNull("variant_title");
            w.WriteNumber("quantity", line.Quantity);
            w.WriteString("price", Money(line.Product.Price, currency));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>
    /// Minor units as Shopify's decimal strings [C]: yen as "3980.00", others with their currency's decimals ("57.48").
    /// </summary>
    private static string Money(long minor, string currency) =>
        Currencies.MinorDigits(currency) == 0
            ? minor.ToString(CultureInfo.InvariantCulture) + ".00"
            : Currencies.ToMajor(minor, currency).ToString("F" + Currencies.MinorDigits(currency), CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset t) => t.ToOffset(Jst).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
