using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Ecai.Integrations.Carts.Ecforce;

public static class EcforceSetup
{
    /// <summary>The named HttpClient pipeline every ecforce connection shares.</summary>
    public const string HttpClientName = "ecforce";

    /// <summary>
    /// Registers the ecforce connector: <see cref="EcforceOptions"/> (section <c>Carts:Ecforce</c>),
    /// the named HTTP pipeline with the standard resilience handler, and the client factory.
    /// </summary>
    public static IServiceCollection AddEcforceCart(this IServiceCollection services)
    {
        // ecforce publishes no rate limit [C]; practitioners back off for seconds after 429/500 [C3].
        services.AddCartHttpClient<EcforceOptions>(HttpClientName, EcforceOptions.Section, o => o.IsValid(),
                // GET only: sign-in is a POST and counts against 5 per hour [C3].
                (resilience, _) => resilience.Retry.DisableForUnsafeHttpMethods())
            // One circuit breaker per shop host, so one failing shop does not stop the others.
            .SelectPipelineByAuthority();

        services.AddSingleton<ICartClientFactory, EcforceCartClientFactory>();
        return services;
    }
}
