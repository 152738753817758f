using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Ecai.Integrations.Carts.Repeatst;

public static class RepeatstSetup
{
    /// <summary>The named HttpClient pipeline every リピスト connection shares.</summary>
    public const string HttpClientName = "repeatst";

    /// <summary>
    /// Registers the リピスト connector: <see cref="RepeatstOptions"/> (section <c>Carts:Repeatst</c>), the
    /// named HTTP pipeline with the standard resilience handler (GETs only retried; 429 Retry-After
    /// honoured) and the client factory.
    /// </summary>
    public static IServiceCollection AddRepeatstCart(this IServiceCollection services)
    {
        services.AddCartHttpClient<RepeatstOptions>(HttpClientName, RepeatstOptions.Section, o => o.IsValid(),
                (resilience, _) => resilience.Retry.DisableForUnsafeHttpMethods())
            // One circuit breaker per shop host, so one failing shop does not stop the others.
            .SelectPipelineByAuthority();

        services.AddSingleton<ICartClientFactory, RepeatstCartClientFactory>();
        return services;
    }
}
