using System.Text.Json;
using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Rakuraku;

namespace Ecai.Tests.Integrations.Rakuraku;

/// <summary>The [I] modelled order-search JSON → ECAI records, from a fixture with the odd bad row.</summary>
public sealed class RakurakuMapperTests
{
    private const string Search = """
        {
          "total_count": 6, "page": 1, "limit": 500,
          "orders": [
            { "order_id": 1001, "order_number": "RR00001001", "ordered_at": "2026-04-01 09:30:00", "updated_at": "2026-04-03 12:00:00",
              "shipped_at": "2026-04-02 15:00:00", "total": "4980", "order_status": "発送済み",
              "customer": { "customer_id": 77, "name": " 山田 花子 ", "tel": "０９０－１２３４－５６７８", "mail": "hanako@example.jp", "birthday": "1990-04-01" },
              "items": [ { "product_code": "RR-KOSO-T1", "product_name": "【定期】酵素ドリンク", "course_name": "毎月お届けコース", "quantity": 1, "price": 4980 } ],
              "regular": { "regular_id": 555, "times": 3, "status": "休止" } },
            { "order_id": 1002, "ordered_at": "2026-04-05 10:00:00", "updated_at": "2026-04-05 10:00:00", "shipped_at": null, "total": 3240,
              "order_status": "キャンセル",
              "customer": { "customer_id": 78, "tel": "06-1234-5678", "birthday": "0000-00-00" },
              "items": [ { "product_code": "RR-AOJI-01", "product_name": "青汁", "quantity": 2, "price": 1620 } ], "regular": null },
            { "order_id": 1003, "ordered_at": "2026-13-45 25:61:00", "updated_at": "2026-04-06 00:00:00", "total": 100,
              "customer": { "customer_id": 79 }, "items": [] },
            { "order_id": 1004, "ordered_at": "2026-04-06 00:00:00", "updated_at": "2026-04-07 00:00:00", "total": 100,
              "customer": { "customer_id": null }, "items": [] },
            { "order_id": 1005, "ordered_at": "2026-04-06 00:00:00", "updated_at": "2026-04-07 00:00:00", "total": 100,
              "customer": { "customer_id": 80 }, "items": [], "regular": { "regular_id": 9, "times": 1, "status": "よく分からない" } },
            { "ordered_at": "2026-04-06 00:00:00", "updated_at": "2026-04-08 00:00:00" }
          ]
        }
        """;

    private static RakurakuMappedPage Map() =>
        RakurakuMapper.MapOrders(JsonSerializer.Deserialize(Search, RakurakuJsonContext.Default.RakurakuOrderSearchResponse)!);

    [Fact]
    public void Subscription_order_carries_buyer_with_birthday_and_the_subscription_state()
    {
        var order = Map().Items.Single(o => o.ExternalId == "1001");

        Assert.Equal("77", order.CustomerExternalId);
        Assert.Equal("RR00001001", order.Number);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 30, 0, TimeSpan.Zero), order.OrderedAt); // 09:30 JST
        Assert.Equal(new DateTimeOffset(2026, 4, 2, 6, 0, 0, TimeSpan.Zero), order.ShippedAt);
        Assert.Equal(4980, order.Amount);
        Assert.Equal("555", order.SubscriptionExternalId);
        Assert.Equal(3, order.Times);
        Assert.Equal(ContinuationStatus.Paused, order.SubscriptionStatus);
        Assert.False(order.Cancelled);
        var item = Assert.Single(order.Items);
        Assert.Equal(("RR-KOSO-T1", "毎月お届けコース", 1, 4980L), (item.ProductCode, item.CourseName, item.Quantity, item.Price));

        var buyer = order.Customer!;
        Assert.Equal(("77", "山田 花子", "hanako@example.jp"), (buyer.ExternalId, buyer.Name, buyer.Email));
        Assert.Equal("０９０－１２３４－５６７８", buyer.PhoneRaw); // raw as the shop typed it; the writer normalises
        Assert.Equal(new DateOnly(1990, 4, 1), buyer.Birthday);
        Assert.Equal(order.UpdatedAt, buyer.UpdatedAt);
    }

    [Fact]
    public void One_off_order_has_no_subscription_cancelled_is_kept_and_a_bad_birthday_is_dropped()
    {
        var order = Map().Items.Single(o => o.ExternalId == "1002");

        Assert.Null(order.SubscriptionExternalId);
        Assert.Null(order.SubscriptionStatus);
        Assert.Null(order.ShippedAt);
        Assert.True(order.Cancelled);
        Assert.Null(order.Customer!.Birthday);
        Assert.Equal("06-1234-5678", order.Customer.PhoneRaw);
    }

    [Fact]
    public void Unknown_status_word_is_unspecified_not_skipped()
    {
        var order = Map().Items.Single(o => o.ExternalId == "1005");

        Assert.Equal(ContinuationStatus.Unspecified, order.SubscriptionStatus);
    }

    [Fact]
    public void Bad_rows_are_skipped_with_reasons_and_still_move_the_cursor()
    {
        var page = Map();

        Assert.Equal(6, page.RowCount);
        Assert.Equal(["1001", "1002", "1005"], page.Items.Select(o => o.ExternalId));
        Assert.Collection(page.Skipped,
            s => Assert.Equal(("1003", true), (s.ExternalId, s.Reason.Contains("ordered_at"))),
            s => Assert.Equal(("1004", true), (s.ExternalId, s.Reason.Contains("customer_id"))),
            s => Assert.Equal((null, true), (s.ExternalId, s.Reason.Contains("order_id"))));
        Assert.Equal(new DateTimeOffset(2026, 4, 7, 15, 0, 0, TimeSpan.Zero), page.MaxUpdatedAt); // 2026-04-08 00:00 JST
    }

    [Theory]
    [InlineData("ご注文継続", ContinuationStatus.Active)]
    [InlineData("休止", ContinuationStatus.Paused)]
    [InlineData("ご解約", ContinuationStatus.Cancelled)]
    public void Status_words_map_through_the_continuation_table(string word, ContinuationStatus expected)
    {
        var dto = new RakurakuOrderDto
        {
            OrderId = 1, OrderedAt = "2026-01-01 00:00:00", UpdatedAt = "2026-01-01 00:00:00", Total = 1,
            Customer = new RakurakuCustomerDto { CustomerId = 2 }, Regular = new RakurakuRegularDto { RegularId = 3, Status = word },
        };

        Assert.Equal(expected, RakurakuMapper.MapOrder(dto).Record!.SubscriptionStatus);
    }
}
