using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ecai.Domain.Carts;
using Ecai.Domain.Linking;
using Ecai.Integrations.Carts.Ecforce;

namespace Ecai.Tests.Integrations.Ecforce;

/// <summary>Wire JSON → DTOs (source-generated) → cart records, from small fixtures.</summary>
public sealed class EcforceMapperTests
{
    private static readonly DateTimeOffset June8 = new(2019, 6, 7, 20, 47, 17, TimeSpan.Zero); // 2019/06/08 05:47:17 JST

    [Fact]
    public void Customers_join_the_phone_from_the_billing_address_and_convert_jst_to_utc()
    {
        var page = EcforceMapper.MapCustomers(JsonSerializer.Deserialize(EcforceFixtures.Customers, EcforceJsonContext.Default.CustomerListDocument)!);

        var hanako = page.Items.Single(c => c.ExternalId == "3172");
        Assert.Equal("０９０-１２３４-５６７８", hanako.PhoneRaw);
        Assert.Equal("+819012345678", PhoneNormalizer.Normalize(hanako.PhoneRaw));
        Assert.Equal("山田 花子", hanako.Name);
        Assert.Equal("Hanako@Example.jp", hanako.Email);
        Assert.Equal("U047bb1234567890abcdef1234567890", hanako.LineUserId);
        Assert.Equal(new DateOnly(1990, 4, 1), hanako.Birthday);
        Assert.Equal("6a54e6ebc5", hanako.Number);
        Assert.Equal(June8, hanako.UpdatedAt);

        var taro = page.Items.Single(c => c.ExternalId == "3173");
        Assert.Equal("03-1234-5678", taro.PhoneRaw); // tel01-03 blank: full_tel
        Assert.Equal("佐藤 太郎", taro.Name);       // no full_name: name01 + name02
        Assert.Null(taro.Birthday);                 // "0000/00/00" drops only the birthday
    }

    [Fact]
    public void Customers_without_id_or_with_an_impossible_date_are_skipped_with_a_reason()
    {
        var page = EcforceMapper.MapCustomers(JsonSerializer.Deserialize(EcforceFixtures.Customers, EcforceJsonContext.Default.CustomerListDocument)!);

        Assert.Equal(4, page.RowCount);
        Assert.Equal(2, page.Items.Count);
        Assert.Collection(page.Skipped,
            s => Assert.Equal((null, "顧客IDがありません"), (s.ExternalId, s.Reason)),
            s => Assert.Equal(("3175", "更新日時(updated_at)を読み取れません: '2019/06/31 06:00:00'"), (s.ExternalId, s.Reason)));
        // The id-less row was still seen: its updated_at moves the cursor.
        Assert.Equal(new DateTimeOffset(2019, 6, 7, 21, 0, 0, TimeSpan.Zero), page.MaxUpdatedAt);
    }

    [Fact]
    public void Orders_map_customer_totals_dates_and_lines()
    {
        var page = EcforceMapper.MapOrders(JsonSerializer.Deserialize(EcforceFixtures.Orders, EcforceJsonContext.Default.OrderListDocument)!);

        var first = page.Items.Single(o => o.ExternalId == "96704");
        Assert.Equal(("30962", "a905125d2a", 3980L, "555", 3), (first.CustomerExternalId, first.Number, first.Amount, first.SubscriptionExternalId, first.Times));
        Assert.Equal(June8, first.OrderedAt);                                                       // completed_at wins over created_at
        Assert.Equal(new DateTimeOffset(2019, 6, 10, 3, 0, 0, TimeSpan.Zero), first.ShippedAt);   // 発送日
        Assert.Collection(first.Items,
            i => Assert.Equal(new CartOrderItemRecord("SKN-SER-01T3", "【定期便】ビタミンC美容液", "定期便 3ヶ月コース", 1, 3980), i),
            i => Assert.Equal(new CartOrderItemRecord("GIFT-01", "ギフト袋", null, 2, 0), i));        // variant_sku when product_number is blank

        var second = page.Items.Single(o => o.ExternalId == "96705");
        Assert.Equal("777", second.CustomerExternalId);                                            // relationships.customer fallback
        Assert.Equal(new DateTimeOffset(2019, 6, 9, 1, 0, 0, TimeSpan.Zero), second.OrderedAt);   // created_at, dashed format
        Assert.Null(second.ShippedAt);
        Assert.Empty(second.Items);
    }

