using Ecai.Domain.Carts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

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
        services.AddOptions<RakurakuOptions>()
            .Configure<IServiceProvider>((options, sp) => sp.GetService<IConfiguration>()?.GetSection(RakurakuOptions.Section).Bind(options))
            .Validate(o => o.IsValid(), "Carts:Rakuraku options are out of range.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RakurakuPacer>();

        var http = services.AddHttpClient(HttpClientName);
        http.AddStandardResilienceHandler()
            .Configure((resilience, sp) => ConfigureResilience(resilience, sp.GetRequiredService<IOptions<RakurakuOptions>>().Value))
            .SelectPipelineByAuthority();
        http.AddHttpMessageHandler(sp => new RakurakuPacingHandler(sp.GetRequiredService<RakurakuPacer>()));

        services.AddSingleton<ICartClientFactory, RakurakuCartClientFactory>();
        return services;
    }

    /// <summary>
    /// Retries 408, 429 and 5xx and network errors for GET only: token POSTs use single-use codes and rotating
    /// refresh tokens. A Retry-After header sets the wait.
    /// </summary>
    private static void ConfigureResilience(HttpStandardResilienceOptions resilience, RakurakuOptions options)
    {
        resilience.Retry.MaxRetryAttempts = options.MaxRetries;
        resilience.Retry.Delay = options.RetryBaseDelay;
        resilience.Retry.ShouldRetryAfterHeader = true;
        resilience.Retry.DisableForUnsafeHttpMethods();
        resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = options.TotalRequestTimeout;
        var window = options.AttemptTimeout * 2;
        resilience.CircuitBreaker.SamplingDuration = window > TimeSpan.FromSeconds(30) ? window : TimeSpan.FromSeconds(30);
    }
}
