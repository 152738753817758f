using Ecai.Domain.Carts;

namespace Ecai.Tests.Domain.Carts;

public class ContinuationStatusMapTests
{
    [Theory]
    // ecforce: admin screen words and API words.
    [InlineData(CartKind.Ecforce, "有効", ContinuationStatus.Active)]
    [InlineData(CartKind.Ecforce, "停止", ContinuationStatus.Paused)]
    [InlineData(CartKind.Ecforce, "キャンセル", ContinuationStatus.Cancelled)]
    [InlineData(CartKind.Ecforce, "active", ContinuationStatus.Active)]
    [InlineData(CartKind.Ecforce, "suspend", ContinuationStatus.Paused)]
    [InlineData(CartKind.Ecforce, "canceled", ContinuationStatus.Cancelled)]
    // リピスト
    [InlineData(CartKind.Repeatst, "継続", ContinuationStatus.Active)]
    [InlineData(CartKind.Repeatst, "一時停止", ContinuationStatus.Paused)]
    [InlineData(CartKind.Repeatst, "解約済", ContinuationStatus.Cancelled)]
    // サブスクストア
    [InlineData(CartKind.SubscStore, "継続", ContinuationStatus.Active)]
    [InlineData(CartKind.SubscStore, "停止", ContinuationStatus.Paused)]
    [InlineData(CartKind.SubscStore, "終了", ContinuationStatus.Cancelled)]
    // 楽楽リピート
    [InlineData(CartKind.RakurakuRepeat, "ご注文継続", ContinuationStatus.Active)]
    [InlineData(CartKind.RakurakuRepeat, "休止", ContinuationStatus.Paused)]
    [InlineData(CartKind.RakurakuRepeat, "ご解約", ContinuationStatus.Cancelled)]
    // Shopify subscription app: screen words and GraphQL enum values.
    [InlineData(CartKind.Shopify, "アクティブ", ContinuationStatus.Active)]
    [InlineData(CartKind.Shopify, "停止", ContinuationStatus.Paused)]
    [InlineData(CartKind.Shopify, "解約", ContinuationStatus.Cancelled)]
    [InlineData(CartKind.Shopify, "ACTIVE", ContinuationStatus.Active)]
    [InlineData(CartKind.Shopify, "PAUSED", ContinuationStatus.Paused)]
    [InlineData(CartKind.Shopify, "CANCELLED", ContinuationStatus.Cancelled)]
    // Rakuten: Active and Cancelled only.
    [InlineData(CartKind.RakutenRms, "Active", ContinuationStatus.Active)]
    [InlineData(CartKind.RakutenRms, "Cancelled", ContinuationStatus.Cancelled)]
    public void Every_word_of_every_cart_maps(CartKind cart, string word, ContinuationStatus expected) =>
        Assert.Equal(expected, ContinuationStatusMap.Map(cart, word));

    [Theory]
    [InlineData(CartKind.Ecforce, " 有効 ", ContinuationStatus.Active)]           // stray white space
    [InlineData(CartKind.Ecforce, "　停止　", ContinuationStatus.Paused)]          // ideographic spaces
    [InlineData(CartKind.Ecforce, "ｷｬﾝｾﾙ", ContinuationStatus.Cancelled)]       // half-width katakana (CSV exports)
    [InlineData(CartKind.Ecforce, "ACTIVE", ContinuationStatus.Active)]          // API words ignore case
    [InlineData(CartKind.Ecforce, "Canceled", ContinuationStatus.Cancelled)]
    [InlineData(CartKind.Shopify, "ｱｸﾃｨﾌﾞ", ContinuationStatus.Active)]
    [InlineData(CartKind.Shopify, "paused", ContinuationStatus.Paused)]
    [InlineData(CartKind.Shopify, "ＣＡＮＣＥＬＬＥＤ", ContinuationStatus.Cancelled)]  // full-width Latin
    [InlineData(CartKind.RakutenRms, "active", ContinuationStatus.Active)]
    [InlineData(CartKind.RakutenRms, "CANCELLED", ContinuationStatus.Cancelled)]
    public void Written_variants_of_a_known_word_map(CartKind cart, string word, ContinuationStatus expected) =>
        Assert.Equal(expected, ContinuationStatusMap.Map(cart, word));

