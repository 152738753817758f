using Ecai.Domain.Carts;

namespace Ecai.Tests.Domain.Carts;

public class CartDomainTests
{
    [Theory]
    // The seed's examples: scheme, leading "www." and a trailing "/admin/" or "/" are dropped.
    [InlineData("http://example.com/admin/", "example.com")]
    [InlineData("https://example.com/admin/", "example.com")]
    [InlineData("https://example.com/admin", "example.com")]
    [InlineData("https://www.example.jp/", "example.jp")]
    [InlineData("https://www.example.jp", "example.jp")]
    [InlineData("www.example.jp", "example.jp")]
    [InlineData("http://www.example.jp/admin/", "example.jp")]
    [InlineData("example.com/", "example.com")]
    [InlineData("example.com", "example.com")]
    // Other sub-domains are kept.
    [InlineData("shop.example.com", "shop.example.com")]
    [InlineData("https://shop.example.com/admin/", "shop.example.com")]
    [InlineData("https://www.shop.example.com/", "shop.example.com")]
    [InlineData("https://my-shop.ec-force.example.co.jp/", "my-shop.ec-force.example.co.jp")]
    [InlineData("mystore.myshopify.com", "mystore.myshopify.com")]
    [InlineData("wwwshop.example.com", "wwwshop.example.com")]      // "www" only as a whole label
    [InlineData("shop.www.example.com", "shop.www.example.com")]    // only a leading www.
    // Case and surrounding white space.
    [InlineData("HTTPS://WWW.EXAMPLE.JP/ADMIN/", "example.jp")]
    [InlineData("Shop.Example.COM", "shop.example.com")]
    [InlineData("  https://example.com/  ", "example.com")]
    // Full-width input typed through an IME.
    [InlineData("ｈｔｔｐｓ：／／ｗｗｗ．ｅｘａｍｐｌｅ．ｊｐ／ａｄｍｉｎ／", "example.jp")]
    [InlineData("ｓｈｏｐ．ｅｘａｍｐｌｅ．ｃｏｍ", "shop.example.com")]
    // Ports: a numeric port is part of where the cart lives (sandboxes, staging) and is kept.
    [InlineData("http://example.com:8080/admin/", "example.com:8080")]
    [InlineData("127.0.0.1:5001", "127.0.0.1:5001")]
    public void Cart_domains_are_normalised(string raw, string expected) =>
        Assert.Equal(expected, CartDomain.Normalize(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("https://")]
    [InlineData("https://www.")]
    [InlineData("https:///admin/")]
    [InlineData("localhost")]                          // nothing host-like: no dot
    [InlineData("example")]
    [InlineData(".example.com")]
    [InlineData("example.com.")]
    [InlineData("example..com")]
    [InlineData("-example.com")]
    [InlineData("example-.com")]
    [InlineData("shop.-example.com")]
    [InlineData("exa mple.com")]
    [InlineData("exa_mple.com")]
    [InlineData("user:pass@example.com")]
    [InlineData("ftp://example.com")]
    [InlineData("//example.com")]
    // Junk paths, queries and fragments.
    [InlineData("https://example.com/shop/")]
    [InlineData("https://example.com/admin/orders")]
    [InlineData("https://example.com/admin/login?next=/")]
    [InlineData("https://example.com//")]
    [InlineData("https://example.com/?ref=1")]
    [InlineData("https://example.com?ref=1")]
    [InlineData("https://example.com#top")]
    // Ports that are not ports.
    [InlineData("example.com:")]
    [InlineData("example.com:abc")]
    [InlineData("example.com:0")]
    [InlineData("example.com:65536")]
    [InlineData("example.com:80:80")]
    [InlineData("example.com:+80")]
    [InlineData("example.com:08080")]
    [InlineData(":8080")]
    [InlineData("exa:mple.com")]
    public void Junk_is_rejected(string? raw) =>
        Assert.Null(CartDomain.Normalize(raw));

    [Fact]
    public void Normalize_is_idempotent()
    {
        foreach (var raw in new[] { "https://www.shop.example.com/admin/", "HTTP://EXAMPLE.JP:8443/" })
        {
            var once = CartDomain.Normalize(raw);
            Assert.NotNull(once);
            Assert.Equal(once, CartDomain.Normalize(once));
        }
    }

    [Theory]
    [InlineData("https://www.rakuten.co.jp/demo-shop/", "rakuten.co.jp/demo-shop")]
    [InlineData("www.rakuten.co.jp/Demo_Shop", "rakuten.co.jp/demo_shop")]
    [InlineData("ｄｅｍｏ－ｓｈｏｐ", "rakuten.co.jp/demo-shop")]
    [InlineData("rakuten.co.jp/demo-shop", "rakuten.co.jp/demo-shop")]
    [InlineData("https://www.rakuten.co.jp/demo-shop/item/1/", null)]
    [InlineData("shop.example.jp/demo", null)]
    [InlineData("", null)]
    public void A_rakuten_shop_is_its_url_on_rakuten_co_jp(string raw, string? expected) =>
        Assert.Equal(expected, CartDomain.NormalizeRakutenShop(raw));
}