    [Fact]
    public void Orders_without_customer_or_with_unreadable_dates_are_skipped_with_their_ids()
    {
        var page = EcforceMapper.MapOrders(JsonSerializer.Deserialize(EcforceFixtures.Orders, EcforceJsonContext.Default.OrderListDocument)!);

        Assert.Collection(page.Skipped,
            s => Assert.Equal(("96706", "顧客ID(customer_id)がありません"), (s.ExternalId, s.Reason)),
            s => Assert.Equal(("96707", "注文日時(completed_at/created_at)を読み取れません: '昨日'"), (s.ExternalId, s.Reason)),
            s => Assert.Equal(("96708", "発送日(shipped_at)を読み取れません: '2019/02/30 00:00:00'"), (s.ExternalId, s.Reason)));
        Assert.Equal(new DateTimeOffset(2019, 6, 10, 3, 0, 5, TimeSpan.Zero), page.MaxUpdatedAt);
    }

    [Fact]
    public void Cancelled_orders_and_orders_whose_payment_was_voided_are_marked_cancelled_the_rest_are_purchases()
    {
        var page = EcforceMapper.MapOrders(JsonSerializer.Deserialize(EcforceFixtures.OrdersWithStates, EcforceJsonContext.Default.OrderListDocument)!);

        Assert.Empty(page.Skipped);
        Assert.Equal(
            [("97001", false), ("97002", true), ("97003", true), ("97004", false)],
            page.Items.Select(o => (o.ExternalId, o.Cancelled)));
        // A cancelled order keeps its customer and amount: it is kept, only not counted.
        Assert.Equal(("30962", 3980L), (page.Items[1].CustomerExternalId, page.Items[1].Amount));
    }

    [Fact]
    public void Subscriptions_map_state_through_the_continuation_table()
    {
        var page = EcforceMapper.MapSubscriptions(JsonSerializer.Deserialize(EcforceFixtures.SubsOrders, EcforceJsonContext.Default.SubOrderListDocument)!);

        var active = page.Items.Single(s => s.ExternalId == "555");
        Assert.Equal((ContinuationStatus.Active, "active", "30962"), (active.Status, active.RawStatus, active.CustomerExternalId));
        Assert.Equal(("SKN-SER-01T3", "定期便 3ヶ月コース"), (active.ProductCode, active.CourseName));
        Assert.Equal(new DateTimeOffset(2019, 6, 30, 15, 0, 0, TimeSpan.Zero), active.NextShipAt);

        var suspended = page.Items.Single(s => s.ExternalId == "556");
        Assert.Equal((ContinuationStatus.Paused, "42", null), (suspended.Status, suspended.CustomerExternalId, suspended.NextShipAt));
        Assert.Equal(ContinuationStatus.Cancelled, page.Items.Single(s => s.ExternalId == "557").Status);
        var unknown = page.Items.Single(s => s.ExternalId == "558");
        Assert.Equal((ContinuationStatus.Unspecified, "paused_forever"), (unknown.Status, unknown.RawStatus));
        Assert.Equal(("559", "顧客を特定できません: customer_id・customer_number・relationships.customer のいずれもありません"),
            (page.Skipped.Single().ExternalId, page.Skipped.Single().Reason));
    }

