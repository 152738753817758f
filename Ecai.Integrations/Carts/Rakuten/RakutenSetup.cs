using Ecai.Domain.Carts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

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
        services.AddOptions<RakutenOptions>()
            .Configure<IServiceProvider>((options, sp) => sp.GetService<IConfiguration>()?.GetSection(RakutenOptions.Section).Bind(options))
            .Validate(o => o.IsValid(), "Carts:Rakuten options are out of range.")
            .ValidateOnStart();
        services.AddSingleton<RakutenPacer>();

        var http = services.AddHttpClient(HttpClientName);
        http.AddStandardResilienceHandler()
            .Configure((resilience, sp) => ConfigureResilience(resilience, sp.GetRequiredService<IOptions<RakutenOptions>>().Value));
        // Added after the resilience handler, so it runs inside it: every attempt, retries included, is paced.
        http.AddHttpMessageHandler(sp => new RakutenPacingHandler(sp.GetRequiredService<RakutenPacer>()));

        services.AddSingleton<ICartClientFactory, RakutenCartClientFactory>();
        return services;
    }

    /// <summary>
    /// Retries 408, 429, 5xx and network errors. searchOrder and getOrder are POSTs but only read, so
    /// retrying them is safe (unlike RMS's update calls, which ECAI never makes). A Retry-After header
    /// sets the wait.
    /// </summary>
    private static void ConfigureResilience(HttpStandardResilienceOptions resilience, RakutenOptions options)
    {
        resilience.Retry.MaxRetryAttempts = options.MaxRetries;
        resilience.Retry.Delay = options.RetryBaseDelay;
        resilience.Retry.ShouldRetryAfterHeader = true;
        resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = options.TotalRequestTimeout;
        var window = options.AttemptTimeout * 2;
        resilience.CircuitBreaker.SamplingDuration = window > TimeSpan.FromSeconds(30) ? window : TimeSpan.FromSeconds(30);
    }
}
