using System.Text;
using System.Text.Json;
using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shopify;

namespace Ecai.Tests.Integrations.Shopify;

/// <summary>Wire JSON (fixtures shaped like Shopify's REST answers) → ECAI records.</summary>
public sealed class ShopifyMapperTests
{
    private static readonly DateTimeOffset TagsOn = new(2025, 6, 1, 0, 0, 0, TimeSpan.FromHours(9));

    private static string Order(string financialStatus = "paid", string createdAt = "2025-07-01T10:00:00+09:00", string tags = "",
        string fulfillments = "[]", string? cancelledAt = null, string customer = """{"id": 7200000001, "email": "Hana@Example.jp", "first_name": "花子", "last_name": "山田", "updated_at": "2025-06-30T09:00:00+09:00"}""") => $$"""
        {"orders": [{
          "id": 5600000001, "name": "#1001", "email": "hana@example.jp",
          "created_at": "{{createdAt}}", "updated_at": "2025-07-03T12:00:00+09:00",
          "cancelled_at": {{(cancelledAt is null ? "null" : $"\"{cancelledAt}\"")}},
          "financial_status": "{{financialStatus}}", "total_price": "7260.00", "currency": "JPY", "tags": "{{tags}}",
          "customer": {{customer}},
          "line_items": [
            {"id": 1, "product_id": 8100000001, "sku": "OIL-CLN-01", "title": "クレンジングオイル", "quantity": 2, "price": "3300.00"},
            {"id": 2, "product_id": 8100000009, "sku": "", "title": "ギフト包装", "quantity": 1, "price": "660"}
          ],
          "fulfillments": {{fulfillments}}
        }]}
        """;

    private static ShopifyMappedPage<CartOrderRecord> MapOrders(string json, DateTimeOffset? tagsSince = null) =>
        ShopifyMapper.MapOrders(JsonSerializer.Deserialize(json, ShopifyJsonContext.Default.OrderList)!, tagsSince);

    [Fact]
    public void Paid_order_maps_amount_items_number_and_first_fulfilment()
    {
        var page = MapOrders(Order(fulfillments: """
            [{"created_at": "2025-07-04T09:00:00+09:00", "tracking_company": "Sagawa (JA)"},
             {"created_at": "2025-07-02T15:30:00+09:00", "tracking_company": "Yamato (JA)"}]
            """));

        var order = Assert.Single(page.Items);
        Assert.Empty(page.Skipped);
        Assert.Equal("5600000001", order.ExternalId);
        Assert.Equal("7200000001", order.CustomerExternalId);
        Assert.Equal("#1001", order.Number);
        Assert.Equal(7260, order.Amount);
        Assert.Equal(new DateTimeOffset(2025, 7, 1, 1, 0, 0, TimeSpan.Zero), order.OrderedAt);
        Assert.Equal(new DateTimeOffset(2025, 7, 2, 6, 30, 0, TimeSpan.Zero), order.ShippedAt); // the earliest fulfilment
        Assert.Equal("ヤマト運輸", order.DeliveryMethod);
        Assert.Equal(["OIL-CLN-01", "8100000009"], order.Items.Select(i => i.ProductCode)); // no SKU → product id
        Assert.Equal([3300L, 660L], order.Items.Select(i => i.Price));
        Assert.False(order.Cancelled);
        Assert.Null(order.Customer); // pulls read customers from customers.json
        Assert.Equal(new DateTimeOffset(2025, 7, 3, 3, 0, 0, TimeSpan.Zero), page.MaxUpdatedAt);
    }

    [Theory]
    [InlineData("paid", true, false)]
    [InlineData("authorized", true, false)]
    [InlineData("PAID", true, false)]
    [InlineData("partially_refunded", true, false)]
    [InlineData("refunded", true, true)]
    [InlineData("voided", true, true)]
    [InlineData("pending", false, false)]
    [InlineData("partially_paid", false, false)]
    public void Financial_status_decides_the_import_and_an_order_left_out_is_not_a_skip(string status, bool imported, bool cancelled)
    {
        var page = MapOrders(Order(financialStatus: status));

        Assert.Equal(imported ? 1 : 0, page.Items.Count);
        Assert.All(page.Items, o => Assert.Equal(cancelled, o.Cancelled)); // refunded / voided: kept, never a purchase
        Assert.Empty(page.Skipped);
        Assert.Equal(1, page.RowCount); // still seen: it moves the cursor
        Assert.NotNull(page.MaxUpdatedAt);
    }

    [Fact]
    public void Cancelled_order_is_imported_as_cancelled_whatever_its_financial_status()
    {
        var order = Assert.Single(MapOrders(Order(financialStatus: "refunded", cancelledAt: "2025-07-03T11:00:00+09:00")).Items);

        Assert.True(order.Cancelled);
    }

