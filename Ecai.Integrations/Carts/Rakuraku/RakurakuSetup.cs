using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;

namespace Ecai.Integrations.Carts.Rakuraku;

public static class RakurakuSetup
{
    /// <summary>The named HttpClient pipeline every 楽楽リピート connection shares.</summary>
    public const string HttpClientName = "rakuraku";

    /// <summary>
    /// Registers the 楽楽リピート connector: <see cref="RakurakuOptions"/> (section <c>Carts:Rakuraku</c>), the named
    /// pipeline (standard resilience outside, one-request-per-second pacing per shop inside), and the factory as
    /// <see cref="ICartClientFactory"/> (it is also the <see cref="ICartAuthorizer"/>).
    /// </summary>
    public static IServiceCollection AddRakurakuCart(this IServiceCollection services)
    {
        services.AddCartHttpClient<RakurakuOptions>(HttpClientName, RakurakuOptions.Section, o => o.IsValid(),
                // GET only: token POSTs use single-use codes and rotating refresh tokens.
                (resilience, _) => resilience.Retry.DisableForUnsafeHttpMethods())
            .SelectPipelineByAuthority();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RakurakuPacer>();
        services.AddHttpClient(HttpClientName)
            .AddHttpMessageHandler(sp => new RakurakuPacingHandler(sp.GetRequiredService<RakurakuPacer>()));

        services.AddSingleton<ICartClientFactory, RakurakuCartClientFactory>();
        return services;
    }
}
