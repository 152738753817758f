using System.Text.Json;
using Ecai.Domain.Carts;
using Ecai.Domain.Linking;
using Ecai.Integrations.Carts.Repeatst;

namespace Ecai.Tests.Integrations.Repeatst;

/// <summary>Modelled リピスト JSON → DTOs (source-generated) → cart records.</summary>
public sealed class RepeatstMapperTests
{
    private static T Read<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) => JsonSerializer.Deserialize(json, type)!;

    [Fact]
    public void Customers_map_name_phone_birthday_and_convert_jst_to_utc()
    {
        var page = RepeatstMapper.MapCustomers(Read(RepeatstFixtures.Customers, RepeatstJsonContext.Default.RepeatstCustomerList));

        var hanako = page.Items.Single(c => c.ExternalId == "501");
        Assert.Equal(("C00000501", "山田 花子", "hanako@example.jp"), (hanako.Number, hanako.Name, hanako.Email));
        Assert.Equal("+819012345678", PhoneNormalizer.Normalize(hanako.PhoneRaw));
        Assert.Equal(new DateOnly(1990, 4, 1), hanako.Birthday); // birthday sync reads this
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 9, 15, 0, TimeSpan.Zero), hanako.UpdatedAt);

        var sato = page.Items.Single(c => c.ExternalId == "502"); // a numeric string id is read too
        Assert.Equal("佐藤", sato.Name);
        Assert.Null(sato.Birthday); // "0000-00-00" means none
        Assert.True(page.IsLast);
    }

    [Fact]
    public void Customers_without_id_or_with_an_impossible_date_are_skipped_with_a_reason()
    {
        var page = RepeatstMapper.MapCustomers(Read(RepeatstFixtures.Customers, RepeatstJsonContext.Default.RepeatstCustomerList));

        Assert.Equal(4, page.RowCount);
        Assert.Collection(page.Skipped,
            s => Assert.Equal((null, "顧客ID(customer_id)がありません"), (s.ExternalId, s.Reason)),
            s => Assert.Equal(("504", "更新日時(updated_at)を読み取れません: '2026-02-30 10:00:00'"), (s.ExternalId, s.Reason)));
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 10, 0, 0, TimeSpan.Zero), page.MaxUpdatedAt); // the id-less row was seen
    }

    [Fact]
    public void Orders_map_shipping_date_to_shipped_at_times_and_lines()
    {
        var page = RepeatstMapper.MapOrders(Read(RepeatstFixtures.Orders, RepeatstJsonContext.Default.RepeatstOrderList));

        var teiki = page.Items.Single(o => o.ExternalId == "9001");
        Assert.Equal(("501", "R00009001", 2916L, "77", 3), (teiki.CustomerExternalId, teiki.Number, teiki.Amount, teiki.SubscriptionExternalId, teiki.Times));
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 9, 15, 0, TimeSpan.Zero), teiki.OrderedAt);
        // 発送日 2026-02-02 is a JST day: 00:00 JST = 15:00 UTC the day before.
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 15, 0, 0, TimeSpan.Zero), teiki.ShippedAt);
        Assert.Equal(new CartOrderItemRecord("AOJIRU-30-T", "【定期】国産大麦若葉の青汁 30包", "青汁 毎月お届けコース", 1, 2916), Assert.Single(teiki.Items));
        Assert.False(teiki.Cancelled);

        var oneOff = page.Items.Single(o => o.ExternalId == "9002");
        Assert.Null(oneOff.ShippedAt);
        Assert.Null(oneOff.SubscriptionExternalId);
        Assert.Null(oneOff.Times);
        Assert.True(oneOff.Cancelled);
        Assert.Equal(["KOSO-500", "LACTO-60"], oneOff.Items.Select(i => i.ProductCode));
        Assert.Equal(2, oneOff.Items[1].Quantity);
        Assert.False(page.IsLast); // has_next: true
    }

    [Fact]
    public void Orders_with_an_unreadable_shipping_date_are_skipped()
    {
        var page = RepeatstMapper.MapOrders(Read(RepeatstFixtures.Orders, RepeatstJsonContext.Default.RepeatstOrderList));

        var skipped = Assert.Single(page.Skipped);
        Assert.Equal(("9003", "発送日(shipping_date)を読み取れません: '未定'"), (skipped.ExternalId, skipped.Reason));
    }

    [Fact]
    public void Subscriptions_map_the_three_repeatst_words_and_keep_the_raw_word()
    {
        var page = RepeatstMapper.MapSubscriptions(Read(RepeatstFixtures.Teikis, RepeatstJsonContext.Default.RepeatstTeikiList));

        var byId = page.Items.ToDictionary(s => s.ExternalId);
        Assert.Equal((ContinuationStatus.Active, "継続"), (byId["77"].Status, byId["77"].RawStatus));
        Assert.Equal((ContinuationStatus.Paused, "一時停止"), (byId["78"].Status, byId["78"].RawStatus));
        Assert.Equal((ContinuationStatus.Cancelled, "解約済"), (byId["79"].Status, byId["79"].RawStatus));
        Assert.Equal((ContinuationStatus.Unspecified, "休会中"), (byId["80"].Status, byId["80"].RawStatus)); // unknown word: kept, not guessed
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 15, 0, 0, TimeSpan.Zero), byId["77"].NextShipAt);
        Assert.Equal(("AOJIRU-30-T", "青汁 毎月お届けコース"), (byId["77"].ProductCode, byId["77"].CourseName));
        Assert.Null(byId["78"].NextShipAt);
        var skipped = Assert.Single(page.Skipped);
        Assert.Equal(("81", "次回発送予定日(next_shipping_date)を読み取れません: '03/02'"), (skipped.ExternalId, skipped.Reason));
    }
}
