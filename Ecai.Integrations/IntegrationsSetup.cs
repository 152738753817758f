using Microsoft.Extensions.DependencyInjection;

namespace Ecai.Integrations;

public static class IntegrationsSetup
{
    /// <summary>Every cart connector (one <see cref="Domain.Carts.ICartClientFactory"/> per cart).</summary>
    public static IServiceCollection AddEcaiIntegrations(this IServiceCollection services) => Carts.Rakuten.RakutenSetup.AddRakutenCart(Carts.Ecforce.EcforceSetup.AddEcforceCart(services));
}
