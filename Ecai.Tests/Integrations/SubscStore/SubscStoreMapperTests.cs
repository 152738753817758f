using System.Text.Json;
using Ecai.Domain.Carts;
using Ecai.Domain.Linking;
using Ecai.Integrations.Carts.SubscStore;

namespace Ecai.Tests.Integrations.SubscStore;

/// <summary>Modelled サブスクストア JSON → DTOs (source-generated) → cart records.</summary>
public sealed class SubscStoreMapperTests
{
    private static readonly SubscStoreJsonContext Json = SubscStoreJsonContext.Default;

    [Fact]
    public void Customers_map_phone_and_birthday_and_read_offsets_as_written()
    {
        var page = SubscStoreMapper.MapCustomers(JsonSerializer.Deserialize(SubscStoreFixtures.Customers, Json.SubscStoreListSubscStoreCustomer)!);

        var ichiro = page.Items.Single(c => c.ExternalId == "1001");
        Assert.Equal(("鈴木 一郎", "ichiro@example.com"), (ichiro.Name, ichiro.Email));
        Assert.Equal("+818011112222", PhoneNormalizer.Normalize(ichiro.PhoneRaw));
        Assert.Equal(new DateOnly(1985, 12, 24), ichiro.Birthday); // birthday sync reads this
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 9, 15, 0, TimeSpan.Zero), ichiro.UpdatedAt);

        var takahashi = page.Items.Single(c => c.ExternalId == "1002");
        Assert.Equal(("高橋", null, null), (takahashi.Name, takahashi.PhoneRaw, takahashi.Birthday));
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 9, 20, 0, TimeSpan.Zero), takahashi.UpdatedAt); // "Z" honoured

        var skipped = Assert.Single(page.Skipped);
        Assert.Equal((null, "顧客ID(customerId)がありません"), (skipped.ExternalId, skipped.Reason));
        Assert.True(page.IsLast); // currentPage 3 of 3
    }

    [Fact]
    public void Orders_map_purchase_count_subscription_product_and_lines()
    {
        var page = SubscStoreMapper.MapOrders(JsonSerializer.Deserialize(SubscStoreFixtures.Orders, Json.SubscStoreListSubscStoreOrder)!);

        var teiki = page.Items.Single(o => o.ExternalId == "5001");
        Assert.Equal(("1001", "SS-0005001", 4980L, "301", 4), (teiki.CustomerExternalId, teiki.Number, teiki.Amount, teiki.SubscriptionExternalId, teiki.Times));
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 9, 15, 0, TimeSpan.Zero), teiki.OrderedAt);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 1, 0, 0, TimeSpan.Zero), teiki.ShippedAt);
        Assert.Equal(new CartOrderItemRecord("COF-DRIP-30", "スペシャルティコーヒー ドリップバッグ 30袋", "【定期】コーヒー毎月便", 1, 4980), Assert.Single(teiki.Items));

        var oneOff = page.Items.Single(o => o.ExternalId == "5002");
        Assert.Equal(3510L, oneOff.Amount);        // a numeric string is read
        Assert.Null(oneOff.Times);
        Assert.Null(oneOff.ShippedAt);             // no ship-date follow here: an odd shippedAt only drops the date
        Assert.True(oneOff.Cancelled);
        Assert.All(oneOff.Items, i => Assert.Null(i.CourseName));

        var skipped = Assert.Single(page.Skipped);
        Assert.Equal(("5003", "商品コード(productCode)のない明細があります"), (skipped.ExternalId, skipped.Reason));
        Assert.False(page.IsLast); // page 1 of 2
    }

    [Fact]
    public void Subscriptions_map_the_three_subsc_store_words()
    {
        var page = SubscStoreMapper.MapSubscriptions(JsonSerializer.Deserialize(SubscStoreFixtures.Subscriptions, Json.SubscStoreListSubscStoreSubscription)!);

        var byId = page.Items.ToDictionary(s => s.ExternalId);
        Assert.Equal((ContinuationStatus.Active, "継続"), (byId["301"].Status, byId["301"].RawStatus));
        Assert.Equal((ContinuationStatus.Paused, "停止"), (byId["302"].Status, byId["302"].RawStatus));
        Assert.Equal((ContinuationStatus.Cancelled, "終了"), (byId["303"].Status, byId["303"].RawStatus));
        // リピスト's word is not サブスクストア's: kept raw, not guessed.
        Assert.Equal((ContinuationStatus.Unspecified, "一時停止"), (byId["304"].Status, byId["304"].RawStatus));
        Assert.Equal(("COF-DRIP-30", "【定期】コーヒー毎月便"), (byId["301"].ProductCode, byId["301"].CourseName));
        Assert.Equal("TK-TEA-02", byId["302"].CourseName); // no 定期商品 name: its code
        Assert.Equal(("TK-PRO-01", "【定期】プロテイン毎月便 10%OFF"), (byId["303"].ProductCode, byId["303"].CourseName)); // no product code: the 定期商品コード
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 15, 0, 0, TimeSpan.Zero), byId["301"].NextShipAt);
        var skipped = Assert.Single(page.Skipped);
        Assert.Equal(("305", "顧客ID(customerId)がありません"), (skipped.ExternalId, skipped.Reason));
    }
}