    [Theory]
    [InlineData(CartKind.Ecforce, null)]
    [InlineData(CartKind.Ecforce, "")]
    [InlineData(CartKind.Ecforce, "  ")]
    [InlineData(CartKind.Ecforce, "継続")]            // another cart's word
    [InlineData(CartKind.Ecforce, "cancelled")]       // ecforce's API spells it "canceled"
    [InlineData(CartKind.Ecforce, "paused")]
    [InlineData(CartKind.Ecforce, "有 効")]
    [InlineData(CartKind.Repeatst, "停止")]           // リピスト says 一時停止
    [InlineData(CartKind.Repeatst, "解約")]
    [InlineData(CartKind.Repeatst, "有効")]
    [InlineData(CartKind.SubscStore, "一時停止")]
    [InlineData(CartKind.SubscStore, "解約済")]
    [InlineData(CartKind.RakurakuRepeat, "継続")]      // 楽楽リピート says ご注文継続
    [InlineData(CartKind.RakurakuRepeat, "解約")]
    [InlineData(CartKind.RakurakuRepeat, "停止")]
    [InlineData(CartKind.Shopify, "EXPIRED")]
    [InlineData(CartKind.Shopify, "FAILED")]
    [InlineData(CartKind.Shopify, "CANCELED")]
    [InlineData(CartKind.Shopify, "有効")]
    [InlineData(CartKind.RakutenRms, "Paused")]        // Rakuten has no paused state
    [InlineData(CartKind.RakutenRms, "停止")]
    [InlineData(CartKind.RakutenRms, "キャンセル")]
    [InlineData(CartKind.RakutenRms, "Canceled")]
    public void Unknown_words_are_Unspecified(CartKind cart, string? word) =>
        Assert.Equal(ContinuationStatus.Unspecified, ContinuationStatusMap.Map(cart, word));

    public static TheoryData<CartKind> AllCarts() => new(Enum.GetValues<CartKind>());

    [Theory]
    [MemberData(nameof(AllCarts))]
    public void Every_cart_has_a_table_whose_words_map_back(CartKind cart)
    {
        var table = ContinuationStatusMap.For(cart);
        Assert.NotEmpty(table);
        Assert.Contains(ContinuationStatus.Active, table.Values);
        Assert.Contains(ContinuationStatus.Cancelled, table.Values);
        Assert.DoesNotContain(ContinuationStatus.Unspecified, table.Values);
        foreach (var (word, status) in table)
            Assert.Equal(status, ContinuationStatusMap.Map(cart, word));
    }

    [Fact]
    public void Tables_hold_exactly_the_specified_words()
    {
        Assert.Equal(6, ContinuationStatusMap.For(CartKind.Ecforce).Count);
        Assert.Equal(3, ContinuationStatusMap.For(CartKind.Repeatst).Count);
        Assert.Equal(3, ContinuationStatusMap.For(CartKind.SubscStore).Count);
        Assert.Equal(3, ContinuationStatusMap.For(CartKind.RakurakuRepeat).Count);
        Assert.Equal(6, ContinuationStatusMap.For(CartKind.Shopify).Count);
        Assert.Equal(2, ContinuationStatusMap.For(CartKind.RakutenRms).Count);
        Assert.DoesNotContain(ContinuationStatus.Paused, ContinuationStatusMap.For(CartKind.RakutenRms).Values);
    }

    [Fact]
    public void The_shared_table_cannot_be_changed_through_For()
    {
        var table = ContinuationStatusMap.For(CartKind.RakutenRms);
        if (table is IDictionary<string, ContinuationStatus> writable)
            Assert.ThrowsAny<NotSupportedException>(() => writable["Paused"] = ContinuationStatus.Paused);
        Assert.Equal(ContinuationStatus.Unspecified, ContinuationStatusMap.Map(CartKind.RakutenRms, "Paused"));
    }
}
