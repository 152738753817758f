using System.Text.Json;
using Ecai.Domain.Carts;
using Ecai.Domain.Linking;
using Ecai.Integrations.Carts.Rakuten;

namespace Ecai.Tests.Integrations.Rakuten;

public sealed class RakutenMapperTests
{
    private static readonly (List<CartOrderRecord> Items, List<SkippedRecord> Skipped) Mapped =
        RakutenMapper.MapOrders(JsonSerializer.Deserialize(RakutenFixtures.GetOrder, RakutenJsonContext.Default.GetOrderResponse)!.OrderModelList!);

    private static CartOrderRecord Order(string number) => Mapped.Items.Single(o => o.ExternalId == number);

    private static DateTimeOffset Jst(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(9)).ToUniversalTime();

    [Fact]
    public void Shipped_order_carries_buyer_items_and_earliest_shipping_date()
    {
        var order = Order("123456-20260110-00000001");

        Assert.Equal("123456-20260110-00000001", order.Number);
        Assert.Equal(Jst(2026, 1, 10, 21, 15, 30), order.OrderedAt);
        Assert.Equal(8620, order.Amount);
        Assert.Equal(Jst(2026, 1, 12), order.ShippedAt); // the earlier of two shipments, 00:00 JST
        Assert.Equal("ヤマト運輸", order.DeliveryMethod); // the carrier of that shipment
        Assert.False(order.Cancelled);
        Assert.Null(order.SubscriptionExternalId);
        Assert.Null(order.SubscriptionStatus);
        Assert.Equal(Jst(2026, 1, 13, 18), order.UpdatedAt);
        var item = Assert.Single(order.Items);
        Assert.Equal(new CartOrderItemRecord("aojiru-30", "国産大麦若葉の青汁 30包", null, 2, 3980), item);

        var buyer = order.Customer!;
        Assert.Equal("abcd1234@pc.fw.rakuten.ne.jp", buyer.ExternalId);
        Assert.Equal(buyer.ExternalId, order.CustomerExternalId);
        Assert.Equal("abcd1234@pc.fw.rakuten.ne.jp", buyer.Number); // shown as the cart customer number
        Assert.Equal("山田 花子", buyer.Name);
        Assert.Equal("+819012345678", PhoneNormalizer.Normalize(buyer.PhoneRaw));
        Assert.Null(buyer.Birthday); // never synced for Rakuten, even when RMS has one
        Assert.Null(buyer.Email);    // a relay address, not the buyer's own
    }

    [Fact]
    public void Subscription_order_maps_reserve_number_and_delivery_count_active()
    {
        var order = Order("123456-20260201-00000002");

        Assert.Equal("123456-T00000042", order.SubscriptionExternalId);
        Assert.Equal(3, order.Times);
        Assert.Equal(ContinuationStatus.Active, order.SubscriptionStatus);
        Assert.False(order.Cancelled);
        Assert.Null(order.ShippedAt);
        Assert.Null(order.DeliveryMethod);
        // The masked address is trimmed and case-folded into the id, so both orders share one buyer.
        Assert.Equal("wxyz9876@pc.fw.rakuten.ne.jp", order.CustomerExternalId);
        Assert.Equal("+819098765432", PhoneNormalizer.Normalize(order.Customer!.PhoneRaw)); // all in phoneNumber1
    }

    [Fact]
    public void Cancelled_subscription_order_is_cancelled_and_cancels_the_subscription()
    {
        var order = Order("123456-20260202-00000003");

        Assert.True(order.Cancelled);
        Assert.Equal(ContinuationStatus.Cancelled, order.SubscriptionStatus);
        Assert.Equal(4, order.Times);
        Assert.Equal("wxyz9876@pc.fw.rakuten.ne.jp", order.CustomerExternalId);
        Assert.Equal("+819098765432", PhoneNormalizer.Normalize(order.Customer!.PhoneRaw)); // phoneNumber3 null
    }

    [Fact]
    public void Unfixed_total_is_goods_plus_fixed_postage_never_minus_9999()
    {
        var order = Order("123456-20260203-00000004");

        Assert.Equal(2480, order.Amount); // totalPrice and postagePrice -9999: goods only
        Assert.Null(order.ShippedAt);     // a shipping row without a date is not a shipment
        Assert.Equal("+81312345678", PhoneNormalizer.Normalize(order.Customer!.PhoneRaw));
    }

