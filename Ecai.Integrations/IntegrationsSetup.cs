using Ecai.Integrations.Carts.Repeatst;
using Ecai.Integrations.Carts.SubscStore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecai.Integrations;

public static class IntegrationsSetup
{
    /// <summary>Every cart connector (one <see cref="Domain.Carts.ICartClientFactory"/> per cart).</summary>
    public static IServiceCollection AddEcaiIntegrations(this IServiceCollection services)
    {
        Carts.Ecforce.EcforceSetup.AddEcforceCart(services);
        Carts.Shopify.ShopifySetup.AddShopifyCart(services);
        Carts.Rakuten.RakutenSetup.AddRakutenCart(services);
        Carts.Rakuraku.RakurakuSetup.AddRakurakuCart(services);
        services.AddRepeatstCart();
        services.AddSubscStoreCart();
        Line.LineSetup.AddLineApi(services);
        return services;
    }
}