    [Theory]
    [InlineData("Yamato (JA)", "ヤマト運輸")]
    [InlineData("Sagawa (JA)", "佐川急便")]
    [InlineData("Japan Post (JA)", "日本郵便")]
    [InlineData("ヤマト運輸", "ヤマト運輸")]
    [InlineData("Seino (JA)", null)]
    [InlineData("Fukuyama Transporting", null)]
    [InlineData("Other", null)]
    [InlineData(null, null)]
    public void Delivery_method_only_for_yamato_sagawa_and_japan_post(string? company, string? expected)
    {
        var json = company is null ? "null" : $"\"{company}\"";
        var order = Assert.Single(MapOrders(Order(fulfillments: $$"""[{"created_at": "2025-07-02T15:30:00+09:00", "tracking_company": {{json}}}]""")).Items);

        Assert.Equal(expected, order.DeliveryMethod);
        Assert.NotNull(order.ShippedAt);
    }

    [Fact]
    public void Unfulfilled_order_has_no_shipment_and_no_delivery_method()
    {
        var order = Assert.Single(MapOrders(Order()).Items);

        Assert.Null(order.ShippedAt);
        Assert.Null(order.DeliveryMethod);
    }

    [Theory]
    [InlineData("アクティブ", ContinuationStatus.Active)]
    [InlineData("停止", ContinuationStatus.Paused)]
    [InlineData("解約", ContinuationStatus.Cancelled)]
    [InlineData("ｱｸﾃｨﾌﾞ", ContinuationStatus.Active)]
    [InlineData("不明", ContinuationStatus.Unspecified)]
    public void Subscription_tags_after_the_tag_date_give_id_times_and_status(string word, ContinuationStatus status)
    {
        var order = Assert.Single(MapOrders(Order(tags: $"VIP, 定期購買, 定期購買回数:3, 定期購買ステータス:{word}, 定期購買ID:100123"), TagsOn).Items);

        Assert.Equal("100123", order.SubscriptionExternalId);
        Assert.Equal(3, order.Times);
        Assert.Equal(status, order.SubscriptionStatus);
    }

    [Fact]
    public void Subscription_tags_full_width_colon_and_digits_are_read()
    {
        var order = Assert.Single(MapOrders(Order(tags: "定期購買, 定期購買回数：１２, 定期購買ステータス：停止, 定期購買ID：77"), TagsOn).Items);

        Assert.Equal(("77", 12, ContinuationStatus.Paused), (order.SubscriptionExternalId, order.Times, order.SubscriptionStatus));
    }

    [Fact]
    public void Subscription_tags_before_the_tag_date_or_without_it_are_a_single_purchase()
    {
        const string tags = "定期購買, 定期購買回数:3, 定期購買ステータス:アクティブ, 定期購買ID:100123";

        var before = Assert.Single(MapOrders(Order(tags: tags, createdAt: "2025-05-31T23:59:59+09:00"), TagsOn).Items);
        var notEnabled = Assert.Single(MapOrders(Order(tags: tags)).Items);
        var atTheDate = Assert.Single(MapOrders(Order(tags: tags, createdAt: "2025-06-01T00:00:00+09:00"), TagsOn).Items);

        Assert.All([before, notEnabled], o => Assert.Equal((null, null, null), (o.SubscriptionExternalId, o.Times, o.SubscriptionStatus)));
        Assert.Equal("100123", atTheDate.SubscriptionExternalId);
    }

    [Fact]
    public void Unreadable_rows_are_skipped_with_their_id_and_reason()
    {
        var badDate = MapOrders(Order(createdAt: "2025-13-45T99:00:00+09:00"));
        var noCustomer = MapOrders(Order(customer: "null"));

        Assert.Empty(badDate.Items);
        var skip = Assert.Single(badDate.Skipped);
        Assert.Equal("5600000001", skip.ExternalId);
        Assert.Contains("created_at", skip.Reason);
        Assert.Contains("顧客", Assert.Single(noCustomer.Skipped).Reason);
    }

    [Fact]
    public void Unreadable_row_not_imported_by_rule_is_not_reported()
    {
        var page = MapOrders(Order(financialStatus: "pending", customer: "null"));

        Assert.Empty(page.Items);
        Assert.Empty(page.Skipped);
    }

    [Fact]
    public void Customer_name_family_first_phone_from_the_default_address_when_missing()
    {
        const string json = """
            {"customers": [
              {"id": 7200000001, "email": "Hana@Example.jp", "first_name": "花子", "last_name": "山田", "phone": null,
               "updated_at": "2025-06-30T09:00:00+09:00", "default_address": {"phone": "090-1234-5678"}},
              {"id": 7200000002, "email": null, "first_name": "太郎", "last_name": "", "phone": "+819011112222",
               "updated_at": "2025-06-30T10:00:00+09:00"},
              {"id": 7200000003, "email": "x@example.jp", "updated_at": "yesterday"}
            ]}
            """;

        var page = ShopifyMapper.MapCustomers(JsonSerializer.Deserialize(json, ShopifyJsonContext.Default.CustomerList)!);

        Assert.Equal(2, page.Items.Count);
        Assert.Equal(("山田 花子", "090-1234-5678", "Hana@Example.jp"), (page.Items[0].Name, page.Items[0].PhoneRaw, page.Items[0].Email));
        Assert.Equal(("太郎", "+819011112222", (string?)null), (page.Items[1].Name, page.Items[1].PhoneRaw, page.Items[1].Email));
        Assert.Equal("7200000003", Assert.Single(page.Skipped).ExternalId);
    }