    [Fact]
    public void Unfixed_goods_too_amount_comes_from_the_lines_and_unknown_carrier_is_null()
    {
        var order = Order("123456-20260204-00000005");

        Assert.Equal(1320 * 2 + 3300, order.Amount);
        Assert.Equal(["soap-bar", "lotion-200"], order.Items.Select(i => i.ProductCode)); // itemNumber when no manageNumber
        Assert.Equal(1, order.Items[1].Quantity);
        Assert.Equal(Jst(2026, 2, 6), order.ShippedAt);
        Assert.Null(order.DeliveryMethod); // 1000 その他
        // No masked e-mail: the order gets a buyer of its own, without a number.
        Assert.Equal("order:123456-20260204-00000005", order.CustomerExternalId);
        Assert.Null(order.Customer!.Number);
        Assert.Null(order.Customer.PhoneRaw);
        Assert.Equal("高橋", order.Customer.Name);
    }

    [Fact]
    public void Unreadable_rows_are_skipped_with_their_reason()
    {
        Assert.Equal(5, Mapped.Items.Count);
        Assert.Collection(Mapped.Skipped,
            s => Assert.Equal(("123456-20260205-00000006", "注文日時(orderDatetime)を読み取れません: '2026-13-45T99:00:00+0900'"), (s.ExternalId, s.Reason)),
            s => Assert.Equal(("123456-20260206-00000007", "注文者(OrdererModel)がありません"), (s.ExternalId, s.Reason)),
            s => Assert.Equal(("123456-20260207-00000008", "発送日(shippingDate)を読み取れません: '2026/02/31'"), (s.ExternalId, s.Reason)),
            s => Assert.Equal(((string?)null, "受注番号(orderNumber)がありません"), (s.ExternalId, s.Reason)));
    }

    [Theory]
    [InlineData("1001", "ヤマト運輸")]
    [InlineData("1002", "佐川急便")]
    [InlineData(" 1003 ", "日本郵便")]
    [InlineData("1028", null)]
    [InlineData(null, null)]
    public void Delivery_method_names_only_the_three_carriers_ecai_shows(string? code, string? expected) =>
        Assert.Equal(expected, RakutenMapper.DeliveryMethod(code));

    [Fact]
    public void Rms_timestamps_parse_with_and_without_the_colon_in_the_offset()
    {
        Assert.True(RakutenTime.TryParse("2026-11-28T18:00:00+0900", out var a));
        Assert.True(RakutenTime.TryParse("2026-11-28T18:00:00+09:00", out var b));
        Assert.Equal(Jst(2026, 11, 28, 18), a);
        Assert.Equal(a, b);
        Assert.Equal("2026-11-28T18:00:00+0900", RakutenTime.ToWire(a));
        Assert.False(RakutenTime.TryParse("28/11/2026", out _));
    }

    [Fact]
    public void The_requested_delivery_date_and_time_slot_come_from_delivery_date_and_shipping_term()
    {
        var (items, skipped) = RakutenMapper.MapOrders(
            JsonSerializer.Deserialize(RakutenFixtures.GetOrderWithDelivery, RakutenJsonContext.Default.GetOrderResponse)!.OrderModelList!);

        Assert.Empty(skipped); // an unreadable date or slot never drops the order
        Assert.Equal(
            [
                ("123456-20261201-00000011", new DateOnly(2026, 12, 10), "12:00-14:00"),
                ("123456-20261201-00000012", new DateOnly(2026, 12, 5), "午前中"),
                ("123456-20261201-00000013", new DateOnly(2026, 12, 6), null),
                ("123456-20261201-00000014", null, "その他"),
                ("123456-20261201-00000015", null, null),
            ],
            items.Select(o => (o.ExternalId, o.DeliveryDate, o.DeliveryTime)));
    }

    [Theory]
    [InlineData("812", "08:00-12:00")]
    [InlineData("1921", "19:00-21:00")]
    [InlineData("2", "午後")]
    [InlineData("1412", null)]
    [InlineData("x", null)]
    [InlineData(null, null)]
    public void Shipping_terms_read_as_rms_words_them(string? term, string? expected) =>
        Assert.Equal(expected, RakutenMapper.DeliveryTime(term));

    [Fact]
    public void An_order_links_to_its_page_in_rms_order_management()
    {
        Assert.Equal("https://order-rp.rms.rakuten.co.jp/order-rb/individual-order-detail-sc/init?orderNumber=123456-20261201-00000011",
            RakutenUrls.OrderPage(" 123456-20261201-00000011 "));
    }
}
