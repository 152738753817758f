using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Ecai.Integrations.Carts.SubscStore;

public static class SubscStoreSetup
{
    /// <summary>The named HttpClient pipeline every サブスクストア connection shares.</summary>
    public const string HttpClientName = "subscstore";

    /// <summary>
    /// Registers the サブスクストア connector: <see cref="SubscStoreOptions"/> (section <c>Carts:SubscStore</c>), the
    /// named HTTP pipeline with the standard resilience handler (GETs only retried, never the token POST; 429 Retry-After
    /// honoured) and the client factory.
    /// </summary>
    public static IServiceCollection AddSubscStoreCart(this IServiceCollection services)
    {
        services.AddCartHttpClient<SubscStoreOptions>(HttpClientName, SubscStoreOptions.Section, o => o.IsValid(),
                (resilience, _) => resilience.Retry.DisableForUnsafeHttpMethods())
            // One circuit breaker per shop host, so one failing shop does not stop the others.
            .SelectPipelineByAuthority();

        services.AddSingleton<ICartClientFactory, SubscStoreCartClientFactory>();
        return services;
    }
}