    [Fact]
    public void Subscriptions_naming_their_customer_only_by_customer_number_resolve_it_through_the_included_customer()
    {
        var page = EcforceMapper.MapSubscriptions(JsonSerializer.Deserialize(EcforceFixtures.SubsOrdersByCustomerNumber, EcforceJsonContext.Default.SubOrderListDocument)!);

        var resolved = Assert.Single(page.Items);
        Assert.Equal(("4909", "3172", ContinuationStatus.Active), (resolved.ExternalId, resolved.CustomerExternalId, resolved.Status));
        Assert.Equal(("S-001", "定期便 毎月お届けコース"), (resolved.ProductCode, resolved.CourseName));
        Assert.Equal(new DateTimeOffset(2019, 6, 25, 15, 0, 0, TimeSpan.Zero), resolved.NextShipAt);
        // Only rows the customer of which cannot be found are skipped, each saying which key was missing.
        Assert.Collection(page.Skipped,
            s => Assert.Equal(("4910", "顧客番号(customer_number) 'ffffffffff' の顧客が見つかりません(customer_id・relationships.customer もありません)"), (s.ExternalId, s.Reason)),
            s => Assert.Equal(("4911", "顧客を特定できません: customer_id・customer_number・relationships.customer のいずれもありません"), (s.ExternalId, s.Reason)),
            s => Assert.Equal(("4912", "更新日時(updated_at)がありません"), (s.ExternalId, s.Reason)));
    }

    [Fact]
    public void Orders_and_customers_without_updated_at_say_it_is_missing_rather_than_unreadable()
    {
        const string orders = """{ "data": [ { "id": "1", "type": "order", "attributes": { "customer_id": 1, "total": 1, "completed_at": "2019/06/08 05:47:17" } } ] }""";
        const string customers = """{ "data": [ { "id": "2", "type": "customer", "attributes": { "updated_at": "" } } ] }""";

        var order = EcforceMapper.MapOrders(JsonSerializer.Deserialize(orders, EcforceJsonContext.Default.OrderListDocument)!).Skipped.Single();
        var customer = EcforceMapper.MapCustomers(JsonSerializer.Deserialize(customers, EcforceJsonContext.Default.CustomerListDocument)!).Skipped.Single();

        Assert.Equal(("1", "更新日時(updated_at)がありません"), (order.ExternalId, order.Reason));
        Assert.Equal(("2", "更新日時(updated_at)がありません"), (customer.ExternalId, customer.Reason));
    }

    [Fact]
    public async Task Documents_read_the_same_when_streamed_through_a_tiny_buffer()
    {
        // The client deserializes straight from the socket, so converters see partial buffers.
        var options = new JsonSerializerOptions(EcforceJsonContext.Default.Options) { DefaultBufferSize = 16 };
        var type = (JsonTypeInfo<OrderListDocument>)options.GetTypeInfo(typeof(OrderListDocument));
        var streamed = await JsonSerializer.DeserializeAsync(new MemoryStream(Encoding.UTF8.GetBytes(EcforceFixtures.Orders)), type);
        var whole = JsonSerializer.Deserialize(EcforceFixtures.Orders, EcforceJsonContext.Default.OrderListDocument);

        var (a, b) = (EcforceMapper.MapOrders(streamed!), EcforceMapper.MapOrders(whole!));
        Assert.Equal(b.Items.Select(Describe), a.Items.Select(Describe));
        Assert.Equal(b.Skipped, a.Skipped);
        Assert.Equal(b.MaxUpdatedAt, a.MaxUpdatedAt);

        static string Describe(CartOrderRecord o) => $"{o with { Items = [] }} {string.Join(",", o.Items)}";
    }

    [Theory]
    [InlineData("2019/06/08 05:47:17")]
    [InlineData("2019-06-08 05:47:17")]
    [InlineData("2019-06-08T05:47:17+09:00")]
    public void Timestamps_in_every_format_ecforce_uses_are_jst(string text)
    {
        Assert.True(EcforceTime.TryParse(text, out var utc));
        Assert.Equal(June8, utc);
        Assert.Equal("2019-06-08 05:47:17", EcforceTime.ToQuery(utc));
    }

    [Fact]
    public void Customer_page_links_into_the_shop_admin()
    {
        Assert.Equal("https://shop.example.jp/admin/customers/3172", EcforceUrls.CustomerPage("shop.example.jp", "3172"));
        Assert.Equal("https://shop.example.jp/admin/customers/3172", EcforceUrls.CustomerPage("https://shop.example.jp/", " 3172 "));
    }
}
