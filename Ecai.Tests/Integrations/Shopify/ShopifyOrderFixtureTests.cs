using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shopify;

namespace Ecai.Tests.Integrations.Shopify;

/// <summary>
/// Whole orders shaped like the REST Admin API's Order resource (Fixtures/*.json, written from Shopify's public Order,
/// Fulfillment, Refund and Transaction references): fulfilment states, requested delivery, refunds, custom lines, currency.
/// </summary>
public sealed class ShopifyOrderFixtureTests
{
    private static readonly DateTimeOffset TagsOn = new(2025, 6, 1, 0, 0, 0, TimeSpan.FromHours(9));

    internal static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Integrations", "Shopify", "Fixtures", name));

    private static ShopifyMapper.Mapped<CartOrderRecord> Map(string json) =>
        ShopifyMapper.MapOrder(JsonSerializer.Deserialize(json, ShopifyJsonContext.Default.ShopifyOrder)!, TagsOn, withCustomer: false);

    private static CartOrderRecord MapOne(string json)
    {
        var mapped = Map(json);
        Assert.Null(mapped.SkipReason);
        return Assert.IsType<CartOrderRecord>(mapped.Record);
    }

    /// <summary>The fixture with one top-level field replaced.</summary>
    private static string With(string fixture, string field, JsonNode? value)
    {
        var order = JsonNode.Parse(Fixture(fixture))!.AsObject();
        order[field] = value;
        return order.ToJsonString();
    }

    [Fact]
    public void Cancelled_errored_and_failed_fulfilments_are_not_the_shipment_the_first_success_is()
    {
        var order = MapOne(Fixture("order-fulfilments-delivery-date.json"));

        Assert.Equal(new DateTimeOffset(2025, 7, 4, 6, 30, 0, TimeSpan.Zero), order.ShippedAt);
        Assert.Equal("ヤマト運輸", order.DeliveryMethod); // the cancelled Sagawa one does not name the carrier
    }

    [Fact]
    public void An_order_whose_only_fulfilments_failed_is_not_shipped()
    {
        var fulfilments = JsonNode.Parse(Fixture("order-fulfilments-delivery-date.json"))!["fulfillments"]!.AsArray()
            .Where(f => (string?)f!["status"] != "success").Select(f => f!.DeepClone()).ToArray();

        var order = MapOne(With("order-fulfilments-delivery-date.json", "fulfillments", new JsonArray(fulfilments)));

        Assert.Null(order.ShippedAt);
        Assert.Null(order.DeliveryMethod);
    }

    [Fact]
    public void Requested_delivery_date_and_slot_come_from_the_note_attributes()
    {
        var order = MapOne(Fixture("order-fulfilments-delivery-date.json"));

        Assert.Equal(new DateOnly(2025, 7, 10), order.DeliveryDate);
        Assert.Equal("14:00～16:00", order.DeliveryTime);
    }