    [Fact]
    public void Checkout_takes_phone_and_email_from_the_customer_when_the_top_level_is_empty()
    {
        const string json = """
            {"checkouts": [{
              "id": 3300000001, "token": "abc123", "email": null, "phone": null,
              "customer": {"id": 7200000001, "email": "hana@example.jp", "phone": "+819012345678"},
              "abandoned_checkout_url": "https://shop.myshopify.com/1/checkouts/ac/abc123/recover?key=k",
              "line_items": [{"sku": "TEA-HRB-01", "title": "ハーブティー", "quantity": 2, "price": "1980.00"}],
              "total_price": "3960.00", "created_at": "2025-07-01T10:00:00+09:00", "updated_at": "2025-07-01T10:05:00+09:00",
              "completed_at": "2025-07-02T08:00:00+09:00"
            }]}
            """;

        var checkout = Assert.Single(ShopifyMapper.MapCheckouts(JsonSerializer.Deserialize(json, ShopifyJsonContext.Default.CheckoutList)!).Items);

        Assert.Equal(("abc123", "7200000001", "hana@example.jp", "+819012345678"), (checkout.Token, checkout.CustomerExternalId, checkout.Email, checkout.PhoneRaw));
        Assert.Equal(3960, checkout.Amount);
        Assert.StartsWith("https://shop.myshopify.com/", checkout.RecoveryUrl);
        Assert.Equal(new DateTimeOffset(2025, 7, 1, 23, 0, 0, TimeSpan.Zero), checkout.CompletedAt);
        Assert.Equal(("TEA-HRB-01", 2), (checkout.Items[0].ProductCode, checkout.Items[0].Quantity));
    }

    [Fact]
    public void Link_header_gives_the_next_page_info_unescaped_and_none_on_the_last_page()
    {
        using var middle = new HttpResponseMessage();
        middle.Headers.TryAddWithoutValidation("Link",
            "<https://s.myshopify.com/admin/api/2025-01/orders.json?limit=250&page_info=prev%3D1>; rel=\"previous\", " +
            "<https://s.myshopify.com/admin/api/2025-01/orders.json?limit=250&page_info=eyJsYXN0X2lkIjo0fQ%3D%3D>; rel=\"next\"");
        using var last = new HttpResponseMessage();
        last.Headers.TryAddWithoutValidation("Link", "<https://s.myshopify.com/admin/api/2025-01/orders.json?page_info=abc&limit=250>; rel=\"previous\"");

        Assert.Equal("eyJsYXN0X2lkIjo0fQ==", ShopifyCartClient.NextPageInfo(middle));
        Assert.Null(ShopifyCartClient.NextPageInfo(last));
    }

    [Theory]
    [InlineData("2.0", 2000)]
    [InlineData("1", 1000)]
    [InlineData("0.5", 500)]
    public void Retry_after_accepts_shopifys_fractional_seconds(string header, int milliseconds)
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", header);

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), ShopifySetup.RetryAfter(response));
    }

    [Fact]
    public void Webhook_signature_accepts_the_right_secret_only_and_any_change_to_the_body()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":5600000001,"financial_status":"paid"}""");
        var signature = ShopifyWebhooks.Sign(body, "secret-1");

        Assert.True(ShopifyWebhooks.IsAuthentic(body, signature, "secret-1"));
        Assert.False(ShopifyWebhooks.IsAuthentic(body, signature, "secret-2"));
        Assert.False(ShopifyWebhooks.IsAuthentic(Encoding.UTF8.GetBytes("""{"id":5600000002,"financial_status":"paid"}"""), signature, "secret-1"));
        Assert.False(ShopifyWebhooks.IsAuthentic(body, null, "secret-1"));
        Assert.False(ShopifyWebhooks.IsAuthentic(body, "not base64!", "secret-1"));
        Assert.False(ShopifyWebhooks.IsAuthentic(body, signature, ""));
    }

    [Fact]
    public void Webhook_order_carries_its_buyer_so_the_member_can_be_linked()
    {
        var json = Order().Replace("{\"orders\": [", "").TrimEnd()[..^2];

        var content = ShopifyWebhooks.Read("orders/create", Encoding.UTF8.GetBytes(json), null);

        var order = Assert.Single(content.Orders);
        Assert.Equal(("7200000001", "Hana@Example.jp"), (order.Customer?.ExternalId, order.Customer?.Email));
        Assert.Empty(ShopifyWebhooks.Read("products/update", Encoding.UTF8.GetBytes(json), null).Orders);
    }

    [Fact]
    public void Customer_page_is_the_shop_admin()
    {
        Assert.Equal("https://shop.myshopify.com/admin/customers/7200000001", ShopifyUrls.CustomerPage("shop.myshopify.com", "7200000001"));
    }
}
