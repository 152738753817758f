using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shopify;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ecai.Tests.Integrations.Shopify;

public sealed class ShopifySetupTests
{
    [Fact]
    public void Factory_supports_only_shopify_and_links_to_the_shop_admin()
    {
        using var services = new ServiceCollection().AddLogging().AddShopifyCart().BuildServiceProvider();

        var factory = Assert.Single(services.GetServices<ICartClientFactory>(), f => f.Supports(CartKind.Shopify));

        Assert.False(factory.Supports(CartKind.Ecforce));
        Assert.Equal("https://shop.myshopify.com/admin/customers/42", factory.CustomerPageUrl("shop.myshopify.com", "42"));
        Assert.Throws<ArgumentException>(() => factory.Create(new CartEndpoint(1, CartKind.Ecforce, "x.jp", "https://x.jp",
            new CartSecrets(new Dictionary<string, string>()), null!, DateTimeOffset.UtcNow)));
    }

    [Theory]
    [InlineData("2025-1", 250)]
    [InlineData("2025-01", 251)]
    public void Out_of_range_options_are_refused_on_start(string version, int pageSize)
    {
        using var services = new ServiceCollection().AddLogging().AddShopifyCart()
            .Configure<ShopifyOptions>(o => (o.ApiVersion, o.PageSize) = (version, pageSize)).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ShopifyOptions>>().Value);
    }

    [Fact]
    public void Client_secrets_are_not_printed()
    {
        var secrets = new CartSecrets(new Dictionary<string, string> { [CartSpec.AccessToken] = "shpat_secret", [CartSpec.ApiSecret] = "s3cret" });

        Assert.DoesNotContain("shpat_secret", secrets.ToString());
        Assert.DoesNotContain("shpat_secret", new ShopifyAuthHandler("shpat_secret").ToString());
    }
}