    [Theory]
    [InlineData("配送希望日", "2025/07/10", "配送時間帯", "午前中", "2025-07-10", "午前中")]
    [InlineData("お届け希望日", "2025年7月10日", "お届け希望時間帯", "19時～21時", "2025-07-10", "19時～21時")]
    [InlineData("配送日", "2025-07-10", "配送時間", "指定なし", "2025-07-10", null)]
    [InlineData("delivery_date", "2025/07/10", "delivery_time", "14:00-16:00", "2025-07-10", "14:00-16:00")]
    [InlineData("Delivery-Date", "2025-07-10", "Delivery-Time", "13:00 - 14:00", "2025-07-10", "13:00 - 14:00")]
    [InlineData("配送希望日", "２０２５/０７/１０(木)", "配送希望時間", " 18:00～20:00 ", "2025-07-10", "18:00～20:00")]
    [InlineData("配送希望日", "指定なし", "配送時間帯", "", null, null)]
    [InlineData("配送希望日", "来週のどこか", "ギフト", "あり", null, null)]
    public void Delivery_date_apps_attribute_names_and_formats_are_read(string dateName, string dateValue, string slotName, string slotValue,
        string? date, string? slot)
    {
        var attributes = new JsonArray(new JsonObject { ["name"] = dateName, ["value"] = dateValue }, new JsonObject { ["name"] = slotName, ["value"] = slotValue });

        var order = MapOne(With("order-fulfilments-delivery-date.json", "note_attributes", attributes));

        Assert.Equal(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), order.DeliveryDate);
        Assert.Equal(slot, order.DeliveryTime);
    }

    [Fact]
    public void An_order_without_note_attributes_has_no_requested_delivery()
    {
        var order = MapOne(With("order-fulfilments-delivery-date.json", "note_attributes", null));

        Assert.Null(order.DeliveryDate);
        Assert.Null(order.DeliveryTime);
    }

    [Fact]
    public void Partially_refunded_order_counts_with_its_remaining_amount_failed_refunds_ignored()
    {
        var order = MapOne(Fixture("order-partially-refunded.json"));

        Assert.False(order.Cancelled);
        Assert.Equal(4400, order.Amount); // 8,800 − the one successful 4,400 refund
        Assert.Equal(new DateTimeOffset(2025, 7, 8, 3, 0, 0, TimeSpan.Zero), order.UpdatedAt);
    }

    [Fact]
    public void Refunded_order_is_imported_as_cancelled_so_an_earlier_import_stops_counting()
    {
        var order = MapOne(Fixture("order-refunded.json"));

        Assert.True(order.Cancelled);
        Assert.Equal("5600000103", order.ExternalId);
    }

    [Fact]
    public void A_partial_refund_that_leaves_nothing_is_a_refunded_order()
    {
        var order = MapOne(With("order-partially-refunded.json", "total_price", "4400"));

        Assert.True(order.Cancelled);
    }

    [Fact]
    public void Cancelled_and_voided_order_is_cancelled_and_keeps_its_requested_delivery()
    {
        var order = MapOne(Fixture("order-cancelled.json"));

        Assert.True(order.Cancelled);
        Assert.Equal((new DateOnly(2025, 7, 5), "午前中"), (order.DeliveryDate, order.DeliveryTime));
    }

    [Fact]
    public void Custom_lines_without_sku_or_product_keep_the_order_and_their_titles()
    {
        var order = MapOne(Fixture("order-custom-lines-usd.json"));

        Assert.Equal(["OIL-CLN-01", "", ""], order.Items.Select(i => i.ProductCode));
        Assert.Equal(["Organic Cleansing Oil 150mL", "Gift wrapping", "Tip"], order.Items.Select(i => i.ProductName));
    }

    [Fact]
    public void Non_yen_amounts_keep_their_decimals_as_minor_units_with_the_currency()
    {
        var order = MapOne(Fixture("order-custom-lines-usd.json"));

        Assert.Equal("USD", order.Currency);
        Assert.Equal(5748, order.Amount); // $57.48 in cents
        Assert.Equal([2499L, 450L, 2300L], order.Items.Select(i => i.Price));
        Assert.Equal("JPY", MapOne(Fixture("order-refunded.json")).Currency);
    }

    [Theory]
    [InlineData("JPY", "3980.5")]
    [InlineData("USD", "57.485")]
    [InlineData("KWD", "1.2345")]
    public void An_amount_finer_than_its_currency_is_skipped_never_rounded(string currency, string total)
    {
        var json = With("order-custom-lines-usd.json", "currency", currency);
        var order = JsonNode.Parse(json)!.AsObject();
        order["total_price"] = total;
        order["line_items"] = new JsonArray();

        var mapped = Map(order.ToJsonString());

        Assert.Null(mapped.Record);
        Assert.Contains("total_price", mapped.SkipReason);
    }

    [Fact]
    public void Yen_amounts_written_with_two_zero_decimals_are_whole_yen()
    {
        var order = MapOne(With("order-fulfilments-delivery-date.json", "total_price", "3850.00"));

        Assert.Equal(3850, order.Amount);
    }

    [Fact]
    public void Orders_cancelled_webhook_body_is_read_as_a_cancelled_order_with_its_buyer()
    {
        var content = ShopifyWebhooks.Read("orders/cancelled", Encoding.UTF8.GetBytes(Fixture("order-cancelled.json")), null);

        var order = Assert.Single(content.Orders);
        Assert.True(order.Cancelled);
        Assert.Equal("7200000001", order.Customer?.ExternalId);
    }

    [Fact]
    public void Orders_updated_webhook_body_carries_the_remaining_amount_of_a_partial_refund()
    {
        var content = ShopifyWebhooks.Read("orders/updated", Encoding.UTF8.GetBytes(Fixture("order-partially-refunded.json")), null);

        Assert.Equal(4400, Assert.Single(content.Orders).Amount);
    }

    [Fact]
    public void Checkout_amounts_are_minor_units_of_their_currency_and_an_unreadable_price_is_a_skip()
    {
        const string json = """
            {"checkouts": [
              {"id": 3300000001, "token": "usd1", "currency": "USD", "total_price": "33.50", "created_at": "2025-07-01T10:00:00-04:00",
               "updated_at": "2025-07-01T10:05:00-04:00", "line_items": [{"sku": "OIL-CLN-01", "title": "Oil", "quantity": 1, "price": "33.50"}]},
              {"id": 3300000002, "token": "jpy1", "currency": "JPY", "total_price": "3980.5", "created_at": "2025-07-01T10:00:00+09:00",
               "updated_at": "2025-07-01T10:05:00+09:00", "line_items": []}
            ]}
            """;

        var page = ShopifyMapper.MapCheckouts(JsonSerializer.Deserialize(json, ShopifyJsonContext.Default.CheckoutList)!);

        var checkout = Assert.Single(page.Items);
        Assert.Equal((3350L, 3350L), (checkout.Amount, checkout.Items[0].Price));
        Assert.Contains("total_price", Assert.Single(page.Skipped).Reason);
    }
}
