using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Ecai.Integrations.Carts.Rakuten;

public static class RakutenSetup
{
    /// <summary>The named HttpClient pipeline every Rakuten connection shares.</summary>
    public const string HttpClientName = "rakuten";

    /// <summary>
    /// Registers the Rakuten RMS connector: <see cref="RakutenOptions"/> (section <c>Carts:Rakuten</c>), the
    /// named HTTP pipeline (standard resilience handler, then the per-licence pacer), and the client factory.
    /// </summary>
    public static IServiceCollection AddRakutenCart(this IServiceCollection services)
    {
        // POSTs are retried too: searchOrder and getOrder are POSTs but only read, so retrying them is
        // safe (unlike RMS's update calls, which ECAI never makes).
        services.AddCartHttpClient<RakutenOptions>(HttpClientName, RakutenOptions.Section, o => o.IsValid(), (_, _) => { });
        services.AddSingleton<RakutenPacer>();
        // Added after the resilience handler, so it runs inside it: every attempt, retries included, is paced.
        services.AddHttpClient(HttpClientName)
            .AddHttpMessageHandler(sp => new RakutenPacingHandler(sp.GetRequiredService<RakutenPacer>()));

        services.AddSingleton<ICartClientFactory, RakutenCartClientFactory>();
        return services;
    }
}
