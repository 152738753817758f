using System.Globalization;
using System.Text.Json;

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

    public static void WriteOrder(Utf8JsonWriter w, OrderRow o, CustomerRow? customer, int malformation, string shopDomain)
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
        w.WriteString("currency", "JPY");
        w.WriteString("total_price", Money(o.Total));
        w.WriteString("subtotal_price", Money(o.Total - o.Shipping));
        w.WriteString("tags", o.Tags);
        w.WriteString("order_status_url", $"https://{shopDomain}/orders/{o.Id:x}/authenticate");
        if (malformation == 2 || customer is null) w.WriteNull("customer");
        else
        {
            w.WriteStartObject("customer");
            WriteCustomerFields(w, customer);
            w.WriteEndObject();
        }
        WriteLines(w, o.Lines);
        w.WriteStartArray("fulfillments");
        foreach (var f in o.Fulfillments)
        {
            w.WriteStartObject();
            w.WriteNumber("id", f.Id);
            w.WriteNumber("order_id", o.Id);
            w.WriteString("status", "success");
            w.WriteString("created_at", Time(f.CreatedAt));
            w.WriteString("tracking_company", f.TrackingCompany);
            w.WriteString("tracking_number", f.TrackingNumber);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteCheckout(Utf8JsonWriter w, CheckoutRow c, CustomerRow? customer, string shopDomain)
    {
        w.WriteStartObject();
        w.WriteNumber("id", c.Id);
        w.WriteString("token", c.Token);
        w.WriteString("cart_token", c.Token[..16]);
        w.WriteString("email", c.Email);
        w.WriteNull("phone"); // [I] usually empty at the top level; customer.phone holds it [C]
        w.WriteString("abandoned_checkout_url", $"https://{shopDomain}/70000001/checkouts/ac/{c.Token}/recover?key={c.RecoveryKey}");
        w.WriteString("currency", "JPY");
        w.WriteString("total_price", Money(c.Total));
        w.WriteString("subtotal_price", Money(c.Total));
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
        WriteLines(w, c.Lines);
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

    private static void WriteLines(Utf8JsonWriter w, LineRow[] lines)
    {
        w.WriteStartArray("line_items");
        foreach (var line in lines)
        {
            w.WriteStartObject();
            w.WriteNumber("id", line.Id);
            w.WriteNumber("product_id", line.Product.ProductId);
            w.WriteNumber("variant_id", line.Product.ProductId + 1_000_000);
            w.WriteString("sku", line.Product.Sku);
            w.WriteString("title", line.Product.Title);
            w.WriteNull("variant_title");
            w.WriteNumber("quantity", line.Quantity);
            w.WriteString("price", Money(line.Product.Price));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>Yen amounts as decimal strings, e.g. "3980.00" [C].</summary>
    private static string Money(long yen) => yen.ToString(CultureInfo.InvariantCulture) + ".00";

    private static string Time(DateTimeOffset t) => t.ToOffset(Jst).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
